import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { territorySuite } from '../test-support/territories.suite.js';

forEachAdapter(ADAPTERS, territorySuite);

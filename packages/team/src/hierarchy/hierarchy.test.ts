import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { hierarchySuite } from '../test-support/hierarchy.suite.js';

forEachAdapter(ADAPTERS, hierarchySuite);

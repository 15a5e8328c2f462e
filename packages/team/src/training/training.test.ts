import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { trainingSuite } from '../test-support/training.suite.js';

forEachAdapter(ADAPTERS, trainingSuite);

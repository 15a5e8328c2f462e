import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { repSuite } from '../test-support/reps.suite.js';

forEachAdapter(ADAPTERS, repSuite);

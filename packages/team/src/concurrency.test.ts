import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from './test-support/adapters.js';
import { raceSuite } from './test-support/concurrency.suite.js';

forEachAdapter(ADAPTERS, raceSuite);

import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { handoverSuite } from '../test-support/handover.suite.js';

forEachAdapter(ADAPTERS, handoverSuite);

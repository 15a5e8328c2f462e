import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { timeZoneSuite } from '../test-support/time-zones.suite.js';

forEachAdapter(ADAPTERS, timeZoneSuite);

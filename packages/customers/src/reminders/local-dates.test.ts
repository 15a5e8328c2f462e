import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { localDatesSuite } from './local-dates.suite.js';

forEachAdapter(ADAPTERS, (adapter) => localDatesSuite(adapter.name, adapter.create));

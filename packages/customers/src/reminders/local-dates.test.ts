import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { localDatesSuite } from '../test-support/local-dates.suite.js';

forEachAdapter(ADAPTERS, (adapter) => localDatesSuite(adapter.name, adapter.create));

import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from './test-support/adapters.js';
import { taxesSuite } from './test-support/taxes.suite.js';

forEachAdapter(ADAPTERS, (adapter) => taxesSuite(adapter.name, adapter.create));

import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from './test-support/adapters.js';
import { catalogSuite } from './test-support/catalog.suite.js';

forEachAdapter(ADAPTERS, (adapter) => catalogSuite(adapter.name, adapter.create));

import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from './test-support/adapters.js';
import { pricesSuite } from './test-support/prices.suite.js';

forEachAdapter(ADAPTERS, (adapter) => pricesSuite(adapter.name, adapter.create));

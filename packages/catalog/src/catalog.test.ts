import { catalogSuite } from './test-support/catalog.suite.js';
import { ADAPTERS } from './test-support/harness.js';

for (const adapter of ADAPTERS) catalogSuite(adapter.name, adapter.create);

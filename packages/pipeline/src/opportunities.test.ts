import { ADAPTERS } from './test-support/harness.js';
import { opportunitiesSuite } from './test-support/opportunities.suite.js';

for (const adapter of ADAPTERS) opportunitiesSuite(adapter.name, adapter.create);

import { ADAPTERS } from './test-support/harness.js';
import { reportsSuite } from './test-support/reports.suite.js';

for (const adapter of ADAPTERS) reportsSuite(adapter.name, adapter.create);

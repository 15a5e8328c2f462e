import { ADAPTERS } from './test-support/harness.js';
import { tasksSuite } from './test-support/tasks.suite.js';

for (const adapter of ADAPTERS) tasksSuite(adapter.name, adapter.create);

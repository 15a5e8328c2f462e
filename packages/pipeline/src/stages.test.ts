import { ADAPTERS } from './test-support/harness.js';
import { stagesSuite } from './test-support/stages.suite.js';

for (const adapter of ADAPTERS) stagesSuite(adapter.name, adapter.create);

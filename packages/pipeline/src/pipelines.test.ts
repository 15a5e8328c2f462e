import { ADAPTERS } from './test-support/harness.js';
import { pipelinesSuite } from './test-support/pipelines.suite.js';

for (const adapter of ADAPTERS) pipelinesSuite(adapter.name, adapter.create);

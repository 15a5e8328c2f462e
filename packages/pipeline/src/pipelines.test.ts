import { forEachAdapter } from './test-support/adapters.js';
import { pipelinesSuite } from './test-support/pipelines.suite.js';

forEachAdapter(pipelinesSuite);

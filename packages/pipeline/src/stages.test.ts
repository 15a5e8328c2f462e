import { forEachAdapter } from './test-support/adapters.js';
import { stagesSuite } from './test-support/stages.suite.js';

forEachAdapter(stagesSuite);

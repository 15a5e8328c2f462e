import { forEachAdapter } from './test-support/adapters.js';
import { tasksSuite } from './test-support/tasks.suite.js';

forEachAdapter(tasksSuite);

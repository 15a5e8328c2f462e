import { forEachAdapter } from './test-support/adapters.js';
import { closingSuite } from './test-support/closing.suite.js';

forEachAdapter(closingSuite);

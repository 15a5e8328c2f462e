import { forEachAdapter } from './test-support/adapters.js';
import { scoringSuite } from './test-support/scoring.suite.js';

forEachAdapter(scoringSuite);

import { forEachAdapter } from './test-support/adapters.js';
import { reportsSuite } from './test-support/reports.suite.js';

forEachAdapter(reportsSuite);

import { forEachAdapter } from './test-support/adapters.js';
import { creditSuite } from './test-support/credit.suite.js';

forEachAdapter(creditSuite);

import { forEachAdapter } from './test-support/adapters.js';
import { quotesSuite } from './test-support/quotes.suite.js';

forEachAdapter(quotesSuite);

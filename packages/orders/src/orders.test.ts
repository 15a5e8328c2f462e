import { forEachAdapter } from './test-support/adapters.js';
import { ordersSuite } from './test-support/orders.suite.js';

forEachAdapter(ordersSuite);

import { forEachAdapter } from './test-support/adapters.js';
import { fulfilmentSuite } from './test-support/fulfilment.suite.js';

forEachAdapter(fulfilmentSuite);

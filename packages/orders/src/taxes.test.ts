import { forEachAdapter } from './test-support/adapters.js';
import { taxesSuite } from './test-support/taxes.suite.js';

forEachAdapter(taxesSuite);

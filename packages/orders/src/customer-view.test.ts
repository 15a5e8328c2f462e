import { forEachAdapter } from './test-support/adapters.js';
import { customerViewSuite } from './test-support/customer-view.suite.js';

forEachAdapter(customerViewSuite);

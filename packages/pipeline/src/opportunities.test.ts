import { forEachAdapter } from './test-support/adapters.js';
import { opportunitiesSuite } from './test-support/opportunities.suite.js';

forEachAdapter(opportunitiesSuite);

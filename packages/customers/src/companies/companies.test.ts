import { ADAPTERS } from '../test-support/adapters.js';
import { companiesSuite } from './companies.suite.js';

for (const adapter of ADAPTERS) companiesSuite(adapter.name, adapter.create);

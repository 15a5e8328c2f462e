import { ADAPTERS } from '../test-support/adapters.js';
import { accessSuite } from './access.suite.js';

for (const adapter of ADAPTERS) accessSuite(adapter.name, adapter.create);

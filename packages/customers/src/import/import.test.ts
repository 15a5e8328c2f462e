import { ADAPTERS } from '../test-support/adapters.js';
import { importSuite } from './import.suite.js';

for (const adapter of ADAPTERS) importSuite(adapter.name, adapter.create);

import { forEachAdapter } from './test-support/adapters.js';
import { importSuite } from './test-support/import.suite.js';

forEachAdapter(importSuite);

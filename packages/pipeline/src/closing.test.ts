import { closingSuite } from './test-support/closing.suite.js';
import { ADAPTERS } from './test-support/harness.js';

for (const adapter of ADAPTERS) closingSuite(adapter.name, adapter.create);

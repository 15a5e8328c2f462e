import { ADAPTERS } from './test-support/harness.js';
import { scoringSuite } from './test-support/scoring.suite.js';

for (const adapter of ADAPTERS) scoringSuite(adapter.name, adapter.create);

import { ADAPTERS } from '../test-support/adapters.js';
import { segmentsSuite } from './segments.suite.js';

for (const adapter of ADAPTERS) segmentsSuite(adapter.name, adapter.create);

import { ADAPTERS } from '../test-support/adapters.js';
import { interactionsSuite } from './interactions.suite.js';

for (const adapter of ADAPTERS) interactionsSuite(adapter.name, adapter.create);

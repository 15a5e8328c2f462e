import { ADAPTERS } from '../test-support/adapters.js';
import { tagsSuite } from './tags.suite.js';

for (const adapter of ADAPTERS) tagsSuite(adapter.name, adapter.create);

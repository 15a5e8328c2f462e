import { ADAPTERS } from '../test-support/adapters.js';
import { contactsSuite } from './contacts.suite.js';

for (const adapter of ADAPTERS) contactsSuite(adapter.name, adapter.create);

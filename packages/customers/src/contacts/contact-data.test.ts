import { ADAPTERS } from '../test-support/adapters.js';
import { contactDataSuite } from './contact-data.suite.js';

for (const adapter of ADAPTERS) contactDataSuite(adapter.name, adapter.create);

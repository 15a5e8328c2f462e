import { ADAPTERS } from '../test-support/adapters.js';
import { localDatesSuite } from './local-dates.suite.js';

for (const adapter of ADAPTERS) localDatesSuite(adapter.name, adapter.create);

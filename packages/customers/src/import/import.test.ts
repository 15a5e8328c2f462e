import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { importSuite } from '../test-support/import.suite.js';

forEachAdapter(ADAPTERS, (adapter) => importSuite(adapter.name, adapter.create));

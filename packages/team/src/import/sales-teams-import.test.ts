import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { importSuite } from '../test-support/sales-teams-import.suite.js';

forEachAdapter(ADAPTERS, importSuite);

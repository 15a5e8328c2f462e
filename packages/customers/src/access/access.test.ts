import { forEachAdapter } from '@sellkit/core/testing';
import { accessSuite } from '../test-support/access.suite.js';
import { ADAPTERS } from '../test-support/adapters.js';

forEachAdapter(ADAPTERS, (adapter) => accessSuite(adapter.name, adapter.create));

import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { accessSuite } from './access.suite.js';

forEachAdapter(ADAPTERS, (adapter) => accessSuite(adapter.name, adapter.create));

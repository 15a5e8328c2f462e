import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { companiesSuite } from '../test-support/companies.suite.js';

forEachAdapter(ADAPTERS, (adapter) => companiesSuite(adapter.name, adapter.create));

import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { tagsSuite } from '../test-support/tags.suite.js';

forEachAdapter(ADAPTERS, (adapter) => tagsSuite(adapter.name, adapter.create));

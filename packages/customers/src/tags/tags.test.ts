import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { tagsSuite } from './tags.suite.js';

forEachAdapter(ADAPTERS, (adapter) => tagsSuite(adapter.name, adapter.create));

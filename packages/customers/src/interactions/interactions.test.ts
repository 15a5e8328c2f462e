import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { interactionsSuite } from '../test-support/interactions.suite.js';

forEachAdapter(ADAPTERS, (adapter) => interactionsSuite(adapter.name, adapter.create));

import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { contactsSuite } from '../test-support/contacts.suite.js';

forEachAdapter(ADAPTERS, (adapter) => contactsSuite(adapter.name, adapter.create));

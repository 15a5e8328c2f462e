import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { contactDataSuite } from '../test-support/contact-data.suite.js';

forEachAdapter(ADAPTERS, (adapter) => contactDataSuite(adapter.name, adapter.create));

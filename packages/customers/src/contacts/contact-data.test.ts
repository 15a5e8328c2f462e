import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { contactDataSuite } from './contact-data.suite.js';

forEachAdapter(ADAPTERS, (adapter) => contactDataSuite(adapter.name, adapter.create));

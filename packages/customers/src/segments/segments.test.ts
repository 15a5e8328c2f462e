import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { segmentsSuite } from '../test-support/segments.suite.js';

forEachAdapter(ADAPTERS, (adapter) => segmentsSuite(adapter.name, adapter.create));

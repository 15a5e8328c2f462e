import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS, PGLITE } from '../test-support/adapters.js';
import { quotaSuite } from '../test-support/quotas.suite.js';

forEachAdapter([...ADAPTERS, ...PGLITE], quotaSuite);

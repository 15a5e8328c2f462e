import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS, PGLITE } from '../test-support/adapters.js';
import { commissionsSuite } from '../test-support/commissions.suite.js';

forEachAdapter([...ADAPTERS, ...PGLITE], commissionsSuite);

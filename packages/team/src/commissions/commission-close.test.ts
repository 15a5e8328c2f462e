import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS, PGLITE } from '../test-support/adapters.js';
import { commissionCloseSuite } from '../test-support/commission-close.suite.js';

forEachAdapter([...ADAPTERS, ...PGLITE], commissionCloseSuite);

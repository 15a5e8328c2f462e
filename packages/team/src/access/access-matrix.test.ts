import { forEachAdapter } from '@sellkit/core/testing';
import { accessMatrix } from '../test-support/access-matrix.suite.js';
import { ADAPTERS, PGLITE } from '../test-support/adapters.js';

forEachAdapter([...ADAPTERS, ...PGLITE], accessMatrix);

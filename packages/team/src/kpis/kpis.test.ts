import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS, PGLITE } from '../test-support/adapters.js';
import { kpiSuite } from '../test-support/kpis.suite.js';

forEachAdapter([...ADAPTERS, ...PGLITE], kpiSuite);

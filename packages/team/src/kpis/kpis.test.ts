import { forEachAdapter } from '@sellkit/core/testing';
import { ADAPTERS } from '../test-support/adapters.js';
import { kpiSuite } from '../test-support/kpis.suite.js';

forEachAdapter(ADAPTERS, kpiSuite);

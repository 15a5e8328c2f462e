import type { AdapterTarget } from '@sellkit/core/testing';
import { adapterMatrix } from '@sellkit/storage-kysely/testing';

/**
 * Every adapter the service suites run on (run them with `forEachAdapter`). PGlite and
 * PostgreSQL (without SELLKIT_PG_URL skipped locally, failing in CI) are one database (schema)
 * per test file and plugin set (starting one takes seconds); every test gets a tenant
 * of its own, so tests stay isolated as on any shared database.
 */
export const ADAPTERS: readonly AdapterTarget[] = adapterMatrix([
  'memory',
  'sqlite',
  'pglite',
  'postgres',
]);

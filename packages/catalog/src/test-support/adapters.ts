import type { AdapterTarget } from '@sellkit/core/testing';
import { adapterMatrix, postgresTarget } from '@sellkit/storage-kysely/testing';

/**
 * Every adapter the suites run on (run them with `forEachAdapter`): memory, SQLite and
 * PostgreSQL (a schema per test; without SELLKIT_PG_URL skipped locally, failing in CI).
 */
export const ADAPTERS: readonly AdapterTarget[] = [
  ...adapterMatrix(['memory', 'sqlite']),
  postgresTarget('sk_catalog', { perTest: true }),
];

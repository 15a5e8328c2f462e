import type { StorageAdapter } from '@sellkit/core';
import type { AdapterTarget } from '@sellkit/core/testing';
import { adapterMatrix, pgliteTarget, postgresTarget } from '@sellkit/storage-kysely/testing';

/** Makes a fresh storage adapter for one test. */
export type AdapterFactory = () => StorageAdapter | Promise<StorageAdapter>;

/** A row of the adapter matrix: a name for test titles and the factory of one test's adapter. */
export type NamedAdapter = AdapterTarget;

/**
 * Every adapter the service suites run on (run them with `forEachAdapter`): memory, SQLite and
 * PostgreSQL, each test on an empty database (PostgreSQL: a schema per test; without
 * SELLKIT_PG_URL skipped locally, failing in CI).
 */
export const ADAPTERS: readonly NamedAdapter[] = [
  ...adapterMatrix(['memory', 'sqlite']),
  postgresTarget('sk_team', { perTest: true }),
];

/**
 * PostgreSQL in WebAssembly, for the suites where SQL semantics matter most (access scopes in
 * the query, assignment). Slow (seconds per test), so opt-in: `SELLKIT_TEST_PGLITE=1`.
 */
export const PGLITE: readonly NamedAdapter[] = process.env.SELLKIT_TEST_PGLITE
  ? [pgliteTarget({ perTest: true })]
  : [];

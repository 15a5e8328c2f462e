/**
 * Test helpers for module and adapter authors: the SQLite, PGlite and PostgreSQL rows of the
 * adapter matrix (run them with `forEachAdapter` from `@sellkit/core/testing`), the driver
 * targets of this package's own suites, and the PostgreSQL test database helpers
 * (SELLKIT_PG_URL: suites skip locally without it and fail in CI).
 *
 * @packageDocumentation
 * @module @sellkit/storage-kysely/testing
 */
export type { TargetName } from './adapter-targets.js';
export { adapterMatrix, pgliteTarget, postgresTarget, sqliteTarget } from './adapter-targets.js';
export type { DriverTarget } from './driver-targets.js';
export { driverTargets } from './driver-targets.js';
export {
  describePostgres,
  dropSchema,
  postgresUnavailable,
  postgresUrl,
  testSchema,
} from './postgres.js';

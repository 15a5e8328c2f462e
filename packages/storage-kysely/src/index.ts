/**
 * Sellkit storage on Kysely: SQLite (better-sqlite3 or libsql, the embedded default), PostgreSQL
 * (pg) and PGlite adapters, a driver over the host's own Kysely instance, and migrations from
 * model definitions.
 *
 * @packageDocumentation
 * @module @sellkit/storage-kysely
 */
export type { KyselyStorageAdapter } from './adapters/adapters.js';
export { kysely, pglite, postgres, sqlite } from './adapters/adapters.js';
export type {
  HostKyselyOptions,
  PgliteTarget,
  PostgresOptions,
  PostgresTarget,
  SqliteTarget,
} from './adapters/drivers.js';
export { kyselyDriver, pgliteDriver, postgresDriver, sqliteDriver } from './adapters/drivers.js';
export type { SqliteSettings } from './adapters/sqlite-database.js';
export type {
  NativeOpenOptions,
  NativeSqlite,
  NativeStatement,
  SqliteBinding,
  SqliteDriverName,
} from './adapters/sqlite-native.js';
export { loadSqlite, sqliteDriverName } from './adapters/sqlite-native.js';
export type { DialectName } from './dialects/dialect.js';
export type { KyselyLike } from './driver/executor.js';
export type {
  KyselyDriverOptions,
  KyselyStorageDriver,
  MigrationRecord,
  TransactionStarter,
} from './driver/kysely-driver.js';
export { createKyselyDriver } from './driver/kysely-driver.js';
export { MIGRATIONS_TABLE } from './migrate/names.js';

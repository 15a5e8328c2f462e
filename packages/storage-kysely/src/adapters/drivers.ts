import { SellkitError } from '@sellkit/core';
import {
  Kysely,
  type PGlite,
  PGliteDialect,
  PostgresDialect,
  type PostgresPool,
  SqliteDialect,
} from 'kysely';
import type { KyselyLike } from '../driver/executor.js';
import { createKyselyDriver, type KyselyStorageDriver } from '../driver/kysely-driver.js';
import { wrapPool } from './named-statements.js';
import { openSqlite, type SqliteSettings } from './sqlite-database.js';

/** Where a SQLite database lives: a file, or memory (gone when closed). */
export type SqliteTarget = { readonly file: string } | { readonly memory: true };

/**
 * The SQLite driver on better-sqlite3 (WAL, busy timeout, foreign keys on). The database opens
 * on first use; open errors surface as `STORAGE_FAILURE`.
 *
 * @example
 * ```ts
 * import { createStorage } from '@sellkit/core/driver';
 * const storage = createStorage(sqliteDriver({ file: 'crm.db' }));
 * ```
 */
export function sqliteDriver(
  target: SqliteTarget,
  settings: SqliteSettings = {},
): KyselyStorageDriver {
  const filename = 'file' in target ? target.file : target.memory === true ? ':memory:' : undefined;
  if (typeof filename !== 'string' || filename === '') {
    throw new SellkitError('CONFIGURATION_INVALID', 'sqlite needs { file } or { memory: true }');
  }
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: () => openSqlite(filename, settings) }),
  });
  return createKyselyDriver({
    db,
    dialect: 'sqlite',
    name: 'sqlite',
    exclusive: true,
    onClose: () => db.destroy(),
  });
}

/** How to reach PostgreSQL: a connection URL (a pool is created), or a pg `Pool` you own. */
export type PostgresTarget = { readonly url: string } | { readonly pool: PostgresPool };

/** Options of the Postgres driver. */
export interface PostgresOptions {
  /** The schema holding Sellkit's tables; created by `setup` when missing. */
  readonly schema?: string;
  /** Connections of the pool created for `{ url }` (default 10). */
  readonly maxConnections?: number;
}

/**
 * The PostgreSQL driver on pg. With `{ url }` it owns its pool and ends it on `close()`; a
 * `{ pool }` you pass stays yours (close it yourself). `pg` is loaded on first use, so hosts on
 * SQLite never need it.
 *
 * @example
 * ```ts
 * import { createStorage } from '@sellkit/core/driver';
 * const storage = createStorage(postgresDriver({ url: process.env.DATABASE_URL! }, { schema: 'crm' }));
 * ```
 */
export function postgresDriver(
  target: PostgresTarget,
  options: PostgresOptions = {},
): KyselyStorageDriver {
  checkSchema(options.schema);
  let pool: PostgresPool | (() => Promise<PostgresPool>);
  if ('pool' in target) {
    pool = wrapPool(target.pool, { named: false });
  } else if (typeof target.url === 'string' && target.url !== '') {
    const url = target.url;
    pool = async () => {
      const { default: pg } = await import('pg');
      const created = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
      // An idle client that loses its connection emits on the pool; without a listener that
      // would crash the host. The next query on it fails and is reported instead.
      created.on('error', () => undefined);
      return wrapPool(created, { named: true });
    };
  } else {
    throw new SellkitError('CONFIGURATION_INVALID', 'postgres needs { url } or { pool }');
  }
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const owned = !('pool' in target);
  return createKyselyDriver({
    db,
    dialect: 'postgres',
    name: 'postgres',
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    // Kysely's destroy() ends the pool: only do that to a pool created here.
    onClose: owned ? () => db.destroy() : async () => undefined,
  });
}

/** Where PGlite keeps data: a directory (`dataDir`), memory (no option), or your instance. */
export type PgliteTarget = { readonly dataDir?: string } | { readonly instance: PGlite };

/**
 * The PGlite driver (PostgreSQL in WebAssembly, in process). Without options the database lives
 * in memory. An instance you pass must not be used by other code while Sellkit runs: the
 * driver reserves its single connection and runs BEGIN/COMMIT on it.
 *
 * @example
 * ```ts
 * import { createStorage } from '@sellkit/core/driver';
 * const storage = createStorage(pgliteDriver({ dataDir: './crm-pgdata' }));
 * ```
 */
export function pgliteDriver(target: PgliteTarget = {}): KyselyStorageDriver {
  const owned = !('instance' in target);
  const pglite: PGlite | (() => Promise<PGlite>) =
    'instance' in target
      ? target.instance
      : async () => {
          const { PGlite } = await import('@electric-sql/pglite');
          const created = target.dataDir === undefined ? new PGlite() : new PGlite(target.dataDir);
          return created as unknown as PGlite;
        };
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  return createKyselyDriver({
    db,
    dialect: 'postgres',
    name: 'pglite',
    exclusive: true,
    onClose: owned ? () => db.destroy() : async () => undefined,
  });
}

/** Options of the driver over a host's own Kysely instance. */
export interface HostKyselyOptions {
  readonly dialect: 'sqlite' | 'postgres';
  /** Postgres only: the schema holding Sellkit's tables. */
  readonly schema?: string;
}

/**
 * A driver over a Kysely instance the host already has (its pool, its plugins stay untouched).
 * Pass a Kysely transaction (`db.transaction().execute(trx => ...)`) to bind a driver to it.
 * `close()` leaves the instance open: it is the host's.
 *
 * @example
 * ```ts
 * import { createStorage } from '@sellkit/core/driver';
 * import { Kysely, SqliteDialect } from 'kysely';
 * import Database from 'better-sqlite3';
 * const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database('erp.db') }) });
 * const storage = createStorage(kyselyDriver(db, { dialect: 'sqlite' }));
 * ```
 */
export function kyselyDriver(db: KyselyLike, options: HostKyselyOptions): KyselyStorageDriver {
  checkSchema(options.schema);
  return createKyselyDriver({
    db,
    dialect: options.dialect,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
  });
}

function checkSchema(schema: unknown): void {
  if (schema === undefined) return;
  if (typeof schema !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'schema must be a lower-case identifier of at most 63 characters',
      { schema },
    );
  }
}

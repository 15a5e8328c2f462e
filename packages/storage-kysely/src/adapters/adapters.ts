import { createStorage, type StorageAdapter } from '@sellkit/core/driver';
import type { KyselyLike } from '../driver/executor.js';
import type { KyselyStorageDriver, TransactionStarter } from '../driver/kysely-driver.js';
import {
  type HostKyselyOptions,
  kyselyDriver,
  type PgliteTarget,
  type PostgresOptions,
  type PostgresTarget,
  pgliteDriver,
  postgresDriver,
  type SqliteTarget,
  sqliteDriver,
} from './drivers.js';
import type { SqliteSettings } from './sqlite-database.js';

/** A storage adapter on Kysely: the kernel's adapter plus host-transaction support. */
export interface KyselyStorageAdapter extends StorageAdapter {
  /** The driver underneath (for adapter authors and diagnostics). */
  readonly driver: KyselyStorageDriver;
  /**
   * Runs `work` inside a transaction the host opened on its own Kysely instance (same
   * database): every Sellkit call made from `work`, through this adapter or a `createSellkit`
   * facade built on it, runs on `trx` and commits or rolls back with the host's work. Sellkit
   * transactions inside become savepoints. Models must have been set up beforehand.
   *
   * The host commits after `work` returns, out of Sellkit's sight, so events are delivered when
   * `work` ends (before that commit; nothing is delivered when `work` throws). Use
   * {@link KyselyStorageAdapter.hostTransaction} (or the outbox) when delivery must follow the
   * host's commit.
   *
   * @example
   * ```ts
   * import { Kysely, PostgresDialect } from 'kysely';
   * import { Pool } from 'pg';
   * import { company } from '@sellkit/customers';
   * interface HostDb {
   *   erp_order: { id: string; customer: string };
   * }
   * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
   * const db = new Kysely<HostDb>({ dialect: new PostgresDialect({ pool }) });
   * const storage = kysely(db, { dialect: 'postgres' });
   * const order = { id: 'o-1', customer: 'Cancity' };
   * await db.transaction().execute((trx) =>
   *   storage.withTransaction(trx, async () => {
   *     await trx.insertInto('erp_order').values(order).execute();
   *     await storage.forTenant('acme').insert(company, [{ name: order.customer }]);
   *   }),
   * );
   * ```
   */
  withTransaction<T>(trx: KyselyLike, work: () => Promise<T>): Promise<T>;
  /**
   * Opens a transaction on the host's own Kysely instance, runs `work(trx)` with every Sellkit
   * call made from it on that transaction (Sellkit transactions inside become savepoints),
   * commits, and only then delivers the events the work emitted. When `work` throws, the host's
   * writes and Sellkit's roll back together and no event is delivered.
   *
   * @example
   * ```ts
   * import { Kysely, PostgresDialect } from 'kysely';
   * import { Pool } from 'pg';
   * interface HostDb {
   *   erp_order: { id: string; customer: string };
   * }
   * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
   * const db = new Kysely<HostDb>({ dialect: new PostgresDialect({ pool }) });
   * const storage = kysely(db, { dialect: 'postgres' }); // the storage crm was created with
   * const order = { id: 'o-1', customer: 'Cancity' };
   * await storage.hostTransaction(db, async (trx) => {
   *   await trx.insertInto('erp_order').values(order).execute();
   *   await crm.as(ctx).customers.companies.create({ name: order.customer });
   * }); // customer.created is heard here, after the commit
   * ```
   */
  hostTransaction<Trx extends KyselyLike, T>(
    db: TransactionStarter<Trx>,
    work: (trx: Trx) => Promise<T>,
  ): Promise<T>;
}

function adapterOf(driver: KyselyStorageDriver): KyselyStorageAdapter {
  const storage = createStorage(driver);
  return {
    name: storage.name,
    setup: (models, options) => storage.setup(models, options),
    forTenant: (tenantId, options) => storage.forTenant(tenantId, options),
    close: () => storage.close(),
    driver,
    withTransaction: (trx, work) => driver.withTransaction(trx, work),
    hostTransaction: (db, work) => driver.hostTransaction(db, work),
  };
}

/**
 * SQLite storage (better-sqlite3): the embedded default. A file, or memory for tests.
 *
 * @example
 * ```ts
 * import { createSellkit } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * const crm = await createSellkit({ storage: sqlite({ file: 'crm.db' }), modules: [customers()] });
 * const scratch = sqlite({ memory: true });
 * ```
 */
export function sqlite(target: SqliteTarget, settings?: SqliteSettings): KyselyStorageAdapter {
  return adapterOf(sqliteDriver(target, settings));
}

/**
 * PostgreSQL storage (pg), from a URL (own pool) or your pool; optionally in its own schema.
 *
 * @example
 * ```ts
 * const storage = postgres({ url: process.env.DATABASE_URL! }, { schema: 'sellkit' });
 * ```
 */
export function postgres(target: PostgresTarget, options?: PostgresOptions): KyselyStorageAdapter {
  return adapterOf(postgresDriver(target, options));
}

/**
 * PGlite storage: PostgreSQL compiled to WebAssembly, in process. In memory without options.
 *
 * @example
 * ```ts
 * const storage = pglite({ dataDir: './crm-data' });
 * ```
 */
export function pglite(target?: PgliteTarget): KyselyStorageAdapter {
  return adapterOf(pgliteDriver(target));
}

/**
 * Storage on a Kysely instance the host already has. `close()` leaves it open.
 *
 * @example
 * ```ts
 * import { Kysely, PostgresDialect } from 'kysely';
 * import { Pool } from 'pg';
 * interface HostDb {
 *   erp_order: { id: string; customer: string };
 * }
 * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
 * const db = new Kysely<HostDb>({ dialect: new PostgresDialect({ pool }) });
 * const storage = kysely(db, { dialect: 'postgres', schema: 'sellkit' });
 * ```
 */
export function kysely(db: KyselyLike, options: HostKyselyOptions): KyselyStorageAdapter {
  return adapterOf(kyselyDriver(db, options));
}

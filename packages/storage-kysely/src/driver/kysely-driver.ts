import { AsyncLocalStorage } from 'node:async_hooks';
import { SellkitError } from '@sellkit/core';
import type { StorageDriver, TableLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { DialectName, Sql, SqlDialect } from '../dialects/dialect.js';
import { postgresDialect } from '../dialects/postgres-dialect.js';
import { sqliteDialect } from '../dialects/sqlite-dialect.js';
import { setupTables } from '../migrate/setup.js';
import { createTablePlan, type TablePlan } from '../sql/table-plan.js';
import { storageError } from './errors.js';
import type { AnyKysely, KyselyLike, SqlExecutor } from './executor.js';
import { exclusiveRoot, hostTransactionRoot, pooledRoot } from './roots.js';
import {
  createSession,
  type SessionShared,
  type SqlSession,
  type TransactionOpener,
} from './session/index.js';

/** Options of {@link createKyselyDriver}. */
export interface KyselyDriverOptions {
  /** The Kysely instance (or a Kysely transaction) the driver runs on. */
  readonly db: KyselyLike;
  /** The SQL dialect of `db`. */
  readonly dialect: DialectName;
  /** The driver's name in logs and test titles; defaults to the dialect. */
  readonly name?: string;
  /** Postgres: the schema holding Sellkit's tables (created by `setup`). Default: search_path. */
  readonly schema?: string;
  /**
   * The database has a single connection that only this driver uses (an owned better-sqlite3
   * database or PGlite instance): the driver reserves it once and serialises transactions
   * itself, which avoids Kysely's per-query connection hand-over.
   */
  readonly exclusive?: boolean;
  /** Called by `close()`, e.g. to destroy a Kysely instance the factory created. */
  readonly onClose?: () => Promise<void>;
}

/** A Kysely instance as far as `hostTransaction` needs it: it can open a transaction. */
export interface TransactionStarter<Trx extends KyselyLike> {
  transaction(): { execute<R>(callback: (trx: Trx) => Promise<R>): Promise<R> };
}

/**
 * A {@link StorageDriver} on Kysely, plus a way to run Sellkit inside a transaction the host
 * opened on its own Kysely instance.
 */
export interface KyselyStorageDriver extends StorageDriver {
  readonly dialect: DialectName;
  /**
   * Runs `work` so that every call this driver receives from the same async context (directly
   * or through the kernel) goes to `trx`; Sellkit transactions inside become savepoints.
   */
  withTransaction<T>(trx: KyselyLike, work: () => Promise<T>): Promise<T>;
  /**
   * Opens a transaction on the host's Kysely instance, runs `work(trx)` with every Sellkit call
   * of its async context on `trx`, commits, and only then runs what waited for the commit
   * (the kernel's event deliveries). When `work` throws, everything rolls back and nothing runs.
   */
  hostTransaction<Trx extends KyselyLike, T>(
    db: TransactionStarter<Trx>,
    work: (trx: Trx) => Promise<T>,
  ): Promise<T>;
  /** What `setup` applied so far (from `sk_migrations`), oldest first. */
  migrations(): Promise<MigrationRecord[]>;
}

/** One applied setup, as recorded in `sk_migrations`. */
export interface MigrationRecord {
  readonly id: number;
  /** ISO-8601 instant. */
  readonly appliedAt: string;
  /** SHA-256 of the layouts the setup was asked for. */
  readonly checksum: string;
  readonly tables: string[];
  readonly statements: string[];
}

const DIALECTS: Record<DialectName, SqlDialect> = {
  sqlite: sqliteDialect,
  postgres: postgresDialect,
};

/**
 * Creates the Kysely-backed storage driver. Hosts normally use the adapter factories
 * (`sqlite()`, `postgres()`, `pglite()`, `kysely()`); this is for adapter authors and tests.
 *
 * @example
 * ```ts
 * import { createStorage } from '@sellkit/core/driver';
 * import { Kysely, PostgresDialect } from 'kysely';
 * import { Pool } from 'pg';
 * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
 * const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
 * const driver = createKyselyDriver({ db, dialect: 'postgres', schema: 'crm' });
 * const storage = createStorage(driver);
 * ```
 */
export function createKyselyDriver(options: KyselyDriverOptions): KyselyStorageDriver {
  const dialect = DIALECTS[options.dialect];
  if (!dialect) {
    throw new SellkitError('CONFIGURATION_INVALID', `unknown dialect ${String(options.dialect)}`);
  }
  if (options.schema !== undefined && options.dialect !== 'postgres') {
    throw new SellkitError('CONFIGURATION_INVALID', 'schema is only supported on postgres');
  }
  const db: AnyKysely = options.db;
  const schema = options.schema;
  const qualify = (table: string): Sql =>
    schema === undefined ? sql.id(table) : sql.id(schema, table);
  const shared = sharedOf(db, dialect, schema, qualify);

  const root = db.isTransaction
    ? hostTransactionRoot(shared, db)
    : options.exclusive
      ? exclusiveRoot(shared, db)
      : pooledRoot(shared, db);
  const base = createSession(shared, root.executor, {
    inTransaction: db.isTransaction,
    open: root.open,
  });

  // Sessions bound to a host's transaction by withTransaction(), per async context.
  const hosted = new AsyncLocalStorage<{ session: SqlSession; open: TransactionOpener }>();
  let hostedUsed = false;
  const current = (): SqlSession => (hostedUsed ? (hosted.getStore()?.session ?? base) : base);
  let closed = false;

  /** Binds this async context to the host's transaction; commit callbacks wait in `queue`. */
  function runHosted<T>(
    trx: KyselyLike,
    queue: (() => void)[],
    work: () => Promise<T>,
  ): Promise<T> {
    if (!trx?.isTransaction) {
      return Promise.reject(
        new SellkitError('CONFIGURATION_INVALID', 'withTransaction needs a Kysely transaction'),
      );
    }
    hostedUsed = true;
    const hostRoot = hostTransactionRoot(shared, trx);
    const session = createSession(shared, hostRoot.executor, {
      inTransaction: true,
      open: hostRoot.open,
      commitQueue: queue,
    });
    return hosted.run({ session, open: hostRoot.open }, work);
  }

  const driver: KyselyStorageDriver = {
    name: options.name ?? options.dialect,
    dialect: options.dialect,
    get inTransaction() {
      return current().inTransaction;
    },
    ...delegatesTo(current),
    setup(tables, setupOptions) {
      const open = (hostedUsed ? hosted.getStore()?.open : undefined) ?? root.open;
      return setupTables(
        { dialect, schema, compiler: db, qualify },
        tables,
        setupOptions?.dryRun === true,
        open,
      );
    },
    async withTransaction(trx, work) {
      // The host commits later, out of sight: what waits for a commit runs when `work` ends.
      const queue: (() => void)[] = [];
      const result = await runHosted(trx, queue, work);
      for (const callback of queue) callback();
      return result;
    },
    async hostTransaction(db, work) {
      if (typeof db?.transaction !== 'function') {
        throw new SellkitError(
          'CONFIGURATION_INVALID',
          'hostTransaction needs a Kysely instance (db), not a transaction',
        );
      }
      const queue: (() => void)[] = [];
      const result = await db
        .transaction()
        .execute((trx) => runHosted(trx, queue, () => work(trx)));
      for (const callback of queue) callback();
      return result;
    },
    migrations: () => readMigrations(shared, root.executor, qualify),
    async close() {
      if (closed) return;
      closed = true;
      await root.close();
      await options.onClose?.();
    },
  };
  return driver;
}

/** What every session of one driver shares: table plans and SQL texts, each built once. */
function sharedOf(
  db: AnyKysely,
  dialect: SqlDialect,
  schema: string | undefined,
  qualify: (table: string) => Sql,
): SessionShared {
  const plans = new WeakMap<TableLayout, TablePlan>();
  const texts = new Map<string, string>();
  return {
    dialect,
    compiler: db,
    sequenceTable: qualify('sk_sequence'),
    plan(layout) {
      let plan = plans.get(layout);
      if (!plan) {
        plan = createTablePlan(layout, dialect, db, schema);
        plans.set(layout, plan);
      }
      return plan;
    },
    text(key, build) {
      let text = texts.get(key);
      if (text === undefined) {
        text = build().compile(db).sql;
        texts.set(key, text);
      }
      return text;
    },
  };
}

/** The session calls of the driver, each sent to the session `current()` returns at call time. */
function delegatesTo(current: () => SqlSession) {
  return {
    insert: (tenantId, table, rows) => current().insert(tenantId, table, rows),
    get: (tenantId, table, id) => current().get(tenantId, table, id),
    getMany: (tenantId, table, ids) => current().getMany(tenantId, table, ids),
    find: (tenantId, table, query) => current().find(tenantId, table, query),
    count: (tenantId, table, where) => current().count(tenantId, table, where),
    update: (tenantId, table, id, expectedVersion, changes) =>
      current().update(tenantId, table, id, expectedVersion, changes),
    updateMany: (tenantId, table, updates) => current().updateMany(tenantId, table, updates),
    afterCommit: (callback) => current().afterCommit(callback),
    delete: (tenantId, table, id, expectedVersion) =>
      current().delete(tenantId, table, id, expectedVersion),
    aggregate: (tenantId, table, query) => current().aggregate(tenantId, table, query),
    nextSequenceValue: (tenantId, name) => current().nextSequenceValue(tenantId, name),
    transaction: (work) => current().transaction(work),
  } satisfies Partial<SqlSession>;
}

/** `KyselyStorageDriver.migrations`: the rows of `sk_migrations`, oldest first. */
async function readMigrations(
  shared: SessionShared,
  executor: SqlExecutor,
  qualify: (table: string) => Sql,
): Promise<MigrationRecord[]> {
  const text = shared.text(
    'migrations',
    () =>
      sql`SELECT ${sql.join(['id', 'applied_at', 'checksum', 'tables', 'statements'].map((name) => sql.id(name)))} FROM ${qualify('sk_migrations')} ORDER BY ${sql.id('id')}`,
  );
  try {
    const { rows } = await executor.execute(text, []);
    return rows.map((row) => ({
      id: Number(row.id),
      appliedAt: String(row.applied_at),
      checksum: String(row.checksum),
      tables: JSON.parse(String(row.tables)) as string[],
      statements: JSON.parse(String(row.statements)) as string[],
    }));
  } catch (error) {
    throw storageError(error, shared.dialect, { operation: 'migrations', table: 'sk_migrations' });
  }
}

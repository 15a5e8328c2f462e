import { AsyncLocalStorage } from 'node:async_hooks';
import type { StorageDriver, TableLayout } from '@sellkit/core';
import { createMutex, type Mutex, SellkitError } from '@sellkit/core';
import { type DatabaseConnection, sql } from 'kysely';
import type { DialectName, Sql, SqlDialect } from '../dialects/dialect.js';
import { postgresDialect } from '../dialects/postgres-dialect.js';
import { sqliteDialect } from '../dialects/sqlite-dialect.js';
import { setupTables } from '../migrate/setup.js';
import { createTablePlan, type TablePlan } from '../sql/table-plan.js';
import { storageError } from './errors.js';
import {
  type AnyKysely,
  connectionExecutor,
  type KyselyLike,
  kyselyExecutor,
  type SqlExecutor,
} from './executor.js';
import { exec, savepointOpener } from './savepoints.js';
import {
  createSession,
  type SessionShared,
  type SqlSession,
  type TransactionOpener,
} from './session.js';

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
 * import { createStorage } from '@sellkit/core';
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
  const plans = new WeakMap<TableLayout, TablePlan>();
  const texts = new Map<string, string>();
  const qualify = (table: string): Sql =>
    schema === undefined ? sql.id(table) : sql.id(schema, table);
  const shared: SessionShared = {
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
    async migrations() {
      const text = shared.text(
        'migrations',
        () =>
          sql`SELECT ${sql.join(['id', 'applied_at', 'checksum', 'tables', 'statements'].map((name) => sql.id(name)))} FROM ${qualify('sk_migrations')} ORDER BY ${sql.id('id')}`,
      );
      try {
        const { rows } = await root.executor.execute(text, []);
        return rows.map((row) => ({
          id: Number(row.id),
          appliedAt: String(row.applied_at),
          checksum: String(row.checksum),
          tables: JSON.parse(String(row.tables)) as string[],
          statements: JSON.parse(String(row.statements)) as string[],
        }));
      } catch (error) {
        throw storageError(error, dialect, { operation: 'migrations', table: 'sk_migrations' });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await root.close();
      await options.onClose?.();
    },
  };
  return driver;
}

interface Root {
  readonly executor: SqlExecutor;
  readonly open: TransactionOpener;
  close(): Promise<void>;
}

/** Runs BEGIN on `executor`, then `work`, then COMMIT (or ROLLBACK when it throws). */
async function beginCommit<T>(
  shared: SessionShared,
  executor: SqlExecutor,
  work: (executor: SqlExecutor, depth: number) => Promise<T>,
): Promise<T> {
  await exec(shared, executor, shared.dialect.beginSql, 'begin');
  let result: T;
  try {
    result = await work(executor, 1);
  } catch (error) {
    // A failed rollback (a lost connection) must not hide the error that caused it.
    await exec(shared, executor, 'ROLLBACK', 'rollback').catch(() => undefined);
    throw error;
  }
  try {
    await exec(shared, executor, 'COMMIT', 'commit');
  } catch (error) {
    await exec(shared, executor, 'ROLLBACK', 'rollback').catch(() => undefined);
    throw error;
  }
  return result;
}

/** A pool (or a host's Kysely): each root query borrows a connection; a transaction keeps one. */
function pooledRoot(shared: SessionShared, db: AnyKysely): Root {
  return {
    executor: kyselyExecutor(db),
    open: (work) =>
      db
        .getExecutor()
        .provideConnection((connection) =>
          beginCommit(shared, connectionExecutor(connection), work),
        ),
    close: async () => undefined,
  };
}

/** A host's Kysely transaction: everything runs on it, Sellkit transactions are savepoints. */
function hostTransactionRoot(shared: SessionShared, trx: AnyKysely): Root {
  const executor = kyselyExecutor(trx);
  return { executor, open: savepointOpener(shared, executor, 1), close: async () => undefined };
}

/**
 * A single connection owned by the driver (better-sqlite3, PGlite). It is reserved from Kysely
 * once and kept; a mutex lets one transaction at a time use it, and root statements wait while
 * one is open (they would otherwise run inside it).
 */
function exclusiveRoot(shared: SessionShared, db: AnyKysely): Root {
  const mutex: Mutex = createMutex();
  // Which transaction holds the connection, and which async work runs inside it: a root call
  // made from inside the transaction would wait for it forever, so it fails instead.
  const inside = new AsyncLocalStorage<symbol>();
  let holder: symbol | undefined;
  const refuseSelfWait = (): void => {
    if (holder !== undefined && inside.getStore() === holder) {
      throw new SellkitError(
        'STORAGE_FAILURE',
        'storage was called outside the transaction from inside it, which would wait for the ' +
          'transaction forever: use the transaction’s own storage inside transaction()',
        { reason: 'transaction_deadlock' },
      );
    }
  };
  let connection: DatabaseConnection | undefined;
  let pinning: Promise<DatabaseConnection> | undefined;
  let release: (() => void) | undefined;
  let held: Promise<void> | undefined;

  function pin(): Promise<DatabaseConnection> {
    pinning ??= new Promise<DatabaseConnection>((resolve, reject) => {
      held = db
        .getExecutor()
        .provideConnection(
          (reserved) =>
            new Promise<void>((done) => {
              connection = reserved;
              direct = connectionExecutor(reserved);
              release = done;
              resolve(reserved);
            }),
        )
        .catch((error: unknown) => {
          pinning = undefined;
          reject(storageError(error, shared.dialect, { operation: 'connect' }));
        });
    });
    return pinning;
  }

  async function slow(sqlText: string, parameters: readonly unknown[]) {
    await (connection ?? pin());
    refuseSelfWait();
    const wait = mutex.acquire();
    if (wait) await wait;
    try {
      return await (direct as SqlExecutor).execute(sqlText, parameters);
    } finally {
      mutex.release();
    }
  }

  let direct: SqlExecutor | undefined;
  const executor: SqlExecutor = {
    execute(sqlText, parameters) {
      // Fast path: no transaction is open, so the statement runs on its own, right now
      // (better-sqlite3 runs it synchronously, PGlite queues it before any later BEGIN).
      if (direct && !mutex.locked) return direct.execute(sqlText, parameters);
      return slow(sqlText, parameters);
    },
  };

  return {
    executor,
    async open(work) {
      const reserved = connection ?? (await pin());
      refuseSelfWait();
      const wait = mutex.acquire();
      if (wait) await wait;
      const token = Symbol('transaction');
      holder = token;
      try {
        return await inside.run(token, () =>
          beginCommit(shared, connectionExecutor(reserved), work),
        );
      } finally {
        holder = undefined;
        mutex.release();
      }
    },
    async close() {
      if (!pinning) return;
      const wait = mutex.acquire();
      if (wait) await wait;
      release?.();
      await held;
    },
  };
}

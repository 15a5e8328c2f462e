import { AsyncLocalStorage } from 'node:async_hooks';
import { SellkitError } from '@sellkit/core';
import { createMutex, type Mutex } from '@sellkit/core/driver';
import type { DatabaseConnection } from 'kysely';
import { storageError } from './errors.js';
import {
  type AnyKysely,
  connectionExecutor,
  kyselyExecutor,
  type SqlExecutor,
} from './executor.js';
import { exec, savepointOpener } from './savepoints.js';
import type { SessionShared, TransactionOpener } from './session/index.js';

/** Where a driver's root session runs its statements and opens its transactions. */
export interface Root {
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
export function pooledRoot(shared: SessionShared, db: AnyKysely): Root {
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
export function hostTransactionRoot(shared: SessionShared, trx: AnyKysely): Root {
  const executor = kyselyExecutor(trx);
  return { executor, open: savepointOpener(shared, executor, 1), close: async () => undefined };
}

/**
 * A single connection owned by the driver (better-sqlite3, PGlite). It is reserved from Kysely
 * once and kept; a mutex lets one transaction at a time use it, and root statements wait while
 * one is open (they would otherwise run inside it).
 */
export function exclusiveRoot(shared: SessionShared, db: AnyKysely): Root {
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

import type { Clock } from '../../context/clock.js';
import { validationError } from '../../errors/sellkit-error.js';
import type { DriverSession } from '../driver.js';
import { asStorageError } from '../guard.js';
import type { TenantStorage } from '../storage.js';
import { updateMany } from '../update-many.js';
import { resolve, type StorageState, type TenantContext } from './context.js';
import { findPage } from './find.js';
import { insertRecords } from './insert.js';
import { aggregateRecords, countRecords, getRecord, getRecords } from './reads.js';
import { deleteRecord, nextSequenceValue, updateRecord } from './writes.js';

/** Runs every callback; the first error is thrown after the others have run. */
function runAll(callbacks: readonly (() => void)[], run: (callback: () => void) => void): void {
  let failure: { error: unknown } | undefined;
  for (const callback of callbacks) {
    try {
      run(callback);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/**
 * A {@link TenantStorage} over one driver session (the root connection or a transaction). The
 * operations live beside it (insert, find, reads, writes); this binds them to the session and
 * keeps the transaction and after-commit bookkeeping.
 */
export function tenantStorage(
  state: StorageState,
  session: DriverSession,
  tenantId: string,
  clock: Clock,
  /** Callbacks waiting for the transaction this storage belongs to; none outside one. */
  committed?: (() => void)[],
): TenantStorage {
  const cx: TenantContext = { state, session, tenantId, clock };
  // Outside the wrapper's transactions the session decides: at once, or after a host's commit.
  const release = (callback: () => void): void => {
    if (session.afterCommit) session.afterCommit(callback);
    else callback();
  };

  return {
    tenantId,
    get inTransaction() {
      return session.inTransaction;
    },
    insert: (model, records) => insertRecords(cx, model, records),
    get: (model, id) => getRecord(cx, model, id),
    getMany: (model, ids) => getRecords(cx, model, ids),
    find: ((model, query) => findPage(cx, model, query)) as TenantStorage['find'],
    count: (model, where) => countRecords(cx, model, where),
    update: (model, id, patch, options) => updateRecord(cx, model, id, patch, options),
    updateMany(model, updates, options) {
      const info = resolve(state, model);
      return updateMany(
        { registry: state.registry, session, tenantId, clock },
        info,
        updates,
        options,
      );
    },
    delete: (model, id, options) => deleteRecord(cx, model, id, options),
    aggregate: (model, query) => aggregateRecords(cx, model, query),
    nextSequenceValue: (name) => nextSequenceValue(cx, name),
    afterCommit(callback) {
      if (typeof callback !== 'function')
        throw validationError('callback', 'must be a function', 'invalid_type');
      if (committed) committed.push(callback);
      else release(callback);
    },
    async transaction(work) {
      if (typeof work !== 'function')
        throw validationError('work', 'must be a function', 'invalid_type');
      let thrown: { error: unknown } | undefined;
      // A savepoint's callbacks join its parent's only if it is kept.
      const waiting: (() => void)[] = [];
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await session.transaction(async (inner) => {
          try {
            return await work(tenantStorage(state, inner, tenantId, clock, waiting));
          } catch (error) {
            thrown = { error };
            throw error;
          }
        });
      } catch (error) {
        // The caller's own error passes through untouched; only the driver's is mapped.
        if (thrown && error === thrown.error) throw error;
        throw asStorageError(error);
      }
      if (committed) committed.push(...waiting);
      else runAll(waiting, release);
      return result;
    },
  };
}

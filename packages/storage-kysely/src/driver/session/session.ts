import { SellkitError } from '@sellkit/core';
import type { SqlExecutor } from '../executor.js';
import { savepointOpener } from '../savepoints.js';
import { insertRows } from './insert.js';
import { aggregateRows, countRows, findRows, getRow, getRows } from './reads.js';
import { sessionContext } from './statements.js';
import type { SessionShared, SessionState, SqlSession } from './types.js';
import { deleteRow, nextSequenceValue, updateManyRows, updateRow } from './writes.js';

/**
 * The driver's one implementation of `DriverSession`, bound to an executor (the root
 * connection or pool, or a transaction's connection) and to how it opens transactions. The
 * statements themselves live beside it (reads, writes, insert); this binds them and checks
 * the session is still alive before each.
 */
export function createSession(
  shared: SessionShared,
  executor: SqlExecutor,
  state: SessionState,
): SqlSession {
  const cx = sessionContext(shared, executor, state);
  // A session leaked out of its transaction would otherwise write outside any transaction.
  const alive = (): void => {
    if (state.life?.ended) {
      throw new SellkitError('STORAGE_FAILURE', 'this transaction has already ended', {
        reason: 'transaction_ended',
      });
    }
  };

  const session: SqlSession = {
    get inTransaction() {
      return state.inTransaction;
    },
    async insert(tenantId, layout, rows) {
      alive();
      return insertRows(cx, tenantId, layout, rows);
    },
    async get(tenantId, layout, id) {
      alive();
      return getRow(cx, tenantId, layout, id);
    },
    async getMany(tenantId, layout, ids) {
      alive();
      return getRows(cx, tenantId, layout, ids);
    },
    async find(tenantId, layout, query) {
      alive();
      return findRows(cx, tenantId, layout, query);
    },
    async count(tenantId, layout, where) {
      alive();
      return countRows(cx, tenantId, layout, where);
    },
    async update(tenantId, layout, id, expectedVersion, changes) {
      alive();
      return updateRow(cx, tenantId, layout, id, expectedVersion, changes);
    },
    async updateMany(tenantId, layout, updates) {
      alive();
      return updateManyRows(cx, tenantId, layout, updates);
    },
    async delete(tenantId, layout, id, expectedVersion) {
      alive();
      return deleteRow(cx, tenantId, layout, id, expectedVersion);
    },
    async aggregate(tenantId, layout, query) {
      alive();
      return aggregateRows(cx, tenantId, layout, query);
    },
    async nextSequenceValue(tenantId, name) {
      alive();
      return nextSequenceValue(cx, tenantId, name);
    },
    afterCommit(callback) {
      if (state.commitQueue) state.commitQueue.push(callback);
      else callback();
    },
    async transaction(work) {
      alive();
      // Callbacks of this transaction (or savepoint) move on only when it is kept.
      const waiting: (() => void)[] = [];
      const result = await state.open(async (inner, depth) => {
        const life = { ended: false };
        try {
          return await work(
            createSession(shared, inner, {
              inTransaction: true,
              open: savepointOpener(shared, inner, depth),
              life,
              commitQueue: waiting,
            }),
          );
        } finally {
          life.ended = true;
        }
      });
      for (const callback of waiting) session.afterCommit(callback);
      return result;
    },
  };
  return session;
}

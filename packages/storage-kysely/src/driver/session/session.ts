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

  // Binds a statement to this session: checks it is alive (an async call, so a dead session
  // rejects rather than throws), then runs the statement on the session's context.
  const live =
    <A extends unknown[], R>(statement: (context: typeof cx, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      alive();
      return statement(cx, ...args);
    };

  const session: SqlSession = {
    get inTransaction() {
      return state.inTransaction;
    },
    insert: live(insertRows),
    get: live(getRow),
    getMany: live(getRows),
    find: live(findRows),
    count: live(countRows),
    update: live(updateRow),
    updateMany: live(updateManyRows),
    delete: live(deleteRow),
    aggregate: live(aggregateRows),
    nextSequenceValue: live(nextSequenceValue),
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

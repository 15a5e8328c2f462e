import type { TransactionScope } from './transaction-scope.js';

/** Thrown out of the transaction to roll it back; private, so no other error can match it. */
const ROLLBACK: unique symbol = Symbol('sellkit dry run');

interface Rolled<T> {
  readonly [ROLLBACK]: true;
  readonly value: T;
}

function isRollback<T>(error: unknown): error is Rolled<T> {
  return typeof error === 'object' && error !== null && ROLLBACK in error;
}

/**
 * Runs `work` in a transaction and rolls it back, returning what the work computed: a dry run
 * sees every check and every count of a real run and writes nothing. An error thrown by the
 * work is rethrown as it is (and rolls back too).
 *
 * @example
 * ```ts
 * const importRows = async (tx: ModuleScope) => ({ created: tx.inTransaction ? 1 : 0 });
 * const report = await dryRun(scope, importRows);
 * report; // { created: 1 }: what a real run would have done, and nothing was written
 * ```
 */
export async function dryRun<S, T>(
  scope: TransactionScope<S>,
  work: (scope: S) => Promise<T>,
): Promise<T> {
  try {
    await scope.transaction(async (tx) => {
      const rolled: Rolled<T> = { [ROLLBACK]: true, value: await work(tx) };
      throw rolled;
    });
  } catch (error) {
    if (isRollback<T>(error)) return error.value;
    throw error;
  }
  // Unreachable: the transaction above always throws.
  throw new Error('dry run: the transaction did not roll back');
}

/**
 * Runs `work` in a transaction that commits, or, when `options.dryRun` is true, in one that
 * is rolled back ({@link dryRun}). The shape of every `{ dryRun }` option of an import.
 *
 * @example
 * ```ts
 * const options = { dryRun: true };
 * const created = await transactionOrDryRun(scope, options, async (tx) => (tx.inTransaction ? 1 : 0));
 * created; // 1, rolled back
 * ```
 */
export function transactionOrDryRun<S, T>(
  scope: TransactionScope<S>,
  options: { readonly dryRun?: boolean | undefined },
  work: (scope: S) => Promise<T>,
): Promise<T> {
  return options.dryRun === true ? dryRun(scope, work) : scope.transaction(work);
}

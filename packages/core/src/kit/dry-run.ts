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
 * const report = await dryRun(scope, async (tx) => {
 *   await tx.storage.create(models.tag, { name: 'vip' });
 *   return { created: 1 };
 * });
 * report; // { created: 1 }, and no tag was written
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
 * const report = await transactionOrDryRun(scope, { dryRun: true }, (tx) => importRows(tx));
 * ```
 */
export function transactionOrDryRun<S, T>(
  scope: TransactionScope<S>,
  options: { readonly dryRun?: boolean | undefined },
  work: (scope: S) => Promise<T>,
): Promise<T> {
  return options.dryRun === true ? dryRun(scope, work) : scope.transaction(work);
}

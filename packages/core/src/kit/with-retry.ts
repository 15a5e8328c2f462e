import { isSellkitError } from '../errors/sellkit-error.js';
import type { TransactionScope } from './transaction-scope.js';

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /**
   * How many times the transaction runs at most (default 3). Hot rows written by many at once
   * (counters) want more: each round lets at least one writer through.
   */
  readonly attempts?: number;
}

/** A short random pause, growing with the attempt (at most ~50 ms), so retries spread out. */
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(50, 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `work` in a transaction, run again (up to `attempts` times, default 3) when it fails
 * with `CONFLICT`: counters kept with optimistic versions lose a round to a concurrent writer
 * now and then. Inside an open transaction it runs once (the outermost one decides), since a
 * conflict there has already spoiled the whole transaction. Between attempts it waits a short
 * random time (growing, at most ~50 ms), so writers that clashed do not clash again in step.
 *
 * @example
 * ```ts
 * // Reads a counter and writes it back with its version: a concurrent writer's CONFLICT is retried.
 * const written = await withRetry(scope, async (tx) => tx.inTransaction, { attempts: 3 });
 * written; // true
 * ```
 */
export async function withRetry<S, T>(
  scope: TransactionScope<S>,
  work: (scope: S) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  if (scope.inTransaction) return scope.transaction(work);
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await scope.transaction(work);
    } catch (error) {
      if (!isSellkitError(error, 'CONFLICT') || attempt >= attempts) throw error;
    }
    await pause(attempt);
  }
}

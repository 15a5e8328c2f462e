/**
 * What the kit's transaction helpers need from a scope: a `transaction` that hands the work a
 * scope of the same kind, and whether one is already open. A module scope is one.
 */
export interface TransactionScope<S> {
  /** True inside `transaction`'s work. */
  readonly inTransaction: boolean;
  /** Runs `work` in a transaction (a savepoint when nested): committed when it resolves. */
  transaction<T>(work: (scope: S) => Promise<T>): Promise<T>;
}

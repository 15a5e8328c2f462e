import type { DriverSession, TableLayout } from '@sellkit/core/driver';
import type { Sql, SqlDialect } from '../../dialects/dialect.js';
import type { TablePlan } from '../../sql/table-plan.js';
import type { AnyKysely, SqlExecutor } from '../executor.js';

/** What every session of one driver shares. */
export interface SessionShared {
  readonly dialect: SqlDialect;
  readonly compiler: AnyKysely;
  plan(layout: TableLayout): TablePlan;
  /** SQL text of a statement that does not belong to a layout table, built once. */
  text(key: string, build: () => Sql): string;
  /** The (schema-qualified) sequence table. */
  readonly sequenceTable: Sql;
}

/**
 * Opens a transaction (or a savepoint) around `work` and hands it the executor to use inside:
 * commits when `work` resolves, rolls back and rethrows when it throws.
 */
export type TransactionOpener = <T>(
  work: (executor: SqlExecutor, depth: number) => Promise<T>,
) => Promise<T>;

/** Where a session stands: inside a transaction or not, and how it opens nested ones. */
export interface SessionState {
  readonly inTransaction: boolean;
  readonly open: TransactionOpener;
  /** Set once the transaction this session belongs to has ended. */
  readonly life?: { ended: boolean };
  /**
   * Where `afterCommit` callbacks wait: the session's own transaction, or a host's
   * transaction. Absent on a plain connection, where they run at once.
   */
  readonly commitQueue?: (() => void)[];
}

/** A session of this driver: `updateMany` and `afterCommit`, optional in the contract, are always there. */
export type SqlSession = DriverSession & {
  updateMany: NonNullable<DriverSession['updateMany']>;
  afterCommit: NonNullable<DriverSession['afterCommit']>;
};

import { type QueryResult, sql } from 'kysely';
import type { Sql } from '../../dialects/dialect.js';
import { TENANT_COLUMN } from '../../sql/table-plan.js';
import { storageError } from '../errors.js';
import type { DbRow, SqlExecutor } from '../executor.js';
import type { SessionShared, SessionState } from './types.js';

export const TENANT = sql.id(TENANT_COLUMN);
export const ID = sql.id('id');
export const VERSION = sql.id('version');

/** What a session's statements run with: its executor, its state, and how failures map. */
export interface SessionContext {
  readonly shared: SessionShared;
  readonly executor: SqlExecutor;
  readonly state: SessionState;
  /**
   * On Postgres a failed statement poisons the whole transaction; statements that may hit a
   * unique index run guarded so a CONFLICT leaves the caller's transaction usable.
   */
  readonly guardConflicts: boolean;
  /** Runs SQL text on `on`, mapping failures to `SellkitError`s. */
  run(
    on: SqlExecutor,
    text: string,
    parameters: readonly unknown[],
    operation: string,
    table?: string,
  ): Promise<QueryResult<DbRow>>;
  /** Compiles and runs a query on the session's executor, mapping failures. */
  runSql(query: Sql, operation: string, table?: string): Promise<QueryResult<DbRow>>;
}

/** The statement context of a session bound to `executor`. */
export function sessionContext(
  shared: SessionShared,
  executor: SqlExecutor,
  state: SessionState,
): SessionContext {
  const { dialect } = shared;
  async function run(
    on: SqlExecutor,
    text: string,
    parameters: readonly unknown[],
    operation: string,
    table?: string,
  ): Promise<QueryResult<DbRow>> {
    try {
      return await on.execute(text, parameters);
    } catch (error) {
      throw storageError(error, dialect, { operation, ...(table === undefined ? {} : { table }) });
    }
  }
  function runSql(query: Sql, operation: string, table?: string): Promise<QueryResult<DbRow>> {
    let compiled: { sql: string; parameters: readonly unknown[] };
    try {
      compiled = query.compile(shared.compiler);
    } catch (error) {
      throw storageError(error, dialect, { operation, ...(table === undefined ? {} : { table }) });
    }
    return run(executor, compiled.sql, compiled.parameters, operation, table);
  }
  return {
    shared,
    executor,
    state,
    guardConflicts: dialect.name === 'postgres' && state.inTransaction,
    run,
    runSql,
  };
}

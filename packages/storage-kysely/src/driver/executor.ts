import {
  CompiledQuery,
  type DatabaseConnection,
  type QueryExecutor,
  type QueryResult,
} from 'kysely';

/** A row as the database returns it. */
export type DbRow = Record<string, unknown>;

/** Runs compiled SQL somewhere: on one Kysely connection, or on a Kysely instance. */
export interface SqlExecutor {
  execute(sql: string, parameters: readonly unknown[]): Promise<QueryResult<DbRow>>;
}

/**
 * What the driver needs of a Kysely instance or transaction: it only compiles and runs SQL,
 * never typed builders, so any `Kysely<DB>` or `Transaction<DB>` of any schema fits.
 */
export interface KyselyLike {
  readonly isTransaction: boolean;
  getExecutor(): QueryExecutor;
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/** Internal alias of {@link KyselyLike}. */
export type AnyKysely = KyselyLike;

/** Executes on one reserved connection (a transaction's, or a pinned single connection). */
export function connectionExecutor(connection: DatabaseConnection): SqlExecutor {
  return {
    execute: (sql, parameters) =>
      connection.executeQuery<DbRow>(CompiledQuery.raw(sql, parameters as unknown[])),
  };
}

/** Executes through a Kysely instance (a pool, or a host's transaction). */
export function kyselyExecutor(db: AnyKysely): SqlExecutor {
  return {
    execute: (sql, parameters) =>
      db.executeQuery<DbRow>(CompiledQuery.raw(sql, parameters as unknown[])),
  };
}

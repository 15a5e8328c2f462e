import { SellkitError } from '@sellkit/core';
import type {
  DriverAggregate,
  DriverFind,
  DriverSession,
  FilterNode,
  FlatRow,
  TableLayout,
} from '@sellkit/core/driver';
import { type QueryResult, sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialects/dialect.js';
import { aggregatePlan } from '../sql/aggregate.js';
import { columnOf, filterSql } from '../sql/filter.js';
import { type TablePlan, TENANT_COLUMN } from '../sql/table-plan.js';
import { storageError } from './errors.js';
import type { AnyKysely, DbRow, SqlExecutor } from './executor.js';
import { savepointOpener } from './savepoints.js';
import { updateRows } from './update-many.js';

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

/** Rows per INSERT statement; larger batches are split (inside a transaction). */
const MAX_INSERT_ROWS = 1000;
/** Ids per `IN (...)` list of getMany. */
const MAX_IDS_PER_QUERY = 1024;

const TENANT = sql.id(TENANT_COLUMN);
const ID = sql.id('id');
const VERSION = sql.id('version');

/** Rounds an id count up to a power of two, so getMany reuses a handful of SQL texts. */
function idSlots(count: number): number {
  let slots = 1;
  while (slots < count) slots *= 2;
  return slots;
}

/** A session of this driver: `updateMany` and `afterCommit`, optional in the contract, are always there. */
export type SqlSession = DriverSession & {
  updateMany: NonNullable<DriverSession['updateMany']>;
  afterCommit: NonNullable<DriverSession['afterCommit']>;
};

/**
 * The driver's one implementation of {@link DriverSession}, bound to an executor (the root
 * connection or pool, or a transaction's connection) and to how it opens transactions.
 */
export function createSession(
  shared: SessionShared,
  executor: SqlExecutor,
  state: {
    readonly inTransaction: boolean;
    readonly open: TransactionOpener;
    /** Set once the transaction this session belongs to has ended. */
    readonly life?: { ended: boolean };
    /**
     * Where `afterCommit` callbacks wait: the session's own transaction, or a host's
     * transaction. Absent on a plain connection, where they run at once.
     */
    readonly commitQueue?: (() => void)[];
  },
): SqlSession {
  const { dialect } = shared;
  // A session leaked out of its transaction would otherwise write outside any transaction.
  const alive = (): void => {
    if (state.life?.ended) {
      throw new SellkitError('STORAGE_FAILURE', 'this transaction has already ended', {
        reason: 'transaction_ended',
      });
    }
  };
  // On Postgres a failed statement poisons the whole transaction; statements that may hit a
  // unique index run guarded so a CONFLICT leaves the caller's transaction usable.
  const guardConflicts = dialect.name === 'postgres' && state.inTransaction;

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

  function insertText(plan: TablePlan, count: number, guarded: boolean): string {
    return plan.text(`insert:${count}:${guarded ? 'g' : 'p'}`, () => {
      const names = sql.join([TENANT, ...plan.columns.map((column) => sql.id(column.name))]);
      const row = sql`(${sql.join(new Array<null>(plan.columns.length + 1).fill(null))})`;
      const values = sql.join(new Array<Sql>(count).fill(row));
      const tail = guarded ? sql` ON CONFLICT DO NOTHING RETURNING ${ID}` : sql``;
      return sql`INSERT INTO ${plan.table} (${names}) VALUES ${values}${tail}`;
    });
  }

  function insertParameters(
    tenantId: string,
    plan: TablePlan,
    rows: readonly FlatRow[],
  ): unknown[] {
    const names = plan.columns.map((column) => column.name);
    const encoders = plan.encoders;
    const width = names.length;
    const parameters = new Array<unknown>(rows.length * (width + 1));
    let at = 0;
    for (const row of rows) {
      parameters[at++] = tenantId;
      for (let i = 0; i < width; i++) {
        parameters[at++] = (encoders[i] as (value: unknown) => unknown)(row[names[i] as string]);
      }
    }
    return parameters;
  }

  async function insertChunks(
    on: SqlExecutor,
    guarded: boolean,
    tenantId: string,
    plan: TablePlan,
    rows: readonly FlatRow[],
    chunkSize: number,
  ): Promise<void> {
    const table = plan.layout.table;
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      const parameters = insertParameters(tenantId, plan, chunk);
      const result = await run(
        on,
        insertText(plan, chunk.length, guarded),
        parameters,
        'insert',
        table,
      );
      if (guarded && result.rows.length < chunk.length) {
        // Some row hit a unique index and was skipped: take back the ones that went in.
        const inserted = result.rows.map((row) => row.id);
        if (inserted.length > 0) {
          await runSql(
            sql`DELETE FROM ${plan.table} WHERE ${TENANT} = ${tenantId} AND ${ID} IN (${sql.join(inserted)})`,
            'insert',
            table,
          );
        }
        throw new SellkitError('CONFLICT', `${table}: a unique value is already taken`, {
          table,
          reason: 'unique_violation',
        });
      }
    }
  }

  const session: SqlSession = {
    get inTransaction() {
      return state.inTransaction;
    },

    async insert(tenantId, layout, rows) {
      alive();
      if (rows.length === 0) return;
      const plan = shared.plan(layout);
      const perRow = plan.columns.length + 1;
      const chunkSize = Math.max(
        1,
        Math.min(MAX_INSERT_ROWS, Math.floor(dialect.maxParameters / perRow)),
      );
      if (rows.length <= chunkSize) {
        await insertChunks(executor, guardConflicts, tenantId, plan, rows, chunkSize);
        return;
      }
      // Several statements: a transaction (a savepoint inside one) keeps the batch all-or-none.
      await state.open((inner) => insertChunks(inner, false, tenantId, plan, rows, chunkSize));
    },

    async get(tenantId, layout, id) {
      alive();
      const plan = shared.plan(layout);
      const text = plan.text(
        'get',
        () =>
          sql`SELECT ${plan.selectList} FROM ${plan.table} WHERE ${TENANT} = ${''} AND ${ID} = ${''}`,
      );
      const result = await run(executor, text, [tenantId, id], 'get', layout.table);
      const row = result.rows[0];
      return row === undefined ? null : plan.decode(row);
    },

    async getMany(tenantId, layout, ids) {
      alive();
      const plan = shared.plan(layout);
      const unique = [...new Set(ids)];
      const out: FlatRow[] = [];
      for (let start = 0; start < unique.length; start += MAX_IDS_PER_QUERY) {
        const chunk = unique.slice(start, start + MAX_IDS_PER_QUERY);
        const slots = idSlots(chunk.length);
        const text = plan.text(`getMany:${slots}`, () => {
          const list = sql.join(new Array<string>(slots).fill(''));
          return sql`SELECT ${plan.selectList} FROM ${plan.table} WHERE ${TENANT} = ${''} AND ${ID} IN (${list})`;
        });
        const parameters: unknown[] = [tenantId, ...chunk];
        // Repeating the last id fills the slots without changing the result.
        while (parameters.length < slots + 1) parameters.push(chunk[chunk.length - 1]);
        const result = await run(executor, text, parameters, 'getMany', layout.table);
        for (const row of result.rows) out.push(plan.decode(row));
      }
      return out;
    },

    async find(tenantId, layout, query: DriverFind) {
      alive();
      const plan = shared.plan(layout);
      const order = query.orderBy.map((sort) => {
        const column = columnOf(plan, sort.column);
        const direction = sort.direction === 'desc' ? sql`DESC` : sql`ASC`;
        // Qualified: a bare name would mean the select-list alias (e.g. a decimal read as text).
        return sql`${plan.table}.${sql.id(column.name)} ${direction}${dialect.nullsOrder(sort.direction)}`;
      });
      const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql``;
      const subset = query.columns === undefined ? undefined : plan.subset(query.columns);
      const result = await runSql(
        sql`SELECT ${subset?.selectList ?? plan.selectList} FROM ${plan.table} WHERE ${TENANT} = ${tenantId} AND ${filterSql(
          query.where,
          plan,
          dialect,
        )}${orderBy} LIMIT ${query.limit}`,
        'find',
        layout.table,
      );
      return result.rows.map((row) => (subset ?? plan).decode(row));
    },

    async count(tenantId, layout, where: FilterNode) {
      alive();
      const plan = shared.plan(layout);
      const result = await runSql(
        sql`SELECT COUNT(*) AS ${sql.id('count')} FROM ${plan.table} WHERE ${TENANT} = ${tenantId} AND ${filterSql(
          where,
          plan,
          dialect,
        )}`,
        'count',
        layout.table,
      );
      return Number(result.rows[0]?.count ?? 0);
    },

    async update(tenantId, layout, id, expectedVersion, changes) {
      alive();
      const plan = shared.plan(layout);
      const names = Object.keys(changes)
        .filter((name) => name !== 'id' && name !== TENANT_COLUMN)
        .sort();
      for (const name of names) columnOf(plan, name);
      if (names.length === 0) {
        const current = await session.get(tenantId, layout, id);
        return current && current.version === expectedVersion ? current : null;
      }
      const text = plan.text(`update:${names.join(',')}`, () => {
        const sets = sql.join(names.map((name) => sql`${sql.id(name)} = ${null}`));
        return sql`UPDATE ${plan.table} SET ${sets} WHERE ${TENANT} = ${''} AND ${ID} = ${''} AND ${VERSION} = ${0} RETURNING ${plan.selectList}`;
      });
      const parameters: unknown[] = names.map((name) =>
        (plan.encoderOf(name) as (value: unknown) => unknown)(changes[name]),
      );
      parameters.push(tenantId, id, expectedVersion);
      const touchesUnique = guardConflicts && names.some((name) => plan.uniqueColumns.has(name));
      const result = touchesUnique
        ? await state.open((inner) => run(inner, text, parameters, 'update', layout.table))
        : await run(executor, text, parameters, 'update', layout.table);
      const row = result.rows[0];
      return row === undefined ? null : plan.decode(row);
    },

    async updateMany(tenantId, layout, updates) {
      alive();
      const plan = shared.plan(layout);
      return updateRows(dialect, plan, tenantId, updates, (text, parameters) =>
        run(executor, text, parameters, 'updateMany', layout.table),
      );
    },

    async delete(tenantId, layout, id, expectedVersion) {
      alive();
      const plan = shared.plan(layout);
      const text = plan.text(
        'delete',
        () =>
          sql`DELETE FROM ${plan.table} WHERE ${TENANT} = ${''} AND ${ID} = ${''} AND ${VERSION} = ${0}`,
      );
      const result = await run(
        executor,
        text,
        [tenantId, id, expectedVersion],
        'delete',
        layout.table,
      );
      return Number(result.numAffectedRows ?? 0n) > 0;
    },

    async aggregate(tenantId, layout, query: DriverAggregate) {
      alive();
      const plan = shared.plan(layout);
      let aggregate = aggregatePlan(tenantId, plan, query, dialect);
      let result: QueryResult<DbRow>;
      try {
        result = await runSql(aggregate.query, 'aggregate', layout.table);
      } catch (error) {
        // A sum beyond 64 bits: SQLite refuses rather than wrap; add it up in parts instead.
        if (!dialect.isOverflow((error as Error).cause)) throw error;
        aggregate = aggregatePlan(tenantId, plan, query, dialect, true);
        result = await runSql(aggregate.query, 'aggregate', layout.table);
      }
      return aggregate.finish(result.rows);
    },

    async nextSequenceValue(tenantId, name) {
      alive();
      const text = shared.text(
        'sequence',
        // The upsert takes the row lock and keeps it until the transaction ends: a concurrent
        // caller waits, and a rollback gives the number back.
        () =>
          sql`INSERT INTO ${shared.sequenceTable} (${TENANT}, ${sql.id('name')}, ${sql.id('value')}) VALUES (${''}, ${''}, 1) ON CONFLICT (${TENANT}, ${sql.id('name')}) DO UPDATE SET ${sql.id('value')} = ${shared.sequenceTable}.${sql.id('value')} + 1 RETURNING ${sql.id('value')}`,
      );
      const result = await run(
        executor,
        text,
        [tenantId, name],
        'nextSequenceValue',
        'sk_sequence',
      );
      return Number(result.rows[0]?.value);
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

import type {
  DriverAggregate,
  DriverFind,
  FilterNode,
  FlatRow,
  TableLayout,
} from '@sellkit/core/driver';
import { type QueryResult, sql } from 'kysely';
import { aggregatePlan } from '../../sql/aggregate.js';
import { columnOf, filterSql } from '../../sql/filter.js';
import type { DbRow } from '../executor.js';
import { ID, type SessionContext, TENANT } from './statements.js';

/** Ids per `IN (...)` list of getMany. */
const MAX_IDS_PER_QUERY = 1024;

/** Rounds an id count up to a power of two, so getMany reuses a handful of SQL texts. */
function idSlots(count: number): number {
  let slots = 1;
  while (slots < count) slots *= 2;
  return slots;
}

/** `DriverSession.get`. */
export async function getRow(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  id: string,
): Promise<FlatRow | null> {
  const plan = cx.shared.plan(layout);
  const text = plan.text(
    'get',
    () =>
      sql`SELECT ${plan.selectList} FROM ${plan.table} WHERE ${TENANT} = ${''} AND ${ID} = ${''}`,
  );
  const result = await cx.run(cx.executor, text, [tenantId, id], 'get', layout.table);
  const row = result.rows[0];
  return row === undefined ? null : plan.decode(row);
}

/** `DriverSession.getMany`: ids in chunks, each padded to a power of two. */
export async function getRows(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  ids: readonly string[],
): Promise<FlatRow[]> {
  const plan = cx.shared.plan(layout);
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
    const result = await cx.run(cx.executor, text, parameters, 'getMany', layout.table);
    for (const row of result.rows) out.push(plan.decode(row));
  }
  return out;
}

/** `DriverSession.find`. */
export async function findRows(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  query: DriverFind,
): Promise<FlatRow[]> {
  const { dialect } = cx.shared;
  const plan = cx.shared.plan(layout);
  const order = query.orderBy.map((sort) => {
    const column = columnOf(plan, sort.column);
    const direction = sort.direction === 'desc' ? sql`DESC` : sql`ASC`;
    // Qualified: a bare name would mean the select-list alias (e.g. a decimal read as text).
    return sql`${plan.table}.${sql.id(column.name)} ${direction}${dialect.nullsOrder(sort.direction)}`;
  });
  const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql``;
  const subset = query.columns === undefined ? undefined : plan.subset(query.columns);
  const result = await cx.runSql(
    sql`SELECT ${subset?.selectList ?? plan.selectList} FROM ${plan.table} WHERE ${TENANT} = ${tenantId} AND ${filterSql(
      query.where,
      plan,
      dialect,
    )}${orderBy} LIMIT ${query.limit}`,
    'find',
    layout.table,
  );
  return result.rows.map((row) => (subset ?? plan).decode(row));
}

/** `DriverSession.count`. */
export async function countRows(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  where: FilterNode,
): Promise<number> {
  const plan = cx.shared.plan(layout);
  const result = await cx.runSql(
    sql`SELECT COUNT(*) AS ${sql.id('count')} FROM ${plan.table} WHERE ${TENANT} = ${tenantId} AND ${filterSql(
      where,
      plan,
      cx.shared.dialect,
    )}`,
    'count',
    layout.table,
  );
  return Number(result.rows[0]?.count ?? 0);
}

/** `DriverSession.aggregate`: in parts when a sum overflows 64 bits. */
export async function aggregateRows(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  query: DriverAggregate,
): Promise<FlatRow[]> {
  const { dialect } = cx.shared;
  const plan = cx.shared.plan(layout);
  let aggregate = aggregatePlan(tenantId, plan, query, dialect);
  let result: QueryResult<DbRow>;
  try {
    result = await cx.runSql(aggregate.query, 'aggregate', layout.table);
  } catch (error) {
    // A sum beyond 64 bits: SQLite refuses rather than wrap; add it up in parts instead.
    if (!dialect.isOverflow((error as Error).cause)) throw error;
    aggregate = aggregatePlan(tenantId, plan, query, dialect, true);
    result = await cx.runSql(aggregate.query, 'aggregate', layout.table);
  }
  return aggregate.finish(result.rows);
}

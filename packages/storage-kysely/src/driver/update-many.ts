import type { DriverUpdate } from '@sellkit/core/driver';
import { type QueryResult, sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialects/dialect.js';
import { columnOf } from '../sql/filter.js';
import { type TablePlan, TENANT_COLUMN } from '../sql/table-plan.js';
import type { DbRow } from './executor.js';

/** Runs one statement of the session (SQL text and parameters). */
export type RunStatement = (
  text: string,
  parameters: readonly unknown[],
) => Promise<QueryResult<DbRow>>;

/** Rows per `UPDATE ... FROM (VALUES ...)` statement on PostgreSQL. */
const MAX_ROWS_PER_STATEMENT = 500;

const TENANT = sql.id(TENANT_COLUMN);
const ID = sql.id('id');
const VERSION = sql.id('version');

/** The changed column names of an update, sorted so equal sets share one SQL text. */
function changedColumns(plan: TablePlan, update: DriverUpdate): string[] {
  const names = Object.keys(update.changes)
    .filter((name) => name !== 'id' && name !== TENANT_COLUMN)
    .sort();
  for (const name of names) columnOf(plan, name);
  return names;
}

function encoded(plan: TablePlan, name: string, value: unknown): unknown {
  return (plan.encoderOf(name) as (value: unknown) => unknown)(value);
}

/** Runs of consecutive updates that change the same columns. */
function groups(plan: TablePlan, updates: readonly DriverUpdate[]) {
  const out: { names: string[]; key: string; start: number; items: DriverUpdate[] }[] = [];
  updates.forEach((update, index) => {
    const names = changedColumns(plan, update);
    const key = names.join(',');
    const last = out[out.length - 1];
    if (last && last.key === key) last.items.push(update);
    else out.push({ names, key, start: index, items: [update] });
  });
  return out;
}

/**
 * SQLite: one prepared UPDATE per row, without RETURNING. Batching rows into one statement
 * saves nothing there (the B-tree work is the cost) and statements stay cached per column set.
 */
async function perRow(
  plan: TablePlan,
  tenantId: string,
  updates: readonly DriverUpdate[],
  run: RunStatement,
): Promise<boolean[]> {
  const written: boolean[] = [];
  for (const group of groups(plan, updates)) {
    const text = plan.text(`updateQuiet:${group.key}`, () => {
      const sets = sql.join(group.names.map((name) => sql`${sql.id(name)} = ${null}`));
      return sql`UPDATE ${plan.table} SET ${sets} WHERE ${TENANT} = ${''} AND ${ID} = ${''} AND ${VERSION} = ${0}`;
    });
    for (const update of group.items) {
      const parameters: unknown[] = group.names.map((name) =>
        encoded(plan, name, update.changes[name]),
      );
      parameters.push(tenantId, update.id, update.expectedVersion);
      const result = await run(text, parameters);
      written.push(Number(result.numAffectedRows ?? 0n) > 0);
    }
  }
  return written;
}

/** A cast for VALUES parameters, which PostgreSQL would otherwise type as text. */
function castType(dialect: SqlDialect, plan: TablePlan, name: string): Sql {
  const type = dialect.columnType(columnOf(plan, name)).replace(/\s+COLLATE\s+.*$/i, '');
  return sql.raw(type);
}

/**
 * PostgreSQL: one `UPDATE ... FROM (VALUES ...)` per run of rows changing the same columns, so
 * 500 rows cost one round trip instead of 500.
 */
async function batched(
  dialect: SqlDialect,
  plan: TablePlan,
  tenantId: string,
  updates: readonly DriverUpdate[],
  run: RunStatement,
): Promise<boolean[]> {
  const written = new Set<string>();
  for (const group of groups(plan, updates)) {
    const perRowParameters = group.names.length + 2;
    const size = Math.max(
      1,
      Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(dialect.maxParameters / perRowParameters) - 1),
    );
    for (let start = 0; start < group.items.length; start += size) {
      const items = group.items.slice(start, start + size);
      const text = plan.text(`updateBatch:${items.length}:${group.key}`, () => {
        const casts = [
          sql`CAST(${''} AS TEXT)`,
          sql`CAST(${0} AS BIGINT)`,
          ...group.names.map((name) => sql`CAST(${null} AS ${castType(dialect, plan, name)})`),
        ];
        const row = sql`(${sql.join(casts)})`;
        const values = sql.join(new Array<Sql>(items.length).fill(row));
        // Positional names: `sk_` + a long column name could pass PostgreSQL's 63 bytes.
        const columns = sql.join([
          sql.id('sk_id'),
          sql.id('sk_expected'),
          ...group.names.map((_, index) => sql.id(`sk_c${index}`)),
        ]);
        const sets = sql.join(
          group.names.map(
            (name, index) => sql`${sql.id(name)} = ${sql.id('sk_v', `sk_c${index}`)}`,
          ),
        );
        return sql`UPDATE ${plan.table} SET ${sets} FROM (VALUES ${values}) AS ${sql.id('sk_v')} (${columns}) WHERE ${plan.table}.${TENANT} = ${''} AND ${plan.table}.${ID} = ${sql.id('sk_v', 'sk_id')} AND ${plan.table}.${VERSION} = ${sql.id('sk_v', 'sk_expected')} RETURNING ${plan.table}.${ID}`;
      });
      const parameters: unknown[] = [];
      for (const update of items) {
        parameters.push(update.id, update.expectedVersion);
        for (const name of group.names) parameters.push(encoded(plan, name, update.changes[name]));
      }
      parameters.push(tenantId);
      const result = await run(text, parameters);
      for (const row of result.rows) written.add(String(row.id));
    }
  }
  return updates.map((update) => written.has(update.id));
}

/** The driver's `updateMany`: what each dialect does fastest. */
export function updateRows(
  dialect: SqlDialect,
  plan: TablePlan,
  tenantId: string,
  updates: readonly DriverUpdate[],
  run: RunStatement,
): Promise<boolean[]> {
  return dialect.name === 'postgres'
    ? batched(dialect, plan, tenantId, updates, run)
    : perRow(plan, tenantId, updates, run);
}

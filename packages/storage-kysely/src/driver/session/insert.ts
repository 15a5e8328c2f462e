import { SellkitError } from '@sellkit/core';
import type { FlatRow, TableLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { Sql } from '../../dialects/dialect.js';
import type { TablePlan } from '../../sql/table-plan.js';
import type { SqlExecutor } from '../executor.js';
import { ID, type SessionContext, TENANT } from './statements.js';

/** Rows per INSERT statement; larger batches are split (inside a transaction). */
const MAX_INSERT_ROWS = 1000;

function insertText(plan: TablePlan, count: number, guarded: boolean): string {
  return plan.text(`insert:${count}:${guarded ? 'g' : 'p'}`, () => {
    const names = sql.join([TENANT, ...plan.columns.map((column) => sql.id(column.name))]);
    const row = sql`(${sql.join(new Array<null>(plan.columns.length + 1).fill(null))})`;
    const values = sql.join(new Array<Sql>(count).fill(row));
    const tail = guarded ? sql` ON CONFLICT DO NOTHING RETURNING ${ID}` : sql``;
    return sql`INSERT INTO ${plan.table} (${names}) VALUES ${values}${tail}`;
  });
}

function insertParameters(tenantId: string, plan: TablePlan, rows: readonly FlatRow[]): unknown[] {
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
  cx: SessionContext,
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
    const text = insertText(plan, chunk.length, guarded);
    const result = await cx.run(on, text, parameters, 'insert', table);
    if (guarded && result.rows.length < chunk.length) {
      // Some row hit a unique index and was skipped: take back the ones that went in.
      const inserted = result.rows.map((row) => row.id);
      if (inserted.length > 0) {
        await cx.runSql(
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

/** `DriverSession.insert`: one statement per chunk, several chunks in one transaction. */
export async function insertRows(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  rows: readonly FlatRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const plan = cx.shared.plan(layout);
  const perRow = plan.columns.length + 1;
  const chunkSize = Math.max(
    1,
    Math.min(MAX_INSERT_ROWS, Math.floor(cx.shared.dialect.maxParameters / perRow)),
  );
  if (rows.length <= chunkSize) {
    await insertChunks(cx, cx.executor, cx.guardConflicts, tenantId, plan, rows, chunkSize);
    return;
  }
  // Several statements: a transaction (a savepoint inside one) keeps the batch all-or-none.
  await cx.state.open((inner) => insertChunks(cx, inner, false, tenantId, plan, rows, chunkSize));
}

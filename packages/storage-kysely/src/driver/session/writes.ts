import type { DriverUpdate, FlatRow, TableLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import { columnOf } from '../../sql/filter.js';
import { TENANT_COLUMN } from '../../sql/table-plan.js';
import { updateRows } from '../update-many.js';
import { getRow } from './reads.js';
import { ID, type SessionContext, TENANT, VERSION } from './statements.js';

/** `DriverSession.update`: guarded (in a savepoint) when it may hit a unique index on Postgres. */
export async function updateRow(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  id: string,
  expectedVersion: number,
  changes: FlatRow,
): Promise<FlatRow | null> {
  const plan = cx.shared.plan(layout);
  const names = Object.keys(changes)
    .filter((name) => name !== 'id' && name !== TENANT_COLUMN)
    .sort();
  for (const name of names) columnOf(plan, name);
  if (names.length === 0) {
    const current = await getRow(cx, tenantId, layout, id);
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
  const touchesUnique = cx.guardConflicts && names.some((name) => plan.uniqueColumns.has(name));
  const result = touchesUnique
    ? await cx.state.open((inner) => cx.run(inner, text, parameters, 'update', layout.table))
    : await cx.run(cx.executor, text, parameters, 'update', layout.table);
  const row = result.rows[0];
  return row === undefined ? null : plan.decode(row);
}

/** `DriverSession.updateMany`. */
export function updateManyRows(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  updates: readonly DriverUpdate[],
): Promise<boolean[]> {
  const plan = cx.shared.plan(layout);
  return updateRows(cx.shared.dialect, plan, tenantId, updates, (text, parameters) =>
    cx.run(cx.executor, text, parameters, 'updateMany', layout.table),
  );
}

/** `DriverSession.delete`. */
export async function deleteRow(
  cx: SessionContext,
  tenantId: string,
  layout: TableLayout,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  const plan = cx.shared.plan(layout);
  const text = plan.text(
    'delete',
    () =>
      sql`DELETE FROM ${plan.table} WHERE ${TENANT} = ${''} AND ${ID} = ${''} AND ${VERSION} = ${0}`,
  );
  const parameters = [tenantId, id, expectedVersion];
  const result = await cx.run(cx.executor, text, parameters, 'delete', layout.table);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/** `DriverSession.nextSequenceValue`. */
export async function nextSequenceValue(
  cx: SessionContext,
  tenantId: string,
  name: string,
): Promise<number> {
  const { shared } = cx;
  const text = shared.text(
    'sequence',
    // The upsert takes the row lock and keeps it until the transaction ends: a concurrent
    // caller waits, and a rollback gives the number back.
    () =>
      sql`INSERT INTO ${shared.sequenceTable} (${TENANT}, ${sql.id('name')}, ${sql.id('value')}) VALUES (${''}, ${''}, 1) ON CONFLICT (${TENANT}, ${sql.id('name')}) DO UPDATE SET ${sql.id('value')} = ${shared.sequenceTable}.${sql.id('value')} + 1 RETURNING ${sql.id('value')}`,
  );
  const parameters = [tenantId, name];
  const result = await cx.run(cx.executor, text, parameters, 'nextSequenceValue', 'sk_sequence');
  return Number(result.rows[0]?.value);
}

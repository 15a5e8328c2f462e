import { SellkitError } from '@sellkit/core';
import type { ColumnLayout, DriverAggregate, SortDirection } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialects/dialect.js';
import { toScaled } from '../values/decimal.js';
import { columnOf, filterSql } from './filter.js';
import { type TablePlan, TENANT_COLUMN } from './table-plan.js';

/** One compiled aggregate and how to read its rows back. */
export interface AggregatePlan {
  readonly query: Sql;
  /** Decodes, and orders and cuts in JavaScript when SQL could not order exactly. */
  finish(rows: readonly Record<string, unknown>[]): Record<string, unknown>[];
}

/** How values of an output compare when JavaScript has to order them. */
type ValueKind = 'decimal' | 'number' | 'time' | 'boolean' | 'text';

interface Output {
  readonly alias: string;
  /** Result columns (k0, m1_0...): no caller string ever reaches SQL. */
  readonly keys: readonly string[];
  readonly select: readonly Sql[];
  /** The expression GROUP BY and ORDER BY use; null when SQL cannot order exactly by it. */
  readonly raw: Sql | null;
  readonly kind: ValueKind;
  decode(values: readonly unknown[]): unknown;
}

const toCount = (value: unknown): number =>
  value === null || value === undefined ? 0 : Number(value);

function kindOf(column: ColumnLayout): ValueKind {
  switch (column.type) {
    case 'decimal':
      return 'decimal';
    case 'integer':
      return 'number';
    case 'timestamp':
      return 'time';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

function single(
  alias: string,
  key: string,
  raw: Sql,
  read: Sql,
  kind: ValueKind,
  decode: (value: unknown) => unknown,
): Output {
  return { alias, keys: [key], select: [read], raw, kind, decode: ([value]) => decode(value) };
}

/**
 * Builds the single statement of an aggregate: tenant filter and conditions in WHERE, buckets
 * computed by the database, exact sums (see {@link SqlDialect.sum}). `safe` asks for sums that
 * cannot overflow.
 */
export function aggregatePlan(
  tenantId: string,
  plan: TablePlan,
  query: DriverAggregate,
  dialect: SqlDialect,
  safe = false,
): AggregatePlan {
  // A column's value (or `raw`, computed from it) read and decoded as the dialect does.
  const columnValue = (alias: string, key: string, raw: Sql, column: ColumnLayout): Output =>
    single(
      alias,
      key,
      raw,
      dialect.readColumn(raw, column),
      kindOf(column),
      dialect.decoder(column),
    );
  const groups: Output[] = query.groupBy.map((group, index) => {
    const column = columnOf(plan, group.column);
    const ref = sql.id(column.name);
    const key = `k${index}`;
    if (group.bucket) {
      if (column.type !== 'date' && column.type !== 'timestamp') {
        throw invalid(`bucket on ${column.name}`, `groupBy.${index}`);
      }
      const raw = dialect.bucket(ref, column.type, group.bucket);
      return single(group.alias, key, raw, raw, 'text', (value) =>
        value === null || value === undefined ? null : String(value),
      );
    }
    return columnValue(group.alias, key, ref, column);
  });
  const measures: Output[] = query.measures.map((measure, index) => {
    const key = `m${index}`;
    if (measure.fn === 'count') {
      const raw = measure.column
        ? sql`COUNT(${sql.id(columnOf(plan, measure.column).name)})`
        : sql`COUNT(*)`;
      return single(measure.alias, key, raw, raw, 'number', toCount);
    }
    if (!measure.column) throw invalid(`${measure.fn} needs a column`, `measures.${index}`);
    const column = columnOf(plan, measure.column);
    const ref = sql.id(column.name);
    if (measure.fn === 'sum') {
      if (column.type !== 'decimal' && column.type !== 'integer') {
        throw invalid(`sum of ${column.name}`, `measures.${index}`);
      }
      const sum = dialect.sum(ref, column, safe);
      return {
        alias: measure.alias,
        keys: sum.parts.map((_, part) => `${key}_${part}`),
        select: sum.parts,
        raw: sum.order,
        kind: 'decimal',
        decode: (values) => sum.combine(values),
      };
    }
    // The smallest and largest value of a column the rows are grouped by is the group's value:
    // no need to aggregate it (the kernel asks for a money column's currency range this way).
    const grouped = query.groupBy.some((group) => group.column === column.name && !group.bucket);
    const raw = grouped ? ref : measure.fn === 'min' ? sql`MIN(${ref})` : sql`MAX(${ref})`;
    return columnValue(measure.alias, key, raw, column);
  });
  const outputs = [...groups, ...measures];
  const byAlias = new Map(outputs.map((output) => [output.alias, output]));
  const order: { output: Output; direction: SortDirection }[] =
    query.orderBy.length > 0
      ? query.orderBy.map((item, index) => {
          const output = byAlias.get(item.alias);
          if (!output) throw invalid(`unknown key ${item.alias}`, `orderBy.${index}`);
          return { output, direction: item.direction };
        })
      : groups.map((output) => ({ output, direction: 'asc' as const }));
  // Ordering by a sum that only JavaScript can add up exactly: fetch every group, sort here.
  const inJavaScript = order.some((item) => item.output.raw === null);
  const select = sql.join(
    outputs.flatMap((output) =>
      output.select.map((part, at) => sql`${part} AS ${sql.id(output.keys[at] as string)}`),
    ),
  );
  const where = sql`${sql.id(TENANT_COLUMN)} = ${tenantId} AND ${filterSql(query.where, plan, dialect)}`;
  const groupBy =
    groups.length > 0 ? sql` GROUP BY ${sql.join(groups.map((group) => group.raw))}` : sql``;
  const orderBy =
    !inJavaScript && order.length > 0
      ? sql` ORDER BY ${sql.join(
          order.map(
            ({ output, direction }) =>
              sql`${output.raw} ${direction === 'desc' ? sql`DESC` : sql`ASC`}${dialect.nullsOrder(direction)}`,
          ),
        )}`
      : sql``;
  const limit = !inJavaScript && query.limit !== undefined ? sql` LIMIT ${query.limit}` : sql``;
  return {
    query: sql`SELECT ${select} FROM ${plan.table} WHERE ${where}${groupBy}${orderBy}${limit}`,
    finish(rows) {
      const decoded = rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const output of outputs)
          out[output.alias] = output.decode(output.keys.map((key) => row[key]));
        return out;
      });
      if (!inJavaScript) return decoded;
      decoded.sort((a, b) => {
        for (const { output, direction } of order) {
          const result = compareValues(a[output.alias], b[output.alias], output.kind, direction);
          if (result !== 0) return result;
        }
        return 0;
      });
      return query.limit === undefined ? decoded : decoded.slice(0, query.limit);
    },
  };
}

/** Nulls first ascending and last descending, like the SQL orders. */
function compareValues(a: unknown, b: unknown, kind: ValueKind, direction: SortDirection): number {
  const sign = direction === 'desc' ? -1 : 1;
  if (a === null || a === undefined || b === null || b === undefined) {
    if (a === b || (a == null && b == null)) return 0;
    return (a == null ? -1 : 1) * sign;
  }
  let result: number;
  switch (kind) {
    case 'decimal': {
      const [x, y] = [toScaled(a, 12).units, toScaled(b, 12).units];
      result = x < y ? -1 : x > y ? 1 : 0;
      break;
    }
    case 'number':
      result = Number(a) - Number(b);
      break;
    case 'time':
      result = (a as Date).getTime() - (b as Date).getTime();
      break;
    case 'boolean':
      result = Number(a) - Number(b);
      break;
    default:
      result = codePointCompare(String(a), String(b));
  }
  return result * sign;
}

function codePointCompare(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
}

function invalid(message: string, path: string): SellkitError {
  return new SellkitError('VALIDATION_FAILED', `aggregate: ${message}`, {
    issues: [{ path, message, reason: 'invalid_aggregate' }],
  });
}

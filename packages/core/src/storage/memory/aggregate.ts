import { SellkitError } from '../../errors/sellkit-error.js';
import type { DriverAggregate, FlatRow } from '../driver.js';
import type { ColumnType, TableLayout } from '../layout.js';
import type { TimeBucket } from '../query.js';
import { copyValue } from './copy.js';
import { comparatorFor, sortRows } from './predicate.js';

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function utcDay(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const date = new Date(0);
    date.setUTCFullYear(
      Number(value.slice(0, 4)),
      Number(value.slice(5, 7)) - 1,
      Number(value.slice(8, 10)),
    );
    return date;
  }
  return null;
}

function dayLabel(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The label of a time bucket in UTC: `2026-03-05`, week → its ISO Monday, `2026-03`, `2026-Q1`, `2026`. */
export function bucketLabel(value: unknown, bucket: TimeBucket): string | null {
  const date = utcDay(value);
  if (!date) return null;
  const year = pad(date.getUTCFullYear(), 4);
  switch (bucket) {
    case 'day':
      return dayLabel(date);
    case 'week': {
      const monday = new Date(date.getTime());
      monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
      return dayLabel(monday);
    }
    case 'month':
      return `${year}-${pad(date.getUTCMonth() + 1)}`;
    case 'quarter':
      return `${year}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
    case 'year':
      return year;
  }
}

/** A decimal or integer string as an exact bigint at `scale` decimals. */
function scaled(value: unknown, scale: number): bigint {
  const text = String(value);
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  const point = body.indexOf('.');
  const whole = point === -1 ? body : body.slice(0, point);
  const fraction = point === -1 ? '' : body.slice(point + 1);
  if (fraction.length > scale && /[1-9]/.test(fraction.slice(scale))) {
    throw new SellkitError('STORAGE_FAILURE', `${text} has more than ${scale} decimals`);
  }
  const units = BigInt(`${whole || '0'}${fraction.slice(0, scale).padEnd(scale, '0')}`);
  return negative ? -units : units;
}

function formatScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

interface Accumulator {
  keys: FlatRow;
  sums: (bigint | null)[];
  counts: number[];
  extremes: unknown[];
}

/** Groups and measures rows exactly as the driver contract says (one row when not grouped). */
export function aggregateRows(
  layout: TableLayout,
  rows: Iterable<FlatRow>,
  query: DriverAggregate,
): FlatRow[] {
  const columns = new Map(layout.columns.map((column) => [column.name, column]));
  const measures = query.measures.map((measure) => {
    const column = measure.column ? columns.get(measure.column) : undefined;
    if (measure.column && !column)
      throw new SellkitError('STORAGE_FAILURE', `unknown column ${measure.column}`);
    return {
      ...measure,
      column,
      scale: column?.type === 'decimal' ? (column.scale ?? 0) : 0,
      compare: comparatorFor(column?.type ?? 'integer'),
    };
  });
  const groups = new Map<string, Accumulator>();
  const start = (keys: FlatRow): Accumulator => ({
    keys,
    sums: measures.map(() => null),
    counts: measures.map(() => 0),
    extremes: measures.map(() => null),
  });
  if (query.groupBy.length === 0) groups.set('', start({}));
  for (const row of rows) {
    const keys: FlatRow = {};
    let groupKey = '';
    for (const group of query.groupBy) {
      const raw = row[group.column];
      const value =
        raw === null || raw === undefined
          ? null
          : group.bucket
            ? bucketLabel(raw, group.bucket)
            : raw;
      keys[group.alias] = value;
      groupKey += `${value instanceof Date ? `d${value.getTime()}` : `${typeof value}:${String(value)}`}\u0001`;
    }
    let accumulator = groups.get(groupKey);
    if (!accumulator) {
      accumulator = start(keys);
      groups.set(groupKey, accumulator);
    }
    const acc = accumulator;
    measures.forEach((measure, index) => {
      if (!measure.column) {
        acc.counts[index] = (acc.counts[index] as number) + 1;
        return;
      }
      const value = row[measure.column.name];
      if (value === null || value === undefined) return;
      acc.counts[index] = (acc.counts[index] as number) + 1;
      if (measure.fn === 'sum') {
        acc.sums[index] = (acc.sums[index] ?? 0n) + scaled(value, measure.scale);
      } else if (measure.fn === 'min' || measure.fn === 'max') {
        const current = acc.extremes[index];
        const better =
          current === null ||
          (measure.fn === 'min'
            ? measure.compare(value, current) < 0
            : measure.compare(value, current) > 0);
        if (better) acc.extremes[index] = value;
      }
    });
  }
  const results: FlatRow[] = [];
  for (const accumulator of groups.values()) {
    const result: FlatRow = {};
    for (const group of query.groupBy) {
      const column = columns.get(group.column);
      const value = accumulator.keys[group.alias];
      result[group.alias] = column && !group.bucket ? copyValue(column, value) : value;
    }
    measures.forEach((measure, index) => {
      if (measure.fn === 'count') result[measure.alias] = accumulator.counts[index];
      else if (measure.fn === 'sum') {
        const sum = accumulator.sums[index] ?? null;
        result[measure.alias] = sum === null ? null : formatScaled(sum, measure.scale);
      } else {
        const value = accumulator.extremes[index];
        result[measure.alias] = measure.column ? copyValue(measure.column, value) : value;
      }
    });
    results.push(result);
  }
  return orderAggregate(
    layout,
    query,
    results,
    measures.map((measure) => ({
      alias: measure.alias,
      fn: measure.fn,
      type: measure.column?.type,
    })),
  );
}

function orderAggregate(
  layout: TableLayout,
  query: DriverAggregate,
  rows: FlatRow[],
  measures: readonly { alias: string; fn: string; type?: ColumnType }[],
): FlatRow[] {
  const columns = new Map(layout.columns.map((column) => [column.name, column]));
  const typeOf = (alias: string): ColumnType => {
    const group = query.groupBy.find((item) => item.alias === alias);
    if (group) return group.bucket ? 'text' : (columns.get(group.column)?.type ?? 'text');
    const measure = measures.find((item) => item.alias === alias);
    if (!measure || measure.fn === 'count') return 'integer';
    return measure.fn === 'sum' ? 'decimal' : (measure.type ?? 'text');
  };
  const sorted =
    query.orderBy.length === 0
      ? rows
      : sortRows(
          rows,
          query.orderBy.map((item) => ({
            column: item.alias,
            type: typeOf(item.alias),
            direction: item.direction,
          })),
        );
  return query.limit === undefined ? sorted : sorted.slice(0, query.limit);
}

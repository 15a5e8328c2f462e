import type { ColumnLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import { fromScaled } from '../values/decimal.js';
import type { ColumnVerdict, ExistingColumn, Sql, SqlDialect, SumPlan } from './dialect.js';
import { asIs, type Convert, nullable } from './nullable.js';
import {
  combineSlices,
  INTEGER_PRECISION,
  slicesOf,
  sqliteDecimalCodec,
} from './sqlite-decimal.js';

/*
 * Storage scheme on SQLite. Declared type names are chosen so that SQLite's affinity rules give
 * the right storage class AND introspection can tell every Sellkit type apart:
 * - decimal   → SCALED_INTEGER(p,s) up to 18 digits: the value times 10^s as a 64-bit integer;
 *               SCALED_DECIMAL_TEXT(p,s) beyond (money): fixed-width text, see sqlite-decimal.ts.
 *               Either way SUM, ORDER BY and comparisons are exact and indexable;
 * - timestamp → EPOCH_MS_INTEGER: milliseconds since 1970-01-01T00:00Z;
 * - date      → DATE_TEXT: 'YYYY-MM-DD' (sorts chronologically as text);
 * - boolean   → BOOLEAN: 0/1;
 * - json      → JSON_TEXT, textList → TEXT_LIST_JSON: JSON text.
 */
const TYPES: Record<ColumnLayout['type'], string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  decimal: 'SCALED_INTEGER',
  boolean: 'BOOLEAN',
  date: 'DATE_TEXT',
  timestamp: 'EPOCH_MS_INTEGER',
  json: 'JSON_TEXT',
  textList: 'TEXT_LIST_JSON',
};

const FILL: Record<ColumnLayout['type'], string> = {
  text: "''",
  integer: '0',
  decimal: '0',
  boolean: '0',
  date: "'1970-01-01'",
  timestamp: '0',
  json: "'null'",
  textList: "'[]'",
};

function scaleOf(column: ColumnLayout): number {
  return column.scale ?? 0;
}

function declaredType(column: ColumnLayout): string {
  if (column.type === 'decimal') {
    const precision = column.precision ?? 18;
    const kind = precision <= INTEGER_PRECISION ? 'SCALED_INTEGER' : 'SCALED_DECIMAL_TEXT';
    return `${kind}(${precision},${scaleOf(column)})`;
  }
  return TYPES[column.type];
}

const DECIMAL_TYPE = /^(SCALED_INTEGER|SCALED_DECIMAL_TEXT)\((\d+),(\d+)\)$/;

function normalise(type: string): string {
  return type.toUpperCase().replace(/\s+/g, '');
}

function compareType(column: ColumnLayout, existing: ExistingColumn): ColumnVerdict {
  const want = normalise(declaredType(column));
  const have = normalise(existing.type);
  if (want === have) return { kind: 'same' };
  const wantDecimal = DECIMAL_TYPE.exec(want);
  const haveDecimal = DECIMAL_TYPE.exec(have);
  if (wantDecimal && haveDecimal) {
    // SQLite does not enforce precision (the kernel does), so a wider precision in the same
    // storage form needs no change.
    if (
      wantDecimal[1] === haveDecimal[1] &&
      wantDecimal[3] === haveDecimal[3] &&
      Number(wantDecimal[2]) >= Number(haveDecimal[2])
    ) {
      return { kind: 'same' };
    }
    if (wantDecimal[1] !== haveDecimal[1] && wantDecimal[3] === haveDecimal[3]) {
      return {
        kind: 'incompatible',
        reason: `precision ${haveDecimal[2]} → ${wantDecimal[2]} crosses SQLite's 18-digit storage boundary (migrate the column by hand)`,
      };
    }
  }
  return { kind: 'incompatible', reason: `type ${existing.type} is not ${declaredType(column)}` };
}

const toMillis = (value: unknown): number =>
  value instanceof Date ? value.getTime() : new Date(value as string).getTime();

function encoder(column: ColumnLayout): Convert {
  switch (column.type) {
    case 'decimal': {
      const codec = sqliteDecimalCodec(column);
      return nullable((value) => codec.encode(value, column));
    }
    case 'boolean':
      return nullable((value) => (value === true ? 1 : 0));
    case 'timestamp':
      return nullable(toMillis);
    case 'json':
    case 'textList':
      return nullable((value) => JSON.stringify(value));
    default:
      return asIs;
  }
}

function decoder(column: ColumnLayout): Convert {
  switch (column.type) {
    case 'integer':
      return (value) => (typeof value === 'bigint' ? Number(value) : value);
    case 'decimal': {
      const codec = sqliteDecimalCodec(column);
      return (value) => codec.read(value);
    }
    case 'boolean':
      return nullable((value) => value === 1 || value === 1n || value === true);
    case 'timestamp':
      return nullable((value) => new Date(Number(value)));
    case 'json':
    case 'textList':
      return nullable((value) => JSON.parse(value as string));
    default:
      return asIs;
  }
}

function sum(expr: Sql, column: ColumnLayout, safe: boolean): SumPlan {
  const codec = column.type === 'decimal' ? sqliteDecimalCodec(column) : undefined;
  const scale = codec?.scale ?? 0;
  if (codec?.wide) {
    const slices = slicesOf(codec, safe);
    return {
      parts: [
        sql`COUNT(${expr})`,
        ...slices.map(
          // Read as text: slice sums pass 2^53 long before they overflow 64 bits.
          (slice) =>
            sql`CAST(SUM(CAST(substr(${expr}, ${sql.lit(slice.start)}, ${sql.lit(slice.length)}) AS INTEGER)) AS TEXT)`,
        ),
      ],
      combine: ([count, ...sums]) => combineSlices(codec, safe, count, sums),
      order: null,
    };
  }
  if (!safe) {
    // SQLite's integer SUM is exact and raises an error instead of overflowing.
    return {
      parts: [sql`CAST(SUM(${expr}) AS TEXT)`],
      combine: ([total]) =>
        total === null || total === undefined ? null : fromScaled(total as string, scale),
      order: sql`SUM(${expr})`,
    };
  }
  // Split into high and low parts, each far from overflowing, and add them with bigints.
  return {
    parts: [
      sql`COUNT(${expr})`,
      sql`CAST(SUM(${expr} / 1000000000) AS TEXT)`,
      sql`CAST(SUM(${expr} % 1000000000) AS TEXT)`,
    ],
    combine: ([count, high, low]) =>
      Number(count ?? 0) === 0
        ? null
        : fromScaled(BigInt(String(high)) * 1_000_000_000n + BigInt(String(low)), scale),
    order: null,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** The SQLite dialect (better-sqlite3 or any Kysely SQLite driver). */
export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  // IMMEDIATE takes the write lock up front: two deferred transactions that both read and then
  // try to write would otherwise fail with SQLITE_BUSY instead of waiting.
  beginSql: 'BEGIN IMMEDIATE',
  maxParameters: 32_000,
  scaledDecimals: true,
  tenantType: 'TEXT',
  columnType: declaredType,
  fillValue: (column) => FILL[column.type],
  compareType,
  alterType: () => [],
  dropNotNull: () => null,
  readColumn(expr, column) {
    // Scaled integers beyond 2^53 would lose digits as JavaScript numbers: read them as text.
    return column.type === 'decimal' && !sqliteDecimalCodec(column).wide
      ? sql`CAST(${expr} AS TEXT)`
      : expr;
  },
  sum,
  isOverflow: (error) => /integer overflow/i.test(error instanceof Error ? error.message : ''),
  encoder,
  decoder,
  distinctFrom: (expr, value) => sql`${expr} IS NOT ${value}`,
  textContains: (expr, value) => sql`instr(${expr}, ${value}) > 0`,
  textStartsWith: (expr, value) => sql`substr(${expr}, 1, length(${value})) = ${value}`,
  listContains: (expr, value) =>
    sql`EXISTS (SELECT 1 FROM json_each(${expr}) AS "sk_item" WHERE "sk_item"."value" = ${value})`,
  // SQLite already sorts nulls first ascending and last descending.
  nullsOrder: () => sql``,
  bucket(expr, type, bucket): Sql {
    const time = type === 'timestamp' ? sql`${expr} / 1000.0, 'unixepoch'` : expr;
    switch (bucket) {
      case 'day':
        return sql`strftime('%Y-%m-%d', ${time})`;
      case 'week':
        // Back six days, then forward to the next Monday: the ISO week's Monday.
        return sql`date(${time}, '-6 days', 'weekday 1')`;
      case 'month':
        return sql`strftime('%Y-%m', ${time})`;
      case 'quarter':
        return sql`(strftime('%Y', ${time}) || '-Q' || ((CAST(strftime('%m', ${time}) AS INTEGER) + 2) / 3))`;
      case 'year':
        return sql`strftime('%Y', ${time})`;
    }
  },
  isUniqueViolation,
};

import type { ColumnLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { ColumnVerdict, ExistingColumn, Sql, SqlDialect } from './dialect.js';
import { asIs, type Convert, nullable } from './nullable.js';

/*
 * Storage scheme on PostgreSQL (and PGlite): native types. Text columns use the "C" collation so
 * comparisons, sorting and indexes follow code points exactly like SQLite's binary collation.
 */
function declaredType(column: ColumnLayout): string {
  switch (column.type) {
    case 'text':
      return 'TEXT COLLATE "C"';
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return `NUMERIC(${column.precision ?? 18},${column.scale ?? 0})`;
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'timestamp':
      return 'TIMESTAMPTZ(3)';
    case 'json':
    case 'textList':
      return 'JSONB';
  }
}

const FILL: Record<ColumnLayout['type'], string> = {
  text: "''",
  integer: '0',
  decimal: '0',
  boolean: 'FALSE',
  date: "'1970-01-01'",
  timestamp: "'1970-01-01T00:00:00Z'",
  json: "'null'::jsonb",
  textList: "'[]'::jsonb",
};

const NUMERIC_TYPE = /^NUMERIC\((\d+),(\d+)\)$/;

function compareType(column: ColumnLayout, existing: ExistingColumn): ColumnVerdict {
  const have = existing.type.toUpperCase();
  const incompatible: ColumnVerdict = {
    kind: 'incompatible',
    reason: `type ${existing.type} is not ${declaredType(column)}`,
  };
  switch (column.type) {
    case 'text':
      if (have === 'TEXT COLLATE "C"') return { kind: 'same' };
      // Another collation or a length limit: safe to change in place.
      return have === 'TEXT' || have.startsWith('CHARACTER VARYING')
        ? { kind: 'alter', reason: `${existing.type} → ${declaredType(column)}` }
        : incompatible;
    case 'integer':
      if (have === 'BIGINT') return { kind: 'same' };
      return have === 'INTEGER' || have === 'SMALLINT'
        ? { kind: 'alter', reason: `${existing.type} → BIGINT` }
        : incompatible;
    case 'decimal': {
      const match = NUMERIC_TYPE.exec(have);
      if (!match || Number(match[2]) !== (column.scale ?? 0)) return incompatible;
      const precision = column.precision ?? 18;
      if (Number(match[1]) === precision) return { kind: 'same' };
      return Number(match[1]) < precision
        ? { kind: 'alter', reason: `${existing.type} → ${declaredType(column)}` }
        : incompatible;
    }
    case 'timestamp':
      // Any fractional precision keeps instants; values are written with milliseconds.
      return have.startsWith('TIMESTAMPTZ') ? { kind: 'same' } : incompatible;
    case 'json':
    case 'textList':
      return have === 'JSONB' ? { kind: 'same' } : incompatible;
    default:
      return have === declaredType(column) ? { kind: 'same' } : incompatible;
  }
}

function encoder(column: ColumnLayout): Convert {
  switch (column.type) {
    case 'decimal':
      return nullable((value) => (typeof value === 'string' ? value : String(value)));
    case 'timestamp':
      return nullable((value) => (value instanceof Date ? value.toISOString() : value));
    case 'json':
    case 'textList':
      // Always JSON text: pg would turn a JavaScript array into a Postgres array literal.
      return nullable((value) => JSON.stringify(value));
    default:
      return asIs;
  }
}

function decoder(column: ColumnLayout): Convert {
  switch (column.type) {
    case 'integer':
      return nullable(Number);
    case 'decimal':
      return nullable(String);
    case 'timestamp':
      // Epoch milliseconds (see readColumn); a Date if a host's own query returned one.
      return nullable((value) => (value instanceof Date ? value : new Date(Number(value))));
    case 'json':
    case 'textList':
      return (value) =>
        value === undefined
          ? null
          : typeof value === 'string' && column.type === 'textList'
            ? JSON.parse(value)
            : value;
    default:
      return asIs;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/** The PostgreSQL dialect (pg, PGlite or any Kysely Postgres driver). */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  columnNote: (column) =>
    column.type === 'json' || column.type === 'textList' ? `sellkit:${column.type}` : undefined,
  beginSql: 'BEGIN',
  maxParameters: 60_000,
  scaledDecimals: false,
  tenantType: 'TEXT COLLATE "C"',
  columnType: declaredType,
  fillValue: (column) => FILL[column.type],
  compareType,
  alterType: (table, column) => [
    sql`ALTER TABLE ${table} ALTER COLUMN ${sql.id(column.name)} TYPE ${sql.raw(declaredType(column))}`,
  ],
  dropNotNull: (table, column) =>
    sql`ALTER TABLE ${table} ALTER COLUMN ${sql.id(column.name)} DROP NOT NULL`,
  readColumn(expr, column) {
    // Read dates and instants in a form no client-side parser can get wrong: pg turns DATE into
    // a local-time Date, and PGlite reads year 0001 as 2001.
    if (column.type === 'date') return sql`to_char(${expr}, 'YYYY-MM-DD')`;
    if (column.type === 'timestamp') return sql`round(extract(epoch from ${expr}) * 1000)::bigint`;
    return expr;
  },
  sum: (expr) => ({
    parts: [sql`SUM(${expr})`],
    combine: ([total]) => (total === null || total === undefined ? null : String(total)),
    order: sql`SUM(${expr})`,
  }),
  isOverflow: () => false,
  encoder,
  decoder,
  distinctFrom: (expr, value) => sql`${expr} IS DISTINCT FROM ${value}`,
  textContains: (expr, value) => sql`strpos(${expr}, ${value}::text) > 0`,
  textStartsWith: (expr, value) => sql`starts_with(${expr}, ${value}::text)`,
  listContains: (expr, value) => sql`${expr} @> jsonb_build_array(${value}::text)`,
  nullsOrder: (direction) => (direction === 'asc' ? sql` NULLS FIRST` : sql` NULLS LAST`),
  bucket(expr, type, bucket): Sql {
    const time =
      type === 'timestamp' ? sql`(${expr} AT TIME ZONE 'UTC')` : sql`(${expr})::timestamp`;
    switch (bucket) {
      case 'day':
        return sql`to_char(${time}, 'YYYY-MM-DD')`;
      case 'week':
        return sql`to_char(date_trunc('week', ${time}), 'YYYY-MM-DD')`;
      case 'month':
        return sql`to_char(${time}, 'YYYY-MM')`;
      case 'quarter':
        return sql`to_char(${time}, 'YYYY-"Q"Q')`;
      case 'year':
        return sql`to_char(${time}, 'YYYY')`;
    }
  },
  isUniqueViolation,
};

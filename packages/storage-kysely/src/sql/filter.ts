import { SellkitError } from '@sellkit/core';
import type { ColumnLayout, FilterNode } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialects/dialect.js';
import { sqliteDecimalCodec } from '../dialects/sqlite-decimal.js';
import { toScaled } from '../values/decimal.js';
import type { TablePlan } from './table-plan.js';

type Leaf = Extract<FilterNode, { type: 'leaf' }>;

const TRUE = sql`1 = 1`;
const FALSE = sql`1 = 0`;

/** The column a filter or sort names; the kernel validated the name, so a miss is a bug. */
export function columnOf(plan: TablePlan, name: string): ColumnLayout {
  const column = plan.byName.get(name);
  if (!column) {
    throw new SellkitError('VALIDATION_FAILED', `unknown column ${name} in ${plan.layout.table}`, {
      model: plan.layout.model,
      issues: [{ path: name, message: `unknown column ${name}`, reason: 'unknown_field' }],
    });
  }
  return column;
}

/**
 * Compiles a normalised filter to a SQL condition. Every value becomes a bound parameter;
 * identifiers come from the layout and are quoted by Kysely.
 */
export function filterSql(node: FilterNode, plan: TablePlan, dialect: SqlDialect): Sql {
  switch (node.type) {
    case 'const':
      return node.value ? TRUE : FALSE;
    case 'and':
    case 'or': {
      // An empty AND holds, an empty OR does not.
      if (node.nodes.length === 0) return node.type === 'and' ? TRUE : FALSE;
      const children = node.nodes.map((child) => filterSql(child, plan, dialect));
      return sql`(${sql.join(children, node.type === 'and' ? sql` AND ` : sql` OR `)})`;
    }
    case 'leaf':
      return leafSql(node, columnOf(plan, node.column), dialect);
  }
}

function listOf(leaf: Leaf): readonly unknown[] {
  if (!Array.isArray(leaf.value)) {
    throw new SellkitError('VALIDATION_FAILED', `${leaf.op} on ${leaf.column} needs a list`, {
      issues: [{ path: leaf.column, message: 'expected a list', reason: 'invalid_type' }],
    });
  }
  return leaf.value;
}

function textOf(leaf: Leaf): string {
  if (typeof leaf.value !== 'string') {
    throw new SellkitError('VALIDATION_FAILED', `${leaf.op} on ${leaf.column} needs text`, {
      issues: [{ path: leaf.column, message: 'expected text', reason: 'invalid_type' }],
    });
  }
  return leaf.value;
}

function leafSql(leaf: Leaf, column: ColumnLayout, dialect: SqlDialect): Sql {
  const ref = sql.id(column.name);
  if (leaf.op === 'isNull') return sql`${ref} IS NULL`;
  if (leaf.op === 'isNotNull') return sql`${ref} IS NOT NULL`;
  if (column.type === 'decimal' && dialect.scaledDecimals)
    return scaledDecimalSql(leaf, column, ref);
  const encode = dialect.encoder(column);
  switch (leaf.op) {
    case 'eq':
      return sql`${ref} = ${encode(leaf.value)}`;
    case 'ne':
      return dialect.distinctFrom(ref, encode(leaf.value));
    case 'lt':
      return sql`${ref} < ${encode(leaf.value)}`;
    case 'lte':
      return sql`${ref} <= ${encode(leaf.value)}`;
    case 'gt':
      return sql`${ref} > ${encode(leaf.value)}`;
    case 'gte':
      return sql`${ref} >= ${encode(leaf.value)}`;
    case 'in':
      return inList(ref, listOf(leaf).map(encode));
    case 'notIn':
      return notInList(ref, listOf(leaf).map(encode));
    case 'contains':
      return containsSql(ref, column, textOf(leaf), dialect);
    case 'notContains':
      return sql`(${ref} IS NULL OR NOT ${containsSql(ref, column, textOf(leaf), dialect)})`;
    case 'startsWith':
      return dialect.textStartsWith(ref, textOf(leaf));
    case 'notStartsWith':
      return sql`(${ref} IS NULL OR NOT ${dialect.textStartsWith(ref, textOf(leaf))})`;
  }
}

function containsSql(ref: Sql, column: ColumnLayout, value: string, dialect: SqlDialect): Sql {
  return column.type === 'textList'
    ? dialect.listContains(ref, value)
    : sql`(${dialect.textContains(ref, value)})`;
}

function inList(ref: Sql, values: readonly unknown[]): Sql {
  if (values.length === 0) return FALSE;
  return sql`${ref} IN (${sql.join(values)})`;
}

function notInList(ref: Sql, values: readonly unknown[]): Sql {
  if (values.length === 0) return TRUE;
  return sql`(${ref} IS NULL OR ${ref} NOT IN (${sql.join(values)}))`;
}

/**
 * Decimals stored as scaled integers (SQLite). A value with more decimals than the column, or
 * outside what the column can hold, cannot be bound as is; the comparison is rewritten exactly
 * instead (`x < 1.005` at scale 2 is `x <= 1.00`; `x > 10^30` is false).
 */
function scaledDecimalSql(leaf: Leaf, column: ColumnLayout, ref: Sql): Sql {
  const codec = sqliteDecimalCodec(column);
  const read = (value: unknown) => {
    const { units: floor, exact } = toScaled(value, codec.scale);
    const position = floor > codec.max ? 'above' : floor < codec.min ? 'below' : 'inside';
    return { units: position === 'inside' ? codec.store(floor) : floor, exact, position };
  };
  const notNull = sql`${ref} IS NOT NULL`;
  if (leaf.op === 'in' || leaf.op === 'notIn') {
    const kept = listOf(leaf)
      .map(read)
      .filter((value) => value.exact && value.position === 'inside')
      .map((value) => value.units);
    return leaf.op === 'in' ? inList(ref, kept) : notInList(ref, kept);
  }
  const { units, exact, position } = read(leaf.value);
  switch (leaf.op) {
    case 'eq':
      return exact && position === 'inside' ? sql`${ref} = ${units}` : FALSE;
    case 'ne':
      return exact && position === 'inside' ? sql`(${ref} IS NOT ${units})` : TRUE;
    case 'lt':
      if (position !== 'inside') return position === 'above' ? notNull : FALSE;
      return exact ? sql`${ref} < ${units}` : sql`${ref} <= ${units}`;
    case 'lte':
      if (position !== 'inside') return position === 'above' ? notNull : FALSE;
      return sql`${ref} <= ${units}`;
    case 'gt':
      if (position !== 'inside') return position === 'below' ? notNull : FALSE;
      return sql`${ref} > ${units}`;
    case 'gte':
      if (position !== 'inside') return position === 'below' ? notNull : FALSE;
      return exact ? sql`${ref} >= ${units}` : sql`${ref} > ${units}`;
    default:
      throw new SellkitError('VALIDATION_FAILED', `${leaf.op} is not valid on a decimal`, {
        issues: [
          { path: leaf.column, message: `${leaf.op} on a decimal`, reason: 'invalid_operator' },
        ],
      });
  }
}

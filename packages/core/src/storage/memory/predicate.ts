import { SellkitError } from '../../errors/sellkit-error.js';
import { compareDecimalStrings, compareText } from '../compare-values.js';
import type { FilterNode, FlatRow } from '../driver.js';
import type { ColumnType } from '../layout.js';

/** Orders two non-null flat values of one column type. */
export type Comparator = (a: unknown, b: unknown) => number;

function time(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}

/** The comparator of a column type: code points for text, exact for decimals, chronological for time. */
export function comparatorFor(type: ColumnType): Comparator {
  switch (type) {
    case 'decimal':
      return (a, b) => compareDecimalStrings(String(a), String(b));
    case 'integer':
      return (a, b) => (a as number) - (b as number);
    case 'timestamp':
      return (a, b) => time(a) - time(b);
    case 'boolean':
      return (a, b) => (a === b ? 0 : a ? 1 : -1);
    default:
      return (a, b) => compareText(String(a), String(b));
  }
}

/** A canonical key for equality and set membership (decimals by value, Dates by instant). */
export function equalityKey(type: ColumnType, value: unknown): unknown {
  if (type === 'timestamp') return time(value);
  if (type === 'decimal') {
    const text = String(value);
    // Trailing zeros and -0 do not change a decimal's value.
    let normal = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
    normal = normal.replace(/^(-?)0+(?=\d)/, '$1');
    return normal === '-0' ? '0' : normal;
  }
  return value;
}

type Predicate = (row: FlatRow) => boolean;

function isNull(value: unknown): boolean {
  return value === null || value === undefined;
}

function leafPredicate(node: Extract<FilterNode, { type: 'leaf' }>): Predicate {
  const { column, columnType, op, value } = node;
  const compare = comparatorFor(columnType);
  const key = (item: unknown) => equalityKey(columnType, item);
  switch (op) {
    case 'isNull':
      return (row) => isNull(row[column]);
    case 'isNotNull':
      return (row) => !isNull(row[column]);
    case 'eq':
    case 'ne': {
      const target = key(value);
      const equal = (row: FlatRow) => !isNull(row[column]) && key(row[column]) === target;
      return op === 'eq' ? equal : (row) => !equal(row);
    }
    case 'lt':
      return (row) => !isNull(row[column]) && compare(row[column], value) < 0;
    case 'lte':
      return (row) => !isNull(row[column]) && compare(row[column], value) <= 0;
    case 'gt':
      return (row) => !isNull(row[column]) && compare(row[column], value) > 0;
    case 'gte':
      return (row) => !isNull(row[column]) && compare(row[column], value) >= 0;
    case 'in':
    case 'notIn': {
      const set = new Set((Array.isArray(value) ? value : []).map(key));
      const member = (row: FlatRow) => !isNull(row[column]) && set.has(key(row[column]));
      return op === 'in' ? member : (row) => !member(row);
    }
    case 'contains':
    case 'notContains': {
      const needle = String(value);
      const has =
        columnType === 'textList'
          ? (row: FlatRow) => {
              const list = row[column];
              return Array.isArray(list) && list.includes(needle);
            }
          : (row: FlatRow) => {
              const text = row[column];
              return typeof text === 'string' && text.includes(needle);
            };
      return op === 'contains' ? has : (row) => !has(row);
    }
    case 'startsWith':
    case 'notStartsWith': {
      const prefix = String(value);
      const starts = (row: FlatRow) => {
        const text = row[column];
        return typeof text === 'string' && text.startsWith(prefix);
      };
      return op === 'startsWith' ? starts : (row) => !starts(row);
    }
    default:
      throw new SellkitError('STORAGE_FAILURE', `unknown filter operator ${String(op)}`);
  }
}

/** Compiles a filter into a function, once per query, so a scan costs one call per row. */
export function compileFilter(node: FilterNode): Predicate {
  switch (node.type) {
    case 'const':
      return node.value ? () => true : () => false;
    case 'and': {
      const parts = node.nodes.map(compileFilter);
      return (row) => {
        for (const part of parts) if (!part(row)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = node.nodes.map(compileFilter);
      return (row) => {
        for (const part of parts) if (part(row)) return true;
        return false;
      };
    }
    case 'leaf':
      return leafPredicate(node);
    default:
      throw new SellkitError('STORAGE_FAILURE', 'unknown filter node');
  }
}

/**
 * A row comparator for sort keys (nulls first ascending, last descending). Keys are read once
 * per row into arrays (timestamps as numbers) so sorting large sets stays cheap.
 */
export function sortRows<T extends FlatRow>(
  rows: T[],
  keys: readonly { column: string; type: ColumnType; direction: 'asc' | 'desc' }[],
): T[] {
  const extracted = keys.map((key) =>
    rows.map((row) => {
      const value = row[key.column];
      if (isNull(value)) return null;
      return key.type === 'timestamp' ? time(value) : value;
    }),
  );
  const comparators = keys.map((key) =>
    key.type === 'timestamp' ? comparatorFor('integer') : comparatorFor(key.type),
  );
  const order = rows.map((_, index) => index);
  order.sort((x, y) => {
    for (let k = 0; k < keys.length; k += 1) {
      const values = extracted[k] as unknown[];
      const a = values[x];
      const b = values[y];
      let result: number;
      if (a === null) result = b === null ? 0 : -1;
      else if (b === null) result = 1;
      else result = (comparators[k] as Comparator)(a, b);
      if (result !== 0)
        return (keys[k] as { direction: string }).direction === 'asc' ? result : -result;
    }
    return 0;
  });
  return order.map((index) => rows[index] as T);
}

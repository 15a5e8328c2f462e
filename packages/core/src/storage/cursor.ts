import { Buffer } from 'node:buffer';
import { validationError } from '../errors/sellkit-error.js';
import { isPlainObject } from '../kit/is-plain-object.js';
import { isStorableString } from '../model/value-checks.js';
import type { DriverSort, FilterNode, FlatRow } from './driver.js';
import { join, MATCH_NONE } from './filter-node.js';
import type { ColumnLayout } from './layout.js';
import type { ModelInfo } from './model-info.js';
import type { SortDirection } from './query.js';

/** A validated sort: the driver's sort keys plus the columns they name. */
export interface SortPlan {
  readonly orderBy: readonly DriverSort[];
  readonly columns: readonly ColumnLayout[];
  /** Identifies the sort, so a cursor is only accepted with the sort that made it. */
  readonly fingerprint: string;
}

const UNSORTABLE = new Set(['json', 'textList']);

/** A short, stable hash (53-bit, cyrb53) of a string. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Validates `orderBy` (known, sortable fields; money sorts by amount) and appends `id` so the
 * order is total.
 */
export function planSort(info: ModelInfo, orderBy: unknown, path = 'orderBy'): SortPlan {
  const model = info.model.name;
  const keys = orderBy === undefined || orderBy === null ? [] : orderBy;
  if (!Array.isArray(keys))
    throw validationError(path, 'must be a list of sort keys', 'invalid_type', { model });
  const sorts: DriverSort[] = [];
  const columns: ColumnLayout[] = [];
  const seen = new Set<string>();
  keys.forEach((key: unknown, index) => {
    const at = `${path}.${index}`;
    if (!isPlainObject(key))
      throw validationError(at, 'must be { field, direction }', 'invalid_type', { model });
    for (const name of Object.keys(key)) {
      if (name !== 'field' && name !== 'direction') {
        throw validationError(`${at}.${name}`, `unknown field ${name}`, 'unknown_field', { model });
      }
    }
    const fieldName = key.field;
    const direction = key.direction ?? 'asc';
    if (typeof fieldName !== 'string')
      throw validationError(`${at}.field`, 'must be a field name', 'invalid_type', { model });
    if (direction !== 'asc' && direction !== 'desc') {
      throw validationError(`${at}.direction`, 'must be asc or desc', 'invalid_value', { model });
    }
    const found = info.fields.get(fieldName);
    if (!found)
      throw validationError(
        `${at}.field`,
        `model ${model} has no field ${fieldName}`,
        'unknown_field',
        { model },
      );
    if (UNSORTABLE.has(found.definition.kind)) {
      throw validationError(
        `${at}.field`,
        `${found.definition.kind} fields cannot be sorted`,
        'unsortable',
        { model },
      );
    }
    // Sorting twice by one column changes nothing; everything after id is already decided.
    if (seen.has(found.column.name) || seen.has('id')) return;
    seen.add(found.column.name);
    sorts.push({ column: found.column.name, direction: direction as SortDirection });
    columns.push(found.column);
  });
  if (!seen.has('id')) {
    const id = info.layout.columns.find((column) => column.name === 'id') as ColumnLayout;
    sorts.push({ column: 'id', direction: 'asc' });
    columns.push(id);
  }
  const fingerprint = hash(
    `${model}|${sorts.map((sort) => `${sort.column}:${sort.direction}`).join(',')}`,
  );
  return { orderBy: sorts, columns, fingerprint };
}

function encodeValue(column: ColumnLayout, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.type === 'timestamp') return value instanceof Date ? value.getTime() : Number(value);
  return value;
}

/** The opaque cursor pointing just after `row`. */
export function encodeCursor(plan: SortPlan, row: FlatRow): string {
  const values = plan.columns.map((column) => encodeValue(column, row[column.name]));
  return Buffer.from(JSON.stringify({ v: 1, f: plan.fingerprint, k: values }), 'utf8').toString(
    'base64url',
  );
}

const FIXED_DECIMAL = /^-?\d{1,38}(?:\.\d{1,12})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function decodeValue(column: ColumnLayout, value: unknown): unknown {
  if (value === null) return column.nullable ? null : undefined;
  switch (column.type) {
    case 'timestamp':
      return typeof value === 'number' && Number.isSafeInteger(value) ? new Date(value) : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'decimal':
      return typeof value === 'string' && FIXED_DECIMAL.test(value) ? value : undefined;
    case 'date':
      return typeof value === 'string' && DATE.test(value) ? value : undefined;
    default:
      return typeof value === 'string' && isStorableString(value) && value.length <= 1_000_000
        ? value
        : undefined;
  }
}

/** Reads a cursor back into sort values; a foreign, damaged or other-sort cursor is refused. */
export function decodeCursor(plan: SortPlan, cursor: unknown, path = 'after'): unknown[] {
  const invalid = (message: string) => validationError(path, message, 'invalid_cursor');
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 4_000_000) {
    throw invalid('must be a cursor returned by a previous page');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a valid cursor');
  }
  if (!isPlainObject(parsed) || parsed.v !== 1 || !Array.isArray(parsed.k)) {
    throw invalid('is not a valid cursor');
  }
  if (parsed.f !== plan.fingerprint) {
    throw invalid('was made for another sort order; start again without a cursor');
  }
  const raw = parsed.k as unknown[];
  if (raw.length !== plan.columns.length) throw invalid('is not a valid cursor');
  return plan.columns.map((column, index) => {
    const value = decodeValue(column, raw[index]);
    if (value === undefined) throw invalid('is not a valid cursor');
    return value;
  });
}

function leafOn(
  column: ColumnLayout,
  op: 'eq' | 'gt' | 'lt' | 'isNull' | 'isNotNull',
  value?: unknown,
): FilterNode {
  return value === undefined
    ? { type: 'leaf', column: column.name, columnType: column.type, op }
    : { type: 'leaf', column: column.name, columnType: column.type, op, value };
}

/**
 * The rows strictly after the cursor position in the plan's order (nulls first when ascending,
 * last when descending): for each key, "all earlier keys equal and this key further on".
 */
export function keysetFilter(plan: SortPlan, values: readonly unknown[]): FilterNode {
  const branches: FilterNode[] = [];
  const equal: FilterNode[] = [];
  plan.orderBy.forEach((sort, index) => {
    const column = plan.columns[index] as ColumnLayout;
    const value = values[index];
    let further: FilterNode;
    if (sort.direction === 'asc') {
      further = value === null ? leafOn(column, 'isNotNull') : leafOn(column, 'gt', value);
    } else if (value === null) {
      further = MATCH_NONE;
    } else {
      further = column.nullable
        ? join('or', [leafOn(column, 'lt', value), leafOn(column, 'isNull')])
        : leafOn(column, 'lt', value);
    }
    branches.push(join('and', [...equal, further]));
    equal.push(value === null ? leafOn(column, 'isNull') : leafOn(column, 'eq', value));
  });
  return join('or', branches);
}

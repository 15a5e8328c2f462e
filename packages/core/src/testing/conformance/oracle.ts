import { Buffer } from 'node:buffer';
import { Decimal } from 'decimal.js';
import type { FieldKind } from '../../model/fields.js';
import { Money } from '../../money/money.js';

/**
 * A plain re-statement of the public filter and sort semantics, used to compute what an adapter
 * must return. Deliberately written differently from the kernel (UTF-8 bytes for code-point
 * order, decimal.js for decimals) so both cannot share a mistake.
 */
type Kind = FieldKind | 'id';
type Record = Readonly<{ [key: string]: unknown }>;

function isPlain(value: unknown): value is { [key: string]: unknown } {
  return (
    value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype
  );
}

export function utf8Compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function operand(kind: Kind, value: unknown): unknown {
  if (kind === 'money' && isPlain(value))
    return Money.of(value.amount as string, value.currency as string);
  if (kind === 'timestamp' && typeof value === 'string') return new Date(value);
  if (kind === 'decimal' && typeof value === 'number') return String(value);
  return value;
}

/** Orders two non-null values of one kind; null when they cannot be ordered (other currency). */
export function compareKind(kind: Kind, a: unknown, b: unknown): number | null {
  switch (kind) {
    case 'integer':
      return Math.sign((a as number) - (b as number));
    case 'decimal':
      return new Decimal(a as string).comparedTo(new Decimal(b as string));
    case 'timestamp':
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 'money': {
      const x = a as Money;
      const y = b as Money;
      return x.currency === y.currency ? x.compare(y) : null;
    }
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    default:
      return utf8Compare(a as string, b as string);
  }
}

function equal(kind: Kind, a: unknown, b: unknown): boolean {
  if (kind === 'money') return (a as Money).equals(b);
  return compareKind(kind, a, b) === 0;
}

/** Whether one operator holds for a field value (two-valued: null fails all but ne/notIn/isNull). */
export function holds(kind: Kind, value: unknown, op: string, raw: unknown): boolean {
  if (op === 'isNull') return (value === null) === raw;
  if (raw === null && op === 'eq') return value === null;
  if (raw === null && op === 'ne') return value !== null;
  const target =
    Array.isArray(raw) && (op === 'in' || op === 'notIn')
      ? raw.map((item) => operand(kind, item))
      : operand(kind, raw);
  if (value === null) return op === 'ne' || op === 'notIn';
  switch (op) {
    case 'eq':
      return equal(kind, value, target);
    case 'ne':
      return !equal(kind, value, target);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const compared = compareKind(kind, value, target);
      if (compared === null) return false;
      return op === 'lt'
        ? compared < 0
        : op === 'lte'
          ? compared <= 0
          : op === 'gt'
            ? compared > 0
            : compared >= 0;
    }
    case 'in':
      return (target as unknown[]).some((item) => equal(kind, value, item));
    case 'notIn':
      return !(target as unknown[]).some((item) => equal(kind, value, item));
    case 'contains':
      return Array.isArray(value)
        ? value.includes(target)
        : (value as string).includes(target as string);
    case 'startsWith':
      return (value as string).startsWith(target as string);
    default:
      throw new Error(`oracle: unknown operator ${op}`);
  }
}

/** Whether a whole public filter holds for a record. */
export function evaluate(where: unknown, record: Record, kindOf: (field: string) => Kind): boolean {
  if (!isPlain(where)) return true;
  for (const [key, condition] of Object.entries(where)) {
    if (condition === undefined) continue;
    if (key === 'and') {
      if (!(condition as unknown[]).every((child) => evaluate(child, record, kindOf))) return false;
    } else if (key === 'or') {
      if (!(condition as unknown[]).some((child) => evaluate(child, record, kindOf))) return false;
    } else if (key === 'not') {
      if (evaluate(condition, record, kindOf)) return false;
    } else {
      const kind = kindOf(key);
      const value = record[key] ?? null;
      const isOperators =
        isPlain(condition) &&
        !(kind === 'money' && 'amount' in condition && 'currency' in condition);
      if (condition === null) {
        if (value !== null) return false;
      } else if (isOperators) {
        for (const [op, raw] of Object.entries(condition)) {
          if (raw !== undefined && !holds(kind, value, op, raw)) return false;
        }
      } else if (!holds(kind, value, 'eq', condition)) {
        return false;
      }
    }
  }
  return true;
}

/** Sorts records like the contract says: nulls first ascending, last descending, ties by id. */
export function sortRecords<R extends Record>(
  records: readonly R[],
  keys: readonly { field: string; direction?: 'asc' | 'desc' }[],
  kindOf: (field: string) => Kind,
): R[] {
  const sortable = (kind: Kind, value: unknown) =>
    kind === 'money' && value instanceof Money ? value.toDecimal().toFixed() : value;
  return [...records].sort((a, b) => {
    for (const key of [...keys, { field: 'id', direction: 'asc' as const }]) {
      const kind = kindOf(key.field);
      const x = a[key.field] ?? null;
      const y = b[key.field] ?? null;
      let compared: number;
      if (x === null) compared = y === null ? 0 : -1;
      else if (y === null) compared = 1;
      else
        compared =
          compareKind(kind === 'money' ? 'decimal' : kind, sortable(kind, x), sortable(kind, y)) ??
          0;
      if (compared !== 0) return key.direction === 'desc' ? -compared : compared;
    }
    return 0;
  });
}

import { Decimal } from 'decimal.js';
import { formatDate } from '../calendar/calendar-date.js';
import { SellkitError } from '../errors/sellkit-error.js';
import { canonicalDecimal } from '../model/value-checks.js';
import { MONEY_SCALE } from '../money/currencies.js';
import { Money } from '../money/money.js';
import type { FlatRow } from './driver.js';
import type { ColumnLayout, ColumnType } from './layout.js';
import type { FieldInfo, ModelInfo } from './model-info.js';

/** A stored money amount: the decimal with the storage scale (`12.5000`). */
export function moneyAmount(money: Money): string {
  // `toString()` has exactly the currency's decimals (never more than the storage scale):
  // padding it is exact and skips a decimal copy and re-rounding on every write.
  const text = money.toString();
  const decimals = money.exponent;
  if (decimals > MONEY_SCALE) return canonicalDecimal(money.toDecimal(), MONEY_SCALE);
  const zeros = '0'.repeat(MONEY_SCALE - decimals);
  if (zeros === '') return text;
  return decimals === 0 ? `${text}.${zeros}` : `${text}${zeros}`;
}

/**
 * Writes validated field values into a flat row (a money field fills two columns). Fields absent
 * from `values` (undefined) are left alone, so the same function flattens records and patches.
 */
export function flattenInto(
  info: ModelInfo,
  values: Readonly<Record<string, unknown>>,
  row: FlatRow,
): FlatRow {
  for (const found of info.declared) {
    const value = values[found.name];
    if (value === undefined) continue;
    if (found.currency) {
      const money = value instanceof Money ? value : null;
      row[found.column.name] = money ? moneyAmount(money) : null;
      row[found.currency.name] = money ? money.currency : null;
    } else if (value instanceof Date) {
      row[found.column.name] = new Date(value.getTime());
    } else {
      row[found.column.name] = value;
    }
  }
  return row;
}

const FIXED = /^-?\d+(?:\.\d+)?$/;

function fixedScale(value: string, scale: number): boolean {
  const point = value.indexOf('.');
  return scale === 0 ? point === -1 : point !== -1 && value.length - point - 1 === scale;
}

function corrupt(column: ColumnLayout, value: unknown): SellkitError {
  return new SellkitError(
    'STORAGE_FAILURE',
    `the driver returned ${typeof value} for column ${column.name} (${column.type})`,
    { column: column.name },
  );
}

/**
 * The calendar date of a `Date` a driver returned for a `date` column. Drivers should return
 * `YYYY-MM-DD`; some clients parse a date as midnight UTC, others (node-postgres) as midnight
 * of the process's zone. Whichever midnight it is gives the date, so the result never depends
 * on the process's `TZ`.
 *
 * @example
 * ```ts
 * driverDate(new Date(2026, 2, 5)); // '2026-03-05' in any process zone
 * ```
 */
export function driverDate(value: Date): string {
  const utcMidnight =
    value.getUTCHours() === 0 &&
    value.getUTCMinutes() === 0 &&
    value.getUTCSeconds() === 0 &&
    value.getUTCMilliseconds() === 0;
  return utcMidnight
    ? formatDate({
        year: value.getUTCFullYear(),
        month: value.getUTCMonth() + 1,
        day: value.getUTCDate(),
      })
    : formatDate({ year: value.getFullYear(), month: value.getMonth() + 1, day: value.getDate() });
}

/**
 * Normalises a value a driver returned into the documented flat form: drivers are allowed some
 * slack (bigint or string integers, 0/1 booleans, epoch timestamps) and the kernel evens it out.
 */
export function readFlat(column: ColumnLayout, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return readFlatType(column.type, value, column.scale ?? 0, column);
}

export function readFlatType(
  type: ColumnType,
  value: unknown,
  scale: number,
  column: ColumnLayout,
): unknown {
  switch (type) {
    case 'text':
      if (typeof value === 'string') return value;
      break;
    case 'integer':
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint' || (typeof value === 'string' && /^-?\d+$/.test(value))) {
        return Number(value);
      }
      break;
    case 'decimal':
      if (typeof value === 'string' && fixedScale(value, scale) && FIXED.test(value)) {
        return value === `-${'0'.repeat(value.length - 1)}` ? value.slice(1) : value;
      }
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
        return canonicalDecimal(new Decimal(value.toString()), scale);
      }
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 0 || value === 1) return value === 1;
      break;
    case 'date':
      if (typeof value === 'string') return value;
      if (value instanceof Date) return driverDate(value);
      break;
    case 'timestamp':
      if (value instanceof Date) return new Date(value.getTime());
      if (typeof value === 'number' || typeof value === 'string') return new Date(value);
      break;
    case 'json':
      return value;
    case 'textList':
      if (Array.isArray(value)) return value;
      break;
  }
  throw corrupt(column, value);
}

/** Reads one field (a money field from its two columns) out of a driver row. */
export function readField(found: FieldInfo, row: FlatRow): unknown {
  const value = readFlat(found.column, row[found.column.name]);
  if (!found.currency) return value;
  const currency = row[found.currency.name];
  if (value === null || typeof currency !== 'string') return null;
  return Money.of(value as string, currency, { rounding: 'half-even' });
}

/** Turns a driver row back into a record: Money, canonical decimals, Dates. */
export function unflatten(info: ModelInfo, row: FlatRow): Record<string, unknown> {
  const record: Record<string, unknown> = { ...info.recordTemplate };
  for (const found of info.fields.values()) record[found.name] = readField(found, row);
  return record;
}

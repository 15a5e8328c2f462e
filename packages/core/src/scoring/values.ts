import { Money } from '../money/money.js';

/** The kinds of fact value an operator may accept. */
export type FactKind = 'string' | 'number' | 'boolean' | 'date' | 'money' | 'array' | 'object';

/** Every {@link FactKind}. */
export const FACT_KINDS: readonly FactKind[] = [
  'string',
  'number',
  'boolean',
  'date',
  'money',
  'array',
  'object',
];

/**
 * The kind of a present (non-null) fact value. Functions, symbols and bigints have no kind:
 * no operator accepts them.
 */
export function kindOf(value: unknown): FactKind | undefined {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      if (value === null) return undefined;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : 'date';
      if (value instanceof Money) return 'money';
      return Array.isArray(value) ? 'array' : 'object';
    default:
      return undefined;
  }
}

/** A short, safe description of a value for error messages (never its full content). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : 'a date';
  if (value instanceof Money) return 'money';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of a `Date`, an ISO date-time with offset, or a `YYYY-MM-DD`
 * calendar date (midnight UTC); NaN for anything else (including impossible dates).
 */
export function toTime(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string' || value.length > 40) return Number.NaN;
  const day = DATE_ONLY.exec(value);
  if (day) {
    const time = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // Date.UTC rolls 2026-02-31 over to March; a round trip refuses it.
    return new Date(time).toISOString().slice(0, 10) === value ? time : Number.NaN;
  }
  return DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
}

/** Money from a `Money` or its JSON form `{ amount, currency }`; undefined if neither. */
export function toMoney(value: unknown): Money | undefined {
  if (value instanceof Money) return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !Object.hasOwn(value, 'amount') || !Object.hasOwn(value, 'currency')) {
    return undefined;
  }
  const { amount, currency } = value as { amount: unknown; currency: unknown };
  if (typeof amount !== 'string' || typeof currency !== 'string') return undefined;
  try {
    return Money.of(amount, currency);
  } catch {
    return undefined;
  }
}

/** A duration relative to now, as rule sets write it. */
export interface RelativePeriod {
  readonly n: number;
  readonly unit: 'day' | 'week' | 'month' | 'year';
}

const DAY = 86_400_000;

/** The instant `period` before `now` (calendar months and years, in UTC). */
export function subtractPeriod(now: number, period: RelativePeriod): number {
  switch (period.unit) {
    case 'day':
      return now - period.n * DAY;
    case 'week':
      return now - period.n * 7 * DAY;
    case 'month':
    case 'year': {
      const date = new Date(now);
      const months = period.unit === 'year' ? period.n * 12 : period.n;
      const day = date.getUTCDate();
      date.setUTCDate(1);
      date.setUTCMonth(date.getUTCMonth() - months);
      // Clamp to the month's last day: one month before 31 March is 28/29 February.
      const last = new Date(
        Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0),
      ).getUTCDate();
      date.setUTCDate(Math.min(day, last));
      return date.getTime();
    }
  }
}

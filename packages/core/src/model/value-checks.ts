import type { Decimal } from 'decimal.js';

// Offset required: a local time without a zone means something else on every server.
const TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})$/;

/** The earliest and latest instants storage accepts (years 1 to 9999, as SQL engines do). */
export const MIN_TIMESTAMP = new Date('0001-01-01T00:00:00.000Z').getTime();
export const MAX_TIMESTAMP = new Date('9999-12-31T23:59:59.999Z').getTime();

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a valid `Date` within the years 1 to 9999. */
export function isStorableDate(value: unknown): value is Date {
  if (!(value instanceof Date)) return false;
  const time = value.getTime();
  return Number.isFinite(time) && time >= MIN_TIMESTAMP && time <= MAX_TIMESTAMP;
}

/**
 * Parses an ISO-8601 instant with a zone (`2026-03-05T10:00:00Z`, `...+02:00`) into a Date,
 * truncated to the millisecond; null when the string is not one or names a day that does not
 * exist.
 */
export function parseTimestamp(value: string): Date | null {
  const match = TIMESTAMP_PATTERN.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  let offset = 0;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = Number(digits.slice(2, 4));
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    offset = sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const result = new Date(date.getTime() - offset);
  return isStorableDate(result) ? result : null;
}

/** `value` with exactly `scale` decimals, never `-0.00`. */
export function canonicalDecimal(value: Decimal, scale: number): string {
  return (value.isZero() ? value.abs() : value).toFixed(scale);
}

/** Digits before the decimal point (0 for `0.5`). */
export function integerDigits(value: Decimal): number {
  const whole = value.abs().trunc().toFixed(0);
  return whole === '0' ? 0 : whole.length;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True when a string can be stored everywhere: no NUL character (PostgreSQL refuses it) and
 * no lone surrogate (it has no UTF-8 form).
 */
export function isStorableString(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** Length in code points (what SQL engines call characters). */
export function codePointLength(value: string): number {
  let pairs = 0;
  for (let index = 1; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      const previous = value.charCodeAt(index - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) pairs += 1;
    }
  }
  return value.length - pairs;
}

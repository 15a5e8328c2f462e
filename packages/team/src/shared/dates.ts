import type { Clock } from '@sellkit/core';
import { validationError } from '@sellkit/core';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (2023-02-30 is not one). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.toISOString().slice(0, 10) === value;
}

/** The UTC calendar date of an instant. */
export function dateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Today (UTC) by the scope's clock. */
export function today(clock: Clock): string {
  return dateOf(clock.now());
}

/**
 * Reads a date argument: a `YYYY-MM-DD` string or a `Date` (its UTC day); `undefined` gives
 * `fallback`. Anything else is `VALIDATION_FAILED` naming `path`.
 */
export function toDate(value: unknown, path: string, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw validationError(path, 'is not a valid date', 'invalid_date');
    return dateOf(value);
  }
  if (!isCalendarDate(value))
    throw validationError(path, 'must be a real date written YYYY-MM-DD', 'invalid_date');
  return value;
}

/**
 * True when two periods share at least one day. Periods are half-open: `from` is the first
 * day, `to` the first day no longer covered (null = open-ended), so a period ending on the day
 * the next one starts does not overlap it.
 */
export function periodsOverlap(
  a: { from: string; to: string | null },
  b: { from: string; to: string | null },
): boolean {
  const aEndsAfterBStarts = a.to === null || a.to > b.from;
  const bEndsAfterAStarts = b.to === null || b.to > a.from;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** True when the half-open period covers `day`. */
export function covers(period: { from: string; to: string | null }, day: string): boolean {
  return period.from <= day && (period.to === null || period.to > day);
}

/** Like {@link toDate}, but `undefined` and `null` give null (an open end). */
export function toOptionalDate(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  return toDate(value, path, '');
}

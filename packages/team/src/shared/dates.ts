import { isCalendarDate, type ModuleScope, validationError } from '@sellkit/core';

/**
 * Effective dates (`validFrom`, `joinedOn`...) are calendar dates `YYYY-MM-DD` of the tenant's
 * calendar: "today" is the tenant's local date, and a `Date` given as an effective date means
 * the local date it falls on in the tenant's time zone.
 */
type CalendarScope = Pick<ModuleScope, 'calendar'>;

/** Today in the tenant's time zone. */
export async function today(scope: CalendarScope): Promise<string> {
  return (await scope.calendar()).today();
}

/**
 * Reads a date argument: a `YYYY-MM-DD` string (taken as it is) or a `Date` (the tenant-local
 * date it falls on); `undefined` gives `fallback`, or today when there is none. Anything else is
 * `VALIDATION_FAILED` naming `path`.
 */
export async function toDate(
  scope: CalendarScope,
  value: unknown,
  path: string,
  fallback?: string,
): Promise<string> {
  if (value === undefined || value === null) return fallback ?? (await today(scope));
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw validationError(path, 'is not a valid date', 'invalid_date');
    return (await scope.calendar()).dateOf(value);
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
export async function toOptionalDate(
  scope: CalendarScope,
  value: unknown,
  path: string,
): Promise<string | null> {
  if (value === undefined || value === null) return null;
  return toDate(scope, value, path);
}

import { createTenantCalendar, type TenantCalendar } from '../calendar/tenant-calendar.js';
import { DEFAULT_TENANT_SETTINGS } from '../calendar/tenant-settings.js';
import { systemClock } from '../context/clock.js';

/** The calendar of evaluations given none: UTC, weeks from Monday, fiscal year = calendar year. */
export const UTC_CALENDAR: TenantCalendar = createTenantCalendar(
  DEFAULT_TENANT_SETTINGS,
  systemClock,
);

/** True when an evaluation counts days in UTC (no calendar, or a UTC one). */
export function isUtcCalendar(calendar: TenantCalendar | undefined): boolean {
  return calendar === undefined || calendar.timeZone === 'UTC';
}

// A batch (`scoreMany`) evaluates every item at one `now` and in one calendar: remembering the
// last answer turns one zone conversion per item into one per batch.
let lastCalendar: TenantCalendar | undefined;
let lastNow = Number.NaN;
let lastToday = '';

/** The local date of `now` (ms) in `calendar`, remembered for the last pair asked. */
export function localToday(calendar: TenantCalendar, now: number): string {
  if (calendar !== lastCalendar || now !== lastNow) {
    lastToday = calendar.dateOf(new Date(now));
    lastCalendar = calendar;
    lastNow = now;
  }
  return lastToday;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Milliseconds of a date fact or rule value in a calendar: a `YYYY-MM-DD` calendar date is the
 * instant its local day starts (midnight UTC in a UTC calendar), anything else goes to `toTime`.
 */
export function timeIn(
  calendar: TenantCalendar,
  value: unknown,
  toTime: (value: unknown) => number,
): number {
  const utcTime = toTime(value);
  if (Number.isNaN(utcTime) || typeof value !== 'string' || !DATE_ONLY.test(value)) return utcTime;
  return isUtcCalendar(calendar) ? utcTime : calendar.instantOf(value).getTime();
}

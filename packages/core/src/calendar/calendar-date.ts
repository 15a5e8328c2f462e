import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';
import { validationError } from '../errors/sellkit-error.js';

/**
 * Calendar dates (`YYYY-MM-DD`): dates without a time or a zone, such as a birthday or an
 * expected close date. They are never shifted by a time zone: 2026-02-28 is 2026-02-28 in
 * Shanghai and in New York. The arithmetic here is pure calendar arithmetic (done on a UTC
 * `TZDate`, where every day has 24 hours).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The match of `pattern` on a string value; null for no match or no string. */
function matchOf(pattern: RegExp, value: unknown): RegExpExecArray | null {
  return typeof value === 'string' ? pattern.exec(value) : null;
}

/** A calendar date's parts: year, month 1-12, day 1-31. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A local time's parts. */
export interface TimeParts {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The parts of a real calendar date written `YYYY-MM-DD` (years 0001-9999), else undefined.
 *
 * @example
 * ```ts
 * dateParts('2026-03-09'); // { year: 2026, month: 3, day: 9 }
 * dateParts('2026-02-30'); // undefined
 * ```
 */
export function dateParts(value: unknown): DateParts | undefined {
  const match = matchOf(DATE, value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const last =
    month === 2
      ? isLeapYear(year)
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  if (day > last) return undefined;
  return { year, month, day };
}

/**
 * True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not one).
 *
 * @example
 * ```ts
 * isCalendarDate('2028-02-29'); // true
 * isCalendarDate('2026-02-29'); // false
 * ```
 */
export function isCalendarDate(value: unknown): value is string {
  return dateParts(value) !== undefined;
}

/**
 * The parts of a local time `HH:mm` or `HH:mm:ss`, else undefined.
 *
 * @example
 * ```ts
 * timeParts('09:30'); // { hour: 9, minute: 30, second: 0 }
 * timeParts('24:00'); // undefined
 * ```
 */
export function timeParts(value: unknown): TimeParts | undefined {
  const match = matchOf(TIME, value);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = match[3] === undefined ? 0 : Number(match[3]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return { hour, minute, second };
}

/**
 * The parts of a calendar date, or `VALIDATION_FAILED` naming `path`.
 *
 * @example
 * ```ts
 * requireDate('2026-03-09');              // { year: 2026, month: 3, day: 9 }
 * requireDate('2026-02-30', 'closeDate'); // throws VALIDATION_FAILED: 'closeDate: must be a real date written YYYY-MM-DD'
 * ```
 */
export function requireDate(value: unknown, path = 'date'): DateParts {
  const parts = dateParts(value);
  if (!parts) throw validationError(path, 'must be a real date written YYYY-MM-DD', 'invalid_date');
  return parts;
}

/**
 * Writes parts as `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * formatDate({ year: 2026, month: 3, day: 9 }); // '2026-03-09'
 * ```
 */
export function formatDate(parts: DateParts): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

function utcDay(value: string, path: string): TZDate {
  const { year, month, day } = requireDate(value, path);
  const date = new TZDate(Date.UTC(2000, month - 1, day), 'UTC');
  date.setFullYear(year);
  return date;
}

function written(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/**
 * The calendar date `days` days after `date` (before, when negative).
 *
 * @example
 * ```ts
 * addCalendarDays('2026-02-27', 2); // '2026-03-01'
 * ```
 */
export function addCalendarDays(date: string, days: number): string {
  return written(addDays(utcDay(date, 'date'), days));
}

/**
 * The calendar date `months` months after `date`, clamped to the last day of a shorter month.
 *
 * @example
 * ```ts
 * addCalendarMonths('2026-01-31', 1); // '2026-02-28'
 * ```
 */
export function addCalendarMonths(date: string, months: number): string {
  return written(addMonths(utcDay(date, 'date'), months));
}

/**
 * Whole calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * ```ts
 * calendarDaysBetween('2026-03-07', '2026-03-09'); // 2
 * ```
 */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(requireDate(to, 'to')) - dayNumber(requireDate(from, 'from'));
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, in integers alone (the days-from-civil
 * algorithm): scoring asks it for every deal, where building dates costs ~15x more.
 */
function dayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12; // March is 0, so leap days end the year
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The day of the week of a calendar date, 0 (Sunday) to 6 (Saturday).
 *
 * @example
 * ```ts
 * dayOfWeek('2026-03-02'); // 1 (a Monday)
 * ```
 */
export function dayOfWeek(date: string): number {
  return utcDay(date, 'date').getDay();
}

/**
 * True in a leap year of the Gregorian calendar.
 *
 * @example
 * ```ts
 * isLeapYear(2028); // true
 * isLeapYear(2100); // false
 * isLeapYear(2000); // true
 * ```
 */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  getWeek,
  getWeekYear,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from 'date-fns';
import type { Clock } from '../context/clock.js';
import { isSellkitError, validationError } from '../errors/sellkit-error.js';
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  formatDate,
  requireDate,
  timeParts,
} from './calendar-date.js';
import type { TenantSettings } from './tenant-settings.js';

/**
 * The periods a tenant calendar knows. `fiscalYear` and `fiscalQuarter` start in the tenant's
 * `fiscalYearStartMonth`; `week` starts on its `weekStartsOn`.
 */
export type CalendarUnit =
  | 'day'
  | 'week'
  | 'month'
  | 'quarter'
  | 'year'
  | 'fiscalQuarter'
  | 'fiscalYear';

/** Every {@link CalendarUnit}. */
export const CALENDAR_UNITS: readonly CalendarUnit[] = Object.freeze([
  'day',
  'week',
  'month',
  'quarter',
  'year',
  'fiscalQuarter',
  'fiscalYear',
]);

/** A local offset: `days` and `months` are calendar steps, `hours`/`minutes` exact durations. */
export interface LocalOffset {
  readonly months?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
}

/**
 * One tenant's calendar: "today", local days, weeks, months, quarters and fiscal periods in the
 * tenant's time zone. Modules receive it as `await scope.calendar()`; no module computes dates
 * by hand.
 *
 * Two kinds of value, never mixed up:
 * - a **calendar date** is a string `YYYY-MM-DD` (a birthday, an expected close date); it has
 *   no zone and is never shifted;
 * - an **instant** is a `Date` (a task's due time, `closedAt`); the calendar tells which local
 *   date it falls on, and which instant a local date starts at.
 *
 * Periods are half-open: `startOf(unit, t) <= t < endOf(unit, t)`, and `endOf` is the start of
 * the next period.
 *
 * @example
 * ```ts
 * const calendar = await crm.as(ctx).calendar();
 * calendar.today(); // '2026-04-01' in Asia/Shanghai at 2026-03-31T20:00Z
 * calendar.periodKey('month', new Date('2026-03-31T20:00:00Z')); // '2026-04'
 * calendar.startOf('day', new Date('2026-03-31T20:00:00Z')); // 2026-03-31T16:00:00.000Z
 * calendar.addDays('2026-02-27', 2); // '2026-03-01'
 * ```
 */
export interface TenantCalendar {
  readonly settings: TenantSettings;
  readonly timeZone: string;
  /** The current instant (the scope's clock). */
  now(): Date;
  /** Today's local calendar date, `YYYY-MM-DD`. */
  today(): string;
  /** The local calendar date an instant falls on. */
  dateOf(instant: Date): string;
  /**
   * The instant a local date starts at, or with `time` (`HH:mm` or `HH:mm:ss`) the instant of
   * that local wall-clock time. A time skipped by a daylight-saving change (02:30 on the night
   * clocks go forward) is `VALIDATION_FAILED` (reason `nonexistent_local_time`); a time that
   * happens twice (clocks go back) is its first occurrence. A day whose midnight was skipped
   * starts at its first existing instant.
   */
  instantOf(date: string, time?: string): Date;
  /**
   * Reads an instant from user input: a `Date`, an ISO date-time with an offset
   * (`2026-03-10T09:00:00Z`, `...+08:00`), or a local date-time without one
   * (`2026-03-10T09:00`, `2026-03-10 09:00`) or a local date (its start), both in the tenant's
   * zone. Anything else, or a local time skipped by a DST change, is `VALIDATION_FAILED` at
   * `path`.
   */
  parseInstant(value: unknown, path?: string): Date;
  /** The first instant of the local period containing `at` (default: now). */
  startOf(unit: CalendarUnit, at?: Date): Date;
  /** The first instant after the local period containing `at`: the next period's start. */
  endOf(unit: CalendarUnit, at?: Date): Date;
  /**
   * The bucket key of the period holding an instant, or a calendar date taken as it is:
   * `2026-03-05` (day), `2026-W10` (week, numbered like ISO weeks but starting on the tenant's
   * week start), `2026-03` (month), `2026-Q1` (quarter), `2026` (year), `FY2026-Q1`
   * (fiscal quarter), `FY2026` (fiscal year, named after the calendar year it ends in).
   */
  periodKey(unit: CalendarUnit, value: Date | string): string;
  /** `date` plus `days` calendar days. */
  addDays(date: string, days: number): string;
  /** `date` plus `months` calendar months, clamped to the month's last day. */
  addMonths(date: string, months: number): string;
  /** Whole calendar days from `from` to `to`. */
  daysBetween(from: string, to: string): number;
  /**
   * An instant moved by a local offset: `months` and `days` keep the local wall-clock time
   * (3 days after 09:00 is 09:00, also across a daylight-saving change), then `hours` and
   * `minutes` are added as exact durations. Negative values go back.
   */
  shift(instant: Date, offset: LocalOffset): Date;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function zoned(instant: Date, zone: string): TZDate {
  if (Number.isNaN(instant.getTime()))
    throw validationError('instant', 'is not a valid date', 'invalid_date');
  return new TZDate(instant.getTime(), zone);
}

function plain(date: Date): Date {
  return new Date(date.getTime());
}

function localDate(date: TZDate): string {
  return formatDate({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Builds the calendar of one tenant from checked settings and a clock. The kernel does this for
 * every scope; call it yourself in tests or batch jobs that have no scope.
 *
 * @example
 * ```ts
 * const calendar = createTenantCalendar(resolveTenantSettings({ timeZone: 'Asia/Shanghai' }), systemClock);
 * calendar.dateOf(new Date('2026-03-31T20:00:00Z')); // '2026-04-01'
 * ```
 */
export function createTenantCalendar(settings: TenantSettings, clock: Clock): TenantCalendar {
  const zone = settings.timeZone;
  const weekOptions = { weekStartsOn: settings.weekStartsOn, firstWeekContainsDate: 4 } as const;
  const fiscalStart = settings.fiscalYearStartMonth - 1;

  /** The local midnight-ish start of a local date, as a TZDate in the zone. */
  const dayStart = (date: string, path = 'date'): TZDate => {
    const { year, month, day } = requireDate(date, path);
    const start = new TZDate(2000, month - 1, day, zone);
    start.setFullYear(year);
    // A skipped midnight moves TZDate past it; startOfDay finds the day's first instant.
    return startOfDay(start);
  };

  const fiscalYearStart = (at: TZDate): TZDate => {
    const month = at.getMonth();
    const year = month >= fiscalStart ? at.getFullYear() : at.getFullYear() - 1;
    const start = startOfYear(at);
    start.setFullYear(year, fiscalStart, 1);
    return startOfDay(start);
  };

  const periodStart = (unit: CalendarUnit, at: TZDate): TZDate => {
    switch (unit) {
      case 'day':
        return startOfDay(at);
      case 'week':
        return startOfWeek(at, weekOptions);
      case 'month':
        return startOfMonth(at);
      case 'quarter':
        return startOfQuarter(at);
      case 'year':
        return startOfYear(at);
      case 'fiscalYear':
        return fiscalYearStart(at);
      case 'fiscalQuarter': {
        const start = fiscalYearStart(at);
        const months = (at.getMonth() - fiscalStart + 12) % 12;
        return startOfMonth(addMonths(start, months - (months % 3)));
      }
    }
  };

  const periodEnd = (unit: CalendarUnit, at: TZDate): TZDate => {
    const start = periodStart(unit, at);
    switch (unit) {
      case 'day':
        return startOfDay(addDays(start, 1));
      case 'week':
        return startOfDay(addDays(start, 7));
      case 'month':
        return startOfDay(addMonths(start, 1));
      case 'quarter':
      case 'fiscalQuarter':
        return startOfDay(addMonths(start, 3));
      case 'year':
      case 'fiscalYear':
        return startOfDay(addMonths(start, 12));
    }
  };

  const fiscalYearName = (at: TZDate): number => {
    const start = fiscalYearStart(at);
    return fiscalStart === 0 ? start.getFullYear() : start.getFullYear() + 1;
  };

  const keyOf = (unit: CalendarUnit, at: TZDate): string => {
    const year = String(at.getFullYear()).padStart(4, '0');
    switch (unit) {
      case 'day':
        return localDate(at);
      case 'week':
        return `${String(getWeekYear(at, weekOptions)).padStart(4, '0')}-W${pad(getWeek(at, weekOptions))}`;
      case 'month':
        return `${year}-${pad(at.getMonth() + 1)}`;
      case 'quarter':
        return `${year}-Q${Math.floor(at.getMonth() / 3) + 1}`;
      case 'year':
        return year;
      case 'fiscalYear':
        return `FY${fiscalYearName(at)}`;
      case 'fiscalQuarter': {
        const months = (at.getMonth() - fiscalStart + 12) % 12;
        return `FY${fiscalYearName(at)}-Q${Math.floor(months / 3) + 1}`;
      }
    }
  };

  const calendar: TenantCalendar = {
    settings,
    timeZone: zone,
    now: () => clock.now(),
    today: () => localDate(zoned(clock.now(), zone)),
    dateOf: (instant) => localDate(zoned(instant, zone)),
    instantOf(date, time) {
      if (time === undefined) return plain(dayStart(date));
      const parts = timeParts(time);
      if (!parts)
        throw validationError('time', 'must be a local time HH:mm or HH:mm:ss', 'invalid_time');
      const { year, month, day } = requireDate(date);
      const local = new TZDate(2000, month - 1, day, parts.hour, parts.minute, parts.second, zone);
      local.setFullYear(year);
      if (
        local.getHours() !== parts.hour ||
        local.getMinutes() !== parts.minute ||
        localDate(local) !== date
      ) {
        throw validationError(
          'time',
          `${date} ${time} does not exist in ${zone} (the clocks skip it)`,
          'nonexistent_local_time',
          { timeZone: zone },
        );
      }
      return plain(local);
    },
    parseInstant(value, path = 'instant') {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime()))
          throw validationError(path, 'is not a valid date', 'invalid_date');
        return new Date(value.getTime());
      }
      if (typeof value === 'string' && value.length <= 40) {
        const local = LOCAL_DATE_TIME.exec(value);
        if (local) {
          try {
            return calendar.instantOf(local[1] as string, local[2]);
          } catch (error) {
            if (!isSellkitError(error, 'VALIDATION_FAILED')) throw error;
            const issue = error.details.issues?.[0];
            throw validationError(path, issue?.message ?? error.message, issue?.reason, {
              timeZone: zone,
            });
          }
        }
        if (OFFSET_DATE_TIME.test(value)) {
          const time = Date.parse(value);
          if (!Number.isNaN(time)) return new Date(time);
        }
      }
      throw validationError(
        path,
        'must be a date-time (an ISO date-time with an offset, or a local YYYY-MM-DDTHH:mm)',
        'invalid_date',
      );
    },
    startOf: (unit, at = clock.now()) => plain(periodStart(unit, zoned(at, zone))),
    endOf: (unit, at = clock.now()) => plain(periodEnd(unit, zoned(at, zone))),
    periodKey(unit, value) {
      const at = typeof value === 'string' ? dayStart(value, 'value') : zoned(value, zone);
      return keyOf(unit, at);
    },
    addDays: addCalendarDays,
    addMonths: addCalendarMonths,
    daysBetween: calendarDaysBetween,
    shift(instant, offset) {
      let moved = zoned(instant, zone);
      if (offset.months) moved = addMonths(moved, offset.months);
      if (offset.days) moved = addDays(moved, offset.days);
      const exact = ((offset.hours ?? 0) * 60 + (offset.minutes ?? 0)) * 60_000;
      return new Date(moved.getTime() + exact);
    },
  };
  return Object.freeze(calendar);
}

import { type TenantCalendar, validationError } from '@sellkit/core';

/** The period units a quota or a KPI evaluation can use. */
export type QuotaPeriodUnit = 'month' | 'quarter' | 'year' | 'fiscalQuarter' | 'fiscalYear';

/** A tenant calendar period, as local dates and instants (both half-open). */
export interface PeriodBounds {
  /** The period key as given: `2026-03`, `2026-Q1`, `2026`, `FY2026-Q1`, `FY2026`. */
  readonly key: string;
  readonly unit: QuotaPeriodUnit;
  /** The first local day. */
  readonly from: string;
  /** The first local day after the period. */
  readonly to: string;
  /** The instant the period starts at in the tenant's zone. */
  readonly start: Date;
  /** The instant the next period starts at. */
  readonly end: Date;
  /** The month keys the period covers, oldest first (`['2026-01', '2026-02', '2026-03']`). */
  readonly months: readonly string[];
}

const PATTERNS: readonly [RegExp, QuotaPeriodUnit][] = [
  [/^(\d{4})-(\d{2})$/, 'month'],
  [/^(\d{4})-Q([1-4])$/, 'quarter'],
  [/^(\d{4})$/, 'year'],
  [/^FY(\d{4})-Q([1-4])$/, 'fiscalQuarter'],
  [/^FY(\d{4})$/, 'fiscalYear'],
];

const MONTHS: Record<QuotaPeriodUnit, number> = {
  month: 1,
  quarter: 3,
  year: 12,
  fiscalQuarter: 3,
  fiscalYear: 12,
};

function firstDay(calendar: TenantCalendar, unit: QuotaPeriodUnit, year: number, part: number) {
  const y = String(year).padStart(4, '0');
  switch (unit) {
    case 'month':
      return `${y}-${String(part).padStart(2, '0')}-01`;
    case 'quarter':
      return `${y}-${String((part - 1) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${y}-01-01`;
    default: {
      const startMonth = calendar.settings.fiscalYearStartMonth;
      // A fiscal year is named after the calendar year it ends in.
      const startYear = startMonth === 1 ? year : year - 1;
      const start = `${String(startYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
      return unit === 'fiscalYear' ? start : calendar.addMonths(start, (part - 1) * 3);
    }
  }
}

/**
 * Reads a tenant calendar period key (`2026-03`, `2026-Q1`, `2026`, `FY2026-Q1`, `FY2026`) into
 * its local dates and instants. A key that does not parse is `VALIDATION_FAILED` naming `path`
 * (reason `invalid_period`).
 *
 * @example
 * ```ts
 * const q1 = periodBounds(await scope.calendar(), '2026-Q1');
 * q1.from; // '2026-01-01'
 * q1.to; // '2026-04-01'
 * q1.months; // ['2026-01', '2026-02', '2026-03']
 * ```
 */
export function periodBounds(
  calendar: TenantCalendar,
  key: unknown,
  path = 'periodKey',
): PeriodBounds {
  // The bounds of a key depend only on the calendar (zone, fiscal year): computed once per
  // calendar and key, as statements and KPIs ask for the same period for every rep.
  let known = boundsCache.get(calendar);
  const cached = typeof key === 'string' ? known?.get(key) : undefined;
  if (cached) return cached;
  const bounds = computeBounds(calendar, key, path);
  if (!known) {
    known = new Map();
    boundsCache.set(calendar, known);
  }
  known.set(bounds.key, bounds);
  return bounds;
}

const boundsCache = new WeakMap<TenantCalendar, Map<string, PeriodBounds>>();

function computeBounds(calendar: TenantCalendar, key: unknown, path: string): PeriodBounds {
  const invalid = () =>
    validationError(
      path,
      'must be a period key: 2026-03, 2026-Q1, 2026, FY2026-Q1 or FY2026',
      'invalid_period',
    );
  if (typeof key !== 'string') throw invalid();
  for (const [pattern, unit] of PATTERNS) {
    const match = pattern.exec(key);
    if (!match) continue;
    const year = Number(match[1]);
    const part = match[2] === undefined ? 1 : Number(match[2]);
    if (year < 1900 || year > 2999 || (unit === 'month' && (part < 1 || part > 12))) {
      throw invalid();
    }
    const from = firstDay(calendar, unit, year, part);
    if (calendar.periodKey(unit, from) !== key) throw invalid();
    const to = calendar.addMonths(from, MONTHS[unit]);
    const months: string[] = [];
    for (let i = 0; i < MONTHS[unit]; i += 1) months.push(calendar.addMonths(from, i).slice(0, 7));
    return Object.freeze({
      key,
      unit,
      from,
      to,
      start: calendar.instantOf(from),
      end: calendar.instantOf(to),
      months: Object.freeze(months),
    });
  }
  throw invalid();
}

/**
 * The key of the period of the same unit just before `bounds` (`2026-Q1` → `2025-Q4`).
 *
 * @example
 * ```ts
 * const calendar = await scope.calendar();
 * previousPeriodKey(calendar, periodBounds(calendar, '2026-01')); // '2025-12'
 * ```
 */
export function previousPeriodKey(calendar: TenantCalendar, bounds: PeriodBounds): string {
  return calendar.periodKey(bounds.unit, calendar.addMonths(bounds.from, -MONTHS[bounds.unit]));
}

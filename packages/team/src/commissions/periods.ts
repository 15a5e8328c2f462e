import { type TenantCalendar, validationError } from '@sellkit/core';
import type { CommissionPeriodUnit } from './plan-schema.js';

/** A commission period of the tenant calendar: its key, unit and local dates. */
export interface CommissionPeriod {
  /** The tenant calendar key: `2026-03`, `2026-Q1`, `FY2026-Q1`, `FY2026`. */
  readonly key: string;
  readonly unit: CommissionPeriodUnit;
  /** First local day of the period. */
  readonly from: string;
  /** First local day after the period (half-open). */
  readonly to: string;
}

const PATTERNS: readonly [CommissionPeriodUnit, RegExp][] = [
  ['month', /^(\d{4})-(\d{2})$/],
  ['quarter', /^(\d{4})-Q([1-4])$/],
  ['fiscalQuarter', /^FY(\d{4})-Q([1-4])$/],
  ['fiscalYear', /^FY(\d{4})$/],
];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A day inside the period a key names (checked against the calendar afterwards). */
function dayInside(unit: CommissionPeriodUnit, year: number, part: number, fiscalStart: number) {
  switch (unit) {
    case 'month':
      return `${year}-${pad(part)}-01`;
    case 'quarter':
      return `${year}-${pad(part * 3 - 2)}-01`;
    case 'fiscalYear':
    case 'fiscalQuarter': {
      // FY2026 is named after the calendar year it ends in.
      const startYear = fiscalStart === 1 ? year : year - 1;
      const months = fiscalStart - 1 + (unit === 'fiscalQuarter' ? (part - 1) * 3 : 0);
      return `${startYear + Math.floor(months / 12)}-${pad((months % 12) + 1)}-01`;
    }
  }
}

/**
 * Reads a period key of the tenant calendar (`2026-03`, `2026-Q1`, `FY2026-Q2`, `FY2026`) into
 * its unit and local dates. Anything else is `VALIDATION_FAILED` naming `path`.
 *
 * @example
 * ```ts
 * const calendar = await scope.calendar();
 * commissionPeriod(calendar, '2026-Q1'); // { unit: 'quarter', from: '2026-01-01', to: '2026-04-01', ... }
 * ```
 */
export function commissionPeriod(
  calendar: TenantCalendar,
  key: unknown,
  path = 'period',
): CommissionPeriod {
  if (typeof key === 'string') {
    for (const [unit, pattern] of PATTERNS) {
      const match = pattern.exec(key);
      if (!match) continue;
      const year = Number(match[1]);
      const part = unit === 'fiscalYear' ? 1 : Number(match[2]);
      if (unit === 'month' && (part < 1 || part > 12)) break;
      const day = dayInside(unit, year, part, calendar.settings.fiscalYearStartMonth);
      if (calendar.periodKey(unit, day) !== key) break;
      const start = calendar.dateOf(calendar.startOf(unit, calendar.instantOf(day)));
      const end = calendar.dateOf(calendar.endOf(unit, calendar.instantOf(day)));
      return { key, unit, from: start, to: end };
    }
  }
  throw validationError(
    path,
    'must be a period key of the tenant calendar: 2026-03, 2026-Q1, FY2026-Q1 or FY2026',
    'invalid_period',
  );
}

/** The period of `unit` holding a local date. */
export function periodOf(
  calendar: TenantCalendar,
  unit: CommissionPeriodUnit,
  day: string,
): CommissionPeriod {
  return commissionPeriod(calendar, calendar.periodKey(unit, day));
}

/** The period right after `period`. */
export function nextPeriod(calendar: TenantCalendar, period: CommissionPeriod): CommissionPeriod {
  return periodOf(calendar, period.unit, period.to);
}

import { addCalendarDays, calendarDaysBetween, isLeapYear } from '@sellkit/core';

/**
 * The calendar days from `today` to `today + days` (both included), keyed by `MM-DD`, each
 * with the date it falls on. In a year without 29 February, `02-29` maps to 28 February:
 * people born on a leap day celebrate on the 28th in common years. The window may cross the
 * year end (`12-30` → 30 December, `01-02` → 2 January of the next year).
 *
 * @example
 * ```ts
 * upcomingDays('2025-02-27', 2);
 * // Map { '02-27' => ['2025-02-27'], '02-28' => ['2025-02-28'], '02-29' => ['2025-02-28'], '03-01' => ['2025-03-01'] }
 * ```
 */
export function upcomingDays(today: string, days: number): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const add = (key: string, date: string) => {
    const list = keys.get(key) ?? [];
    if (!list.includes(date)) list.push(date);
    keys.set(key, list);
  };
  for (let offset = 0; offset <= days; offset += 1) {
    const date = addCalendarDays(today, offset);
    const key = date.slice(5);
    add(key, date);
    if (key === '02-28' && !isLeapYear(Number(date.slice(0, 4)))) add('02-29', date);
  }
  return keys;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return calendarDaysBetween(from, to);
}

/** Completed years from a `YYYY-MM-DD` origin to an occurrence date of it. */
export function yearsAt(origin: string, occurrence: string): number {
  return Number(occurrence.slice(0, 4)) - Number(origin.slice(0, 4));
}

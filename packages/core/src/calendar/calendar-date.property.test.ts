import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, calendarDaysBetween, formatDate } from './calendar-date.js';

// Any real date of years 1000 to 8999 (a step of up to ±40,000 days stays in years 1 to 9999).
const date = fc
  .date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('8999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((value) =>
    formatDate({
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    }),
  );

describe('calendar date arithmetic', () => {
  it('calendarDaysBetween(a, addCalendarDays(a, n)) is n, across leap years and centuries', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -40_000, max: 40_000 }), (from, days) => {
        const to = addCalendarDays(from, days);
        expect(calendarDaysBetween(from, to)).toBe(days);
      }),
    );
  });

  it('counts days as the Gregorian calendar does', () => {
    expect(calendarDaysBetween('1970-01-01', '2026-03-09')).toBe(
      (Date.UTC(2026, 2, 9) - Date.UTC(1970, 0, 1)) / 86_400_000,
    );
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2100-02-28', '2100-03-01')).toBe(1);
    expect(calendarDaysBetween('2000-02-28', '2000-03-01')).toBe(2);
    expect(calendarDaysBetween('0001-01-01', '9999-12-31')).toBe(3_652_058);
  });
});

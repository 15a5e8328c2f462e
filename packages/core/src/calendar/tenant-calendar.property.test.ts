import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestClock } from '../context/clock.js';
import { CALENDAR_UNITS, createTenantCalendar } from './tenant-calendar.js';
import { resolveTenantSettings } from './tenant-settings.js';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin'] as const;

const settings = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekStartsOn: fc.integer({ min: 0, max: 6 }),
  fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
});
// 1990 to 2060: around every DST rule change the zones above had.
const instant = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) })
  .map((time) => new Date(time));
const calendarFor = (input: Parameters<typeof resolveTenantSettings>[0]) =>
  createTenantCalendar(resolveTenantSettings(input), createTestClock());

describe('tenant calendar properties', () => {
  it('startOf(unit, t) <= t < endOf(unit, t), and the end starts the next period', () => {
    fc.assert(
      fc.property(settings, instant, fc.constantFrom(...CALENDAR_UNITS), (input, t, unit) => {
        const calendar = calendarFor(input);
        const start = calendar.startOf(unit, t);
        const end = calendar.endOf(unit, t);
        expect(start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime()).toBeLessThan(end.getTime());
        expect(calendar.startOf(unit, end).getTime()).toBe(end.getTime());
        expect(calendar.periodKey(unit, start)).toBe(calendar.periodKey(unit, t));
        expect(calendar.periodKey(unit, end)).not.toBe(calendar.periodKey(unit, t));
      }),
      { numRuns: 300 },
    );
  });

  it('the local date of the start of a day is that day', () => {
    fc.assert(
      fc.property(settings, instant, (input, t) => {
        const calendar = calendarFor(input);
        const date = calendar.dateOf(t);
        expect(calendar.dateOf(calendar.instantOf(date))).toBe(date);
        expect(calendar.instantOf(date).getTime()).toBe(calendar.startOf('day', t).getTime());
        expect(calendar.periodKey('day', t)).toBe(date);
      }),
      { numRuns: 300 },
    );
  });

  it('addDays round-trips and agrees with daysBetween', () => {
    fc.assert(
      fc.property(settings, instant, fc.integer({ min: -2000, max: 2000 }), (input, t, n) => {
        const calendar = calendarFor(input);
        const date = calendar.dateOf(t);
        const moved = calendar.addDays(date, n);
        expect(calendar.addDays(moved, -n)).toBe(date);
        expect(calendar.daysBetween(date, moved)).toBe(n);
        // Shifting an instant by local days lands on the local date n days later.
        expect(calendar.dateOf(calendar.shift(calendar.startOf('day', t), { days: n }))).toBe(
          moved,
        );
      }),
      { numRuns: 300 },
    );
  });
});

import { forEachAdapter } from '@sellkit/core/testing';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../test-support/adapters.js';
import { remindersSuite } from '../test-support/reminders.suite.js';
import { daysBetween, upcomingDays, yearsAt } from './occurrences.js';

forEachAdapter(ADAPTERS, (adapter) => remindersSuite(adapter.name, adapter.create));

describe('reminder calendar', () => {
  it('lists the days of the window by MM-DD, across the year end', () => {
    const days = upcomingDays('2026-12-30', 3);
    expect([...days.entries()]).toEqual([
      ['12-30', ['2026-12-30']],
      ['12-31', ['2026-12-31']],
      ['01-01', ['2027-01-01']],
      ['01-02', ['2027-01-02']],
    ]);
  });

  it('maps 29 February to the 28th in common years only', () => {
    expect(upcomingDays('2027-02-27', 2).get('02-29')).toEqual(['2027-02-28']);
    expect(upcomingDays('2028-02-27', 2).get('02-29')).toEqual(['2028-02-29']);
    expect(upcomingDays('2100-02-28', 0).get('02-29')).toEqual(['2100-02-28']);
    expect(upcomingDays('2000-02-28', 0).has('02-29')).toBe(false);
  });

  it('counts days and years', () => {
    expect(daysBetween('2026-12-29', '2027-01-02')).toBe(4);
    expect(yearsAt('1992-02-29', '2027-02-28')).toBe(35);
  });
});

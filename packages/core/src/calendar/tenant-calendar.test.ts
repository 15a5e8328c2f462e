import { describe, expect, it } from 'vitest';
import { createTestClock } from '../context/clock.js';
import { isSellkitError } from '../errors/sellkit-error.js';
import { createTenantCalendar, type TenantCalendar } from './tenant-calendar.js';
import { resolveTenantSettings, type TenantSettingsInput } from './tenant-settings.js';

function calendarAt(at: string, settings: TenantSettingsInput = {}): TenantCalendar {
  return createTenantCalendar(resolveTenantSettings(settings), createTestClock(at));
}

const iso = (date: Date) => date.toISOString();
const todayIn = (timeZone: string, at: string) => calendarAt(at, { timeZone }).today();

describe('today() at awkward instants', () => {
  it('is the local date east and west of UTC around midnight', () => {
    // 23:30 and 00:30 local in Shanghai (UTC+8).
    expect(todayIn('Asia/Shanghai', '2026-03-31T15:30:00Z')).toBe('2026-03-31');
    expect(todayIn('Asia/Shanghai', '2026-03-31T16:30:00Z')).toBe('2026-04-01');
    // 23:30 and 00:30 local in New York (UTC-4 in summer).
    expect(todayIn('America/New_York', '2026-07-01T03:30:00Z')).toBe('2026-06-30');
    expect(todayIn('America/New_York', '2026-07-01T04:30:00Z')).toBe('2026-07-01');
    expect(calendarAt('2026-07-01T04:30:00Z').today()).toBe('2026-07-01');
  });

  it('crosses 31 December and 28/29 February locally', () => {
    expect(todayIn('Asia/Shanghai', '2026-12-31T16:30:00Z')).toBe('2027-01-01');
    expect(todayIn('America/New_York', '2027-01-01T04:30:00Z')).toBe('2026-12-31');
    expect(todayIn('Asia/Shanghai', '2028-02-28T16:30:00Z')).toBe('2028-02-29');
    expect(todayIn('Asia/Shanghai', '2027-02-28T16:30:00Z')).toBe('2027-03-01');
  });
});

describe('periods', () => {
  const won = new Date('2026-03-31T20:00:00Z');

  it('buckets one instant by the tenant zone', () => {
    expect(calendarAt(iso(won), { timeZone: 'America/New_York' }).periodKey('month', won)).toBe(
      '2026-03',
    );
    expect(calendarAt(iso(won), { timeZone: 'Asia/Shanghai' }).periodKey('month', won)).toBe(
      '2026-04',
    );
    expect(calendarAt(iso(won), { timeZone: 'Asia/Shanghai' }).periodKey('quarter', won)).toBe(
      '2026-Q2',
    );
    expect(calendarAt(iso(won), { timeZone: 'America/New_York' }).periodKey('quarter', won)).toBe(
      '2026-Q1',
    );
  });

  it('names fiscal years after the year they end in', () => {
    const april = calendarAt(iso(won), { timeZone: 'Asia/Shanghai', fiscalYearStartMonth: 4 });
    expect(april.periodKey('fiscalYear', won)).toBe('FY2027');
    expect(april.periodKey('fiscalQuarter', won)).toBe('FY2027-Q1');
    const ny = calendarAt(iso(won), { timeZone: 'America/New_York', fiscalYearStartMonth: 4 });
    expect(ny.periodKey('fiscalYear', won)).toBe('FY2026');
    expect(ny.periodKey('fiscalQuarter', won)).toBe('FY2026-Q4');
    expect(iso(ny.startOf('fiscalYear', won))).toBe('2025-04-01T04:00:00.000Z');
    expect(iso(ny.endOf('fiscalYear', won))).toBe('2026-04-01T04:00:00.000Z');
    expect(calendarAt(iso(won)).periodKey('fiscalYear', won)).toBe('FY2026');
    expect(
      calendarAt(iso(won), { fiscalYearStartMonth: 10 }).periodKey('fiscalQuarter', '2026-12-31'),
    ).toBe('FY2027-Q1');
  });

  it('starts weeks on the tenant week start', () => {
    // 2026-03-01 is a Sunday.
    const monday = calendarAt('2026-03-01T12:00:00Z');
    const sunday = calendarAt('2026-03-01T12:00:00Z', { weekStartsOn: 0 });
    expect(iso(monday.startOf('week'))).toBe('2026-02-23T00:00:00.000Z');
    expect(iso(sunday.startOf('week'))).toBe('2026-03-01T00:00:00.000Z');
    // Sunday 1 March closes ISO week 9; in Sunday-first weeks it opens the week of 1-7 March.
    expect(monday.periodKey('week', '2026-03-01')).toBe('2026-W09');
    expect(monday.periodKey('week', '2026-03-02')).toBe('2026-W10');
    expect(sunday.periodKey('week', '2026-03-01')).toBe('2026-W09');
    expect(sunday.periodKey('week', '2026-03-07')).toBe('2026-W09');
    expect(sunday.periodKey('week', '2026-03-08')).toBe('2026-W10');
    // ISO: 2027-01-01 (a Friday) is in week 53 of 2026.
    expect(monday.periodKey('week', '2027-01-01')).toBe('2026-W53');
  });

  it('keeps local midnight across the DST change night', () => {
    const ny = calendarAt('2026-03-08T12:00:00Z', { timeZone: 'America/New_York' });
    expect(iso(ny.startOf('day'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(ny.endOf('day'))).toBe('2026-03-09T04:00:00.000Z'); // a 23-hour day
    const berlin = calendarAt('2026-10-25T12:00:00Z', { timeZone: 'Europe/Berlin' });
    expect(iso(berlin.startOf('day'))).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(berlin.endOf('day'))).toBe('2026-10-25T23:00:00.000Z'); // a 25-hour day
    expect(iso(berlin.startOf('month'))).toBe('2026-09-30T22:00:00.000Z');
    expect(iso(berlin.endOf('month'))).toBe('2026-10-31T23:00:00.000Z');
  });
});

describe('instantOf and shift', () => {
  const ny = calendarAt('2026-03-01T12:00:00Z', { timeZone: 'America/New_York' });

  it('turns a local date and time into an instant', () => {
    expect(iso(ny.instantOf('2026-03-08'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(ny.instantOf('2026-03-08', '09:00'))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(ny.instantOf('2026-11-01', '01:30'))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses the skipped DST hour and malformed input with VALIDATION_FAILED', () => {
    for (const [date, time] of [
      ['2026-03-08', '02:30'],
      ['2026-02-30', undefined],
      ['2026-03-08', '24:00'],
    ] as const) {
      let caught: unknown;
      try {
        ny.instantOf(date, time);
      } catch (error) {
        caught = error;
      }
      expect(isSellkitError(caught, 'VALIDATION_FAILED')).toBe(true);
    }
    const berlin = calendarAt('2026-03-01T12:00:00Z', { timeZone: 'Europe/Berlin' });
    expect(() => berlin.instantOf('2026-03-29', '02:15')).toThrow(/does not exist/);
  });

  it('adds local days keeping the wall-clock time across DST', () => {
    const friday = ny.instantOf('2026-03-06', '09:00');
    expect(iso(ny.shift(friday, { days: 3 }))).toBe('2026-03-09T13:00:00.000Z');
    expect(iso(ny.shift(friday, { days: 3, hours: 2 }))).toBe('2026-03-09T15:00:00.000Z');
    expect(iso(calendarAt(iso(friday)).shift(friday, { days: 3 }))).toBe(
      '2026-03-09T14:00:00.000Z',
    );
  });

  it('does calendar arithmetic on dates without a zone', () => {
    expect(ny.addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(ny.addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(ny.addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(ny.daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });
});

describe('tenant settings', () => {
  it('fills in defaults and canonicalises', () => {
    expect(resolveTenantSettings(undefined)).toEqual({
      timeZone: 'UTC',
      weekStartsOn: 1,
      fiscalYearStartMonth: 1,
    });
    expect(
      resolveTenantSettings({ timeZone: 'asia/shanghai', locale: 'zh-cn', country: 'CN' }),
    ).toEqual({
      timeZone: 'Asia/Shanghai',
      weekStartsOn: 1,
      fiscalYearStartMonth: 1,
      locale: 'zh-CN',
      country: 'CN',
    });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ fiscalYearStartMonth: 13 }, 'fiscalYearStartMonth'],
    [{ fiscalYearStartMonth: 0 }, 'fiscalYearStartMonth'],
    [{ weekStartsOn: 7 }, 'weekStartsOn'],
    [{ weekStartsOn: 1.5 }, 'weekStartsOn'],
    [{ country: 'cn' }, 'country'],
    [{ locale: 'not a locale!' }, 'locale'],
    [{ zone: 'UTC' }, 'zone'],
  ])('refuses %j with CONFIGURATION_INVALID', (input, path) => {
    let caught: unknown;
    try {
      resolveTenantSettings(input, 'acme');
    } catch (error) {
      caught = error;
    }
    expect(isSellkitError(caught, 'CONFIGURATION_INVALID')).toBe(true);
    expect(isSellkitError(caught) && caught.details.issues?.[0]?.path).toBe(path);
  });
});

import { createTenantCalendar, resolveTenantSettings, systemClock } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { planCompany } from './plan-company.js';
import { planOrganisation, repCount } from './plan-organisation.js';
import { createRandom } from './random.js';

const now = new Date('2026-03-15T12:00:00.000Z');
const DAY = 86_400_000;

function plan(seed: string, size: number, index: number) {
  const random = createRandom(seed);
  const organisation = planOrganisation(random.fork('organisation'), size, now);
  const reps = new Map(organisation.reps.map((rep) => [rep.key, rep]));
  return {
    organisation,
    company: planCompany(random.fork('companies').fork(index), index, organisation, reps, now),
  };
}

describe('demo plans', () => {
  it('are a pure function of seed, size and now', () => {
    expect(plan('a', 100, 7)).toEqual(plan('a', 100, 7));
    expect(plan('a', 100, 7).company).not.toEqual(plan('b', 100, 7).company);
  });

  it('plan a company the same way whatever the number of companies (with the same reps)', () => {
    // 300 and 330 companies give the same number of reps, so company 5 is planned identically.
    expect(repCount(300)).toBe(repCount(330));
    expect(plan('a', 300, 5).company).toEqual(plan('a', 330, 5).company);
  });

  it('build a managed organisation: a head, directors, managers, sellers in every area', () => {
    const { organisation } = plan('org', 400, 0);
    const keys = new Set(organisation.reps.map((rep) => rep.key));
    const heads = organisation.reps.filter((rep) => rep.reportsToKey === null);
    expect(heads).toHaveLength(1);
    for (const rep of organisation.reps) {
      if (rep.reportsToKey !== null) expect(keys.has(rep.reportsToKey)).toBe(true);
    }
    expect(new Set(organisation.reps.map((rep) => rep.userId)).size).toBe(organisation.reps.length);
    for (const area of organisation.areas) expect(area.repKeys.length).toBeGreaterThan(0);
    const sellers = organisation.areas.reduce((sum, area) => sum + area.repKeys.length, 0);
    expect(sellers).toBe(repCount(400));
    for (const team of organisation.teams) {
      for (const member of team.memberKeys) {
        expect(organisation.reps.find((rep) => rep.key === member)!.reportsToKey).toBe(
          team.managerKey,
        );
      }
    }
    const regions = organisation.territories.filter((territory) => territory.parentCode === null);
    expect(regions.map((region) => region.code)).toEqual(['EMEA', 'AMER', 'APAC']);
  });

  it('plan realistic companies: events in time order within the last year, deals that move', () => {
    let won = 0;
    let lost = 0;
    let open = 0;
    for (let index = 0; index < 200; index++) {
      const { company } = plan('realism', 200, index);
      const times = company.events.map((event) => event.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const time of times) {
        expect(time).toBeLessThanOrEqual(now.getTime());
        expect(time).toBeGreaterThan(now.getTime() - 430 * DAY);
      }
      expect(company.events.filter((event) => event.type === 'contact').length).toBeGreaterThan(0);
      const opened = company.events.filter((event) => event.type === 'open');
      const closed = company.events.filter(
        (event) => event.type === 'won' || event.type === 'lost',
      );
      won += company.events.filter((event) => event.type === 'won').length;
      lost += company.events.filter((event) => event.type === 'lost').length;
      open += opened.length - closed.length;
      for (const event of opened) {
        expect(event.opportunity.lines.length).toBeGreaterThan(0);
        for (const line of event.opportunity.lines) {
          expect(line.unitPrice).toMatch(/^\d+\.\d{2}$/);
          expect(line.quantity).toBeGreaterThan(0);
        }
      }
      expect(BigInt(company.annualRevenue.replace('.', ''))).toBeGreaterThan(0n);
    }
    expect(won).toBeGreaterThan(20);
    expect(lost).toBeGreaterThan(20);
    expect(open).toBeGreaterThan(20);
  });

  it("take calendar dates in the tenant's calendar (hire dates, birthdays, expected closes)", () => {
    // 23:30 UTC on 14 March is already 15 March in Shanghai: the tenant's date, not UTC's.
    const lateUtc = new Date('2026-03-14T23:30:00.000Z');
    const shanghai = createTenantCalendar(
      resolveTenantSettings({ timeZone: 'Asia/Shanghai' }),
      systemClock,
    );
    expect(shanghai.dateOf(lateUtc)).toBe('2026-03-15');
    const seen: number[] = [];
    const dateOf = (time: number) => {
      seen.push(time);
      return shanghai.dateOf(new Date(time));
    };
    const random = createRandom('calendar');
    const organisation = planOrganisation(
      random.fork('organisation'),
      50,
      lateUtc,
      undefined,
      dateOf,
    );
    const reps = new Map(organisation.reps.map((rep) => [rep.key, rep]));
    const company = planCompany(
      random.fork('companies').fork(3),
      3,
      organisation,
      reps,
      lateUtc,
      undefined,
      dateOf,
    );
    const dates = [
      ...organisation.reps.map((rep) => rep.hireDate),
      ...company.events.flatMap((event) =>
        event.type === 'contact'
          ? [event.contact.birthday, event.contact.workAnniversary].filter((d) => d !== null)
          : event.type === 'open'
            ? [event.opportunity.expectedCloseDate]
            : [],
      ),
    ];
    expect(dates.length).toBeGreaterThan(organisation.reps.length);
    expect(seen.length).toBe(dates.length);
    const local = new Set(seen.map((time) => shanghai.dateOf(new Date(time))));
    for (const date of dates) expect(local.has(date)).toBe(true);
  });
});

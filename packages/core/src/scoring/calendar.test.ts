import { describe, expect, it } from 'vitest';
import { createTenantCalendar, type TenantCalendar } from '../calendar/tenant-calendar.js';
import { resolveTenantSettings } from '../calendar/tenant-settings.js';
import { createTestClock } from '../context/clock.js';
import { defineFact } from './facts.js';
import { createScoringRegistry } from './registry.js';
import type { Condition } from './schema.js';
import { bothModes, oneRule } from './test-helpers.js';

function calendarOf(timeZone: string, now: string): TenantCalendar {
  return createTenantCalendar(resolveTenantSettings({ timeZone }), createTestClock(now));
}

/** Whether the condition fires, in both compile modes, by score and by explain. */
function fires(condition: Condition, facts: object, calendar?: TenantCalendar): boolean[] {
  const evaluate = calendar === undefined ? {} : { calendar };
  return bothModes(oneRule(condition)).flatMap((compiled) => [
    compiled.score(facts, evaluate).total === 1,
    compiled.explain(facts, evaluate).total === 1,
    compiled.scoreMany([facts], evaluate)[0]?.total === 1,
  ]);
}

const all = (value: boolean) => Array.from({ length: 6 }, () => value);
const relative = (fact: string, operator: string, n: number, unit: string): Condition => ({
  fact,
  operator,
  value: { n, unit },
});

describe('relative dates in the tenant calendar', () => {
  it('withinLast counts local days across the DST change (a 23-hour day)', () => {
    // 2026-03-09T13:00Z is 09:00 EDT; 7 local days earlier is 2 March 09:00 EST = 14:00Z.
    const ny = calendarOf('America/New_York', '2026-03-09T13:00:00Z');
    const utc = calendarOf('UTC', '2026-03-09T13:00:00Z');
    const condition = relative('seenAt', 'withinLast', 7, 'day');
    const facts = { seenAt: new Date('2026-03-02T13:30:00Z') };
    expect(fires(condition, facts, ny)).toEqual(all(false));
    expect(fires(condition, facts, utc)).toEqual(all(true));
    // Without a calendar: UTC, at the evaluation's `now`.
    const at = { now: '2026-03-09T13:00:00Z' };
    expect(
      bothModes(oneRule(condition)).map((compiled) => compiled.score(facts, at).total),
    ).toEqual([1, 1]);
    const older = relative('seenAt', 'olderThan', 1, 'week');
    expect(fires(older, facts, ny)).toEqual(all(true));
    expect(fires(older, facts, utc)).toEqual(all(false));
  });

  it('a calendar date is the start of that local day in the tenant zone', () => {
    // 2026-04-01T00:30 in Shanghai = 2026-03-31T16:30Z.
    const cn = calendarOf('Asia/Shanghai', '2026-03-31T16:30:00Z');
    const utc = calendarOf('UTC', '2026-03-31T16:30:00Z');
    const today = relative('closeDate', 'withinLast', 1, 'day');
    expect(fires(today, { closeDate: '2026-04-01' }, cn)).toEqual(all(true));
    expect(fires(today, { closeDate: '2026-04-01' }, utc)).toEqual(all(false));
    const before: Condition = { fact: 'wonAt', operator: 'before', value: '2026-04-01' };
    // 20:00Z on 31 March is already 1 April in Shanghai, still 31 March in UTC.
    const wonAt = new Date('2026-03-31T20:00:00Z');
    expect(fires(before, { wonAt }, cn)).toEqual(all(false));
    expect(fires(before, { wonAt }, utc)).toEqual(all(true));
    const after: Condition = { fact: 'wonAt', operator: 'after', value: '2026-04-01' };
    expect(fires(after, { wonAt: new Date('2026-03-31T17:00:00Z') }, cn)).toEqual(all(true));
    expect(fires(after, { wonAt: new Date('2026-03-31T17:00:00Z') }, utc)).toEqual(all(false));
    // An instant limit is the same everywhere.
    const instant: Condition = { fact: 'wonAt', operator: 'before', value: '2026-04-01T00:00:00Z' };
    expect(fires(instant, { wonAt }, cn)).toEqual(all(true));
  });

  it('gives computed facts the local today', () => {
    const seen: string[] = [];
    const registry = createScoringRegistry();
    registry.use({
      facts: [
        defineFact({
          name: 'localToday',
          compute: (_facts, context) => {
            seen.push(`${context.today} ${context.calendar.timeZone}`);
            return context.today;
          },
        }),
      ],
    });
    const [compiled] = bothModes(
      oneRule({ fact: '$localToday', operator: 'eq', value: '2026-04-01' }),
      { registry },
    );
    const cn = calendarOf('Asia/Shanghai', '2026-03-31T16:30:00Z');
    expect(compiled?.score({}, { calendar: cn }).total).toBe(1);
    expect(compiled?.score({}, { now: '2026-03-31T16:30:00Z' }).total).toBe(0);
    expect(seen).toEqual(['2026-04-01 Asia/Shanghai', '2026-03-31 UTC']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { SuiteContext } from './context.js';
import { confItem } from './models.js';

// Zones east and west of UTC, with and without daylight saving, as the process's own zone.
const PROCESS_ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati'];
const DAYS = ['2026-03-08', '2026-03-29', '2024-02-29', '2026-12-31', '2027-01-01'];
const INSTANTS = [
  '2026-03-08T07:30:00.000Z', // 02:30 would not exist in New York; 03:30 EDT does
  '2026-03-31T20:00:00.000Z', // 31 March in New York, 1 April in Shanghai
  '2026-10-25T00:30:00.000Z', // 02:30 CEST, the hour Berlin lives twice
  '2026-12-31T23:59:59.999Z',
];

/**
 * Calendar dates and instants are different kinds: a `date` field holds a `YYYY-MM-DD` string
 * that no time zone ever shifts, a `timestamp` field holds an instant. Both must come back
 * unchanged whatever the zone of the process running the adapter (its `TZ`).
 */
export function timeCases(ctx: SuiteContext): void {
  describe('dates and instants whatever the process time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    for (const zone of PROCESS_ZONES) {
      it(`with TZ=${zone}: a date round-trips, filters and buckets as the same calendar date; an instant keeps its instant`, async () => {
        process.env.TZ = zone;
        const { storage } = ctx.tenant();
        const rows = await storage.insert(
          confItem,
          DAYS.map((day, index) => ({
            name: day,
            dueOn: day,
            happenedAt: new Date(INSTANTS[index % INSTANTS.length] as string),
          })),
        );
        for (const [index, row] of rows.entries()) {
          const back = await storage.get(confItem, row.id);
          expect(back?.dueOn).toBe(DAYS[index]);
          expect(back?.happenedAt?.toISOString()).toBe(INSTANTS[index % INSTANTS.length]);
        }
        const leap = await storage.find(confItem, { where: { dueOn: '2024-02-29' } });
        expect(leap.rows.map((row) => row.name)).toEqual(['2024-02-29']);
        const march = await storage.find(confItem, {
          where: { dueOn: { gte: '2026-03-01', lt: '2026-04-01' } },
          orderBy: [{ field: 'dueOn' }],
        });
        expect(march.rows.map((row) => row.dueOn)).toEqual(['2026-03-08', '2026-03-29']);
        const instant = await storage.find(confItem, {
          where: { happenedAt: new Date('2026-03-31T20:00:00.000Z') },
        });
        expect(instant.rows.map((row) => row.name)).toEqual(['2026-03-29']);
        const days = await storage.aggregate(confItem, {
          groupBy: [{ field: 'dueOn', bucket: 'day', as: 'day' }],
          measures: { n: { fn: 'count' } },
          orderBy: [{ key: 'day' }],
        });
        expect(days.map((row) => row.day)).toEqual([...DAYS].sort());
        const months = await storage.aggregate(confItem, {
          groupBy: [{ field: 'dueOn', bucket: 'month', as: 'month' }],
          measures: { n: { fn: 'count' } },
          orderBy: [{ key: 'month' }],
        });
        expect(months.map((row) => row.month)).toEqual([
          '2024-02',
          '2026-03',
          '2026-12',
          '2027-01',
        ]);
      });
    }
  });
}

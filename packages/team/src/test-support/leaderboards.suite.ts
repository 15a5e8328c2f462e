import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { expectError } from './harness.js';
import { closePerformance, seedSalesOrg, setupPerformance } from './performance-harness.js';

export function leaderboardSuite(adapter: NamedAdapter) {
  describe(`leaderboards (${adapter.name})`, () => {
    afterEach(closePerformance);

    async function seeded(topN?: number) {
      const h = await setupPerformance(adapter.create, {
        performance: { currency: 'EUR', ...(topN ? { leaderboardTopN: topN } : {}) },
      });
      const org = await seedSalesOrg(h);
      const dee = await h.team.reps.create({ userId: 'u-dee', name: 'Dee' });
      await h.team.teams.addMember(org.west.id, dee.id, { from: '2026-01-01' });
      // March: Cid 3, Ana 2, Bob 1. April: Ana 2, Bob 2, Dee 1, Cid 0 (tie for first).
      for (const [user, day] of [
        ['u-cid', '2026-03-02'],
        ['u-cid', '2026-03-03'],
        ['u-cid', '2026-03-04'],
        ['u-ana', '2026-03-05'],
        ['u-ana', '2026-03-06'],
        ['u-bob', '2026-03-07'],
        ['u-ana', '2026-04-01'],
        ['u-ana', '2026-04-02'],
        ['u-bob', '2026-04-03'],
        ['u-bob', '2026-04-04'],
        ['u-dee', '2026-04-05'],
      ] as const) {
        await h.won(user, day, '100');
      }
      return { h, ...org, dee };
    }

    it('ranks with ties (1, 1, 3, 4) and movement since the previous period', async () => {
      const { h } = await seeded();
      const board = await h.team.leaderboards.rank('won-deals', '2026-04');
      expect(board).toMatchObject({
        periodKey: '2026-04',
        previousPeriodKey: '2026-03',
        ranked: 4,
        restricted: false,
      });
      expect(
        board.rows.map((row) => [row.rank, row.name, row.value, row.previousRank, row.movement]),
      ).toEqual([
        [1, 'Ana', '2', 2, 1],
        [1, 'Bob', '2', 3, 2],
        [3, 'Dee', '1', 4, 1],
        [4, 'Cid', '0', 1, -3],
      ]);
      const west = await h.team.leaderboards.rank('won-deals', '2026-04', {
        scope: {
          type: 'team',
          id: (await h.team.teams.list()).rows.find((t) => t.name === 'West')?.id ?? '',
        },
      });
      expect(west.rows.map((row) => [row.rank, row.name])).toEqual([
        [1, 'Ana'],
        [1, 'Bob'],
        [3, 'Dee'],
      ]);
    });

    it('shows a rep only the top N and their own rank when the privacy rule is on', async () => {
      const { h } = await seeded(1);
      const cid = h.as({ id: 'u-cid', roles: ['sales-rep'] }).team;
      const board = await cid.leaderboards.rank('won-deals', '2026-04');
      expect(board.restricted).toBe(true);
      expect(board.ranked).toBe(4);
      expect(board.rows.map((row) => [row.rank, row.name, row.isMe])).toEqual([
        [1, 'Ana', false],
        [1, 'Bob', false],
        [4, 'Cid', true],
      ]);
      const admin = await h.team.leaderboards.rank('won-deals', '2026-04');
      expect(admin.rows).toHaveLength(4);
      const open = await cid.leaderboards.rank('won-deals', '2026-04', { topN: null });
      expect(open.rows).toHaveLength(4);
    });

    it('refuses bad options', async () => {
      const { h } = await seeded();
      await expectError(
        h.team.leaderboards.rank('won-deals', '2026-04', { topN: 0 }),
        'VALIDATION_FAILED',
        'options.topN',
      );
      await expectError(
        h.team.leaderboards.rank('won-deals', 'April'),
        'VALIDATION_FAILED',
        'periodKey',
      );
      await expectError(h.team.leaderboards.rank('nope', '2026-04'), 'NOT_FOUND');
    });
  });
}

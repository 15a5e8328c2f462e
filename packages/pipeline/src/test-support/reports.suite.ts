import { describe, expect, it } from 'vitest';
import { type AdapterFactory, DAY, setup, usd } from './harness.js';

/** The pipeline's reports on a small hand-made book of deals. Run per adapter. */
export function reportsSuite(name: string, factory: AdapterFactory): void {
  describe(`reports on ${name}`, () => {
    it('counts and sums per stage, in stage order, scoped to what the actor sees', async () => {
      const { rep1, rep2, manager, admin } = await setup(factory);
      await rep1.pipeline.opportunities.create({ title: 'A', amount: usd('100.10') });
      await rep1.pipeline.opportunities.create({ title: 'B', amount: usd('0.05') });
      await rep1.pipeline.opportunities.create({ title: 'C' });
      const d = await rep2.pipeline.opportunities.create({ title: 'D', amount: usd('999.99') });
      await rep2.pipeline.opportunities.moveStage(d.id, 'proposal');
      const rows = await admin.pipeline.reports.stages();
      expect(
        rows.map((row) => [row.stage, row.count, row.amounts.map(String), row.withoutAmount]),
      ).toEqual([
        ['prospecting', 3, ['100.15'], 1],
        ['qualification', 0, [], 0],
        ['proposal', 1, ['999.99'], 0],
        ['negotiation', 0, [], 0],
        ['won', 0, [], 0],
        ['lost', 0, [], 0],
      ]);
      const team = await manager.pipeline.reports.stages();
      expect(team.map((row) => row.count)).toEqual([3, 0, 0, 0, 0, 0]);
    });

    it('weights open deals by their probability exactly, rounding once', async () => {
      const { rep1, admin } = await setup(factory);
      for (let index = 0; index < 3; index += 1) {
        await rep1.pipeline.opportunities.create({ title: `Tiny ${index}`, amount: usd('0.05') });
      }
      const big = await rep1.pipeline.opportunities.create({
        title: 'Big',
        amount: usd('1000.01'),
        probability: 33,
      });
      await rep1.pipeline.opportunities.moveStage(big.id, 'proposal');
      const lost = await rep1.pipeline.opportunities.create({ title: 'Lost', amount: usd('5000') });
      await rep1.pipeline.opportunities.lose(lost.id, { reason: 'x' });
      const weighted = await admin.pipeline.reports.weighted();
      // 3 × 0.05 × 10% = 0.015 → 0.02 (rounding each deal would give 0.00); 1000.01 × 33% = 330.0033
      expect(weighted.stages.map((row) => [row.stage, row.weighted.map(String)])).toEqual([
        ['prospecting', ['0.02']],
        ['qualification', []],
        ['proposal', ['330.00']],
        ['negotiation', []],
      ]);
      // 0.015 + 330.0033 = 330.0183 → 330.02
      expect(weighted.total.map(String)).toEqual(['330.02']);
    });

    it('reports win rates per owner and territory, won revenue and cycle length', async () => {
      const { as: asActor, admin, clock } = await setup(factory);
      const as = (id: string, territory: string) =>
        asActor({ id, roles: ['sales-rep'], territoryIds: [territory] });
      const close = async (
        owner: string,
        territory: string,
        won: boolean,
        days: number,
        amount: string,
      ) => {
        const rep = as(owner, territory);
        const deal = await rep.pipeline.opportunities.create({
          title: `${owner} ${days}`,
          territoryId: territory,
          engageDate: '2026-01-01',
          amount: usd(amount),
        });
        const closeDate = new Date(Date.parse('2026-01-01T00:00:00Z') + days * DAY)
          .toISOString()
          .slice(0, 10);
        if (won) await rep.pipeline.opportunities.win(deal.id, { closeDate });
        else await rep.pipeline.opportunities.lose(deal.id, { reason: 'x', closeDate });
      };
      await close('rep-1', 'north', true, 10, '100');
      await close('rep-1', 'north', true, 20, '200.50');
      await close('rep-1', 'south', false, 5, '50');
      await close('rep-2', 'south', true, 31, '1000');
      await close('rep-2', 'south', false, 40, '10');
      clock.advance(DAY);
      const owners = await admin.pipeline.reports.winRates('owner');
      expect(owners.map((row) => [row.key, row.won, row.lost, row.winRate])).toEqual([
        ['rep-1', 2, 1, 2 / 3],
        ['rep-2', 1, 1, 0.5],
      ]);
      const territories = await admin.pipeline.reports.winRates('territory');
      expect(territories.map((row) => [row.key, row.won, row.lost])).toEqual([
        ['north', 2, 0],
        ['south', 1, 2],
      ]);
      const revenue = await admin.pipeline.reports.wonRevenue();
      expect({ deals: revenue.deals, revenue: revenue.revenue.map(String) }).toEqual({
        deals: 3,
        revenue: ['1300.50'],
      });
      const cycle = await admin.pipeline.reports.cycleLength();
      expect(cycle).toEqual([
        { key: null, deals: 3, averageDays: expect.stringMatching(/^20\.3333/) },
      ]);
      const byOwner = await admin.pipeline.reports.cycleLength('owner');
      expect(byOwner.map((row) => [row.key, Number(row.averageDays)])).toEqual([
        ['rep-1', 15],
        ['rep-2', 31],
      ]);
      const january = await admin.pipeline.reports.winRates('owner', {
        from: '2026-01-01',
        to: '2026-01-25',
      });
      expect(january.map((row) => [row.key, row.won, row.lost])).toEqual([['rep-1', 2, 1]]);
    });

    it('reports the average time deals spend in each stage', async () => {
      const { rep1, admin, clock } = await setup(factory);
      for (const days of [2, 4]) {
        const deal = await rep1.pipeline.opportunities.create({ title: `A${days}` });
        clock.advance(days * DAY);
        await rep1.pipeline.opportunities.moveStage(deal.id, 'qualification');
      }
      const rows = await admin.pipeline.reports.timeInStage();
      expect(rows.find((row) => row.stage === 'prospecting')).toEqual({
        stage: 'prospecting',
        moves: 2,
        averageDays: 3,
      });
      expect(rows.find((row) => row.stage === 'qualification')).toEqual({
        stage: 'qualification',
        moves: 0,
        averageDays: null,
      });
    });
  });
}

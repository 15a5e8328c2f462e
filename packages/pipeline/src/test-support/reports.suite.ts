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

    it('sums won revenue per territory, largest first, and per month and currency', async () => {
      const { as: asActor, admin } = await setup(factory);
      const won = async (territory: string | null, closeDate: string, amount?: string) => {
        const rep = asActor({
          id: territory === 'north' ? 'rep-n' : 'rep-s',
          roles: ['sales-rep'],
          territoryIds: territory ? [territory] : [],
        });
        const deal = await rep.pipeline.opportunities.create({
          title: `${territory} ${closeDate}`,
          ...(territory ? { territoryId: territory } : {}),
          ...(amount ? { amount: usd(amount) } : {}),
        });
        await rep.pipeline.opportunities.win(deal.id, { closeDate });
      };
      await won('north', '2026-01-10', '100.10');
      await won('north', '2026-02-03', '0.05');
      await won('south', '2026-01-31', '999.99');
      await won('south', '2026-02-01', '3');
      await won(null, '2026-02-28', '5');
      const lost = await admin.pipeline.opportunities.create({ title: 'L', amount: usd('7') });
      await admin.pipeline.opportunities.lose(lost.id, { reason: 'x', closeDate: '2026-02-01' });

      const territories = await admin.pipeline.reports.wonByTerritory();
      expect(
        territories.map((row) => [row.territoryId, row.deals, row.revenue.map(String)]),
      ).toEqual([
        ['south', 2, ['1002.99']],
        ['north', 2, ['100.15']],
        [null, 1, ['5.00']],
      ]);
      const february = await admin.pipeline.reports.wonByTerritory({ from: '2026-02-01' });
      expect(february.map((row) => [row.territoryId, row.deals])).toEqual([
        [null, 1],
        ['south', 1],
        ['north', 1],
      ]);
      // What a rep may not read is not counted.
      const north = asActor({ id: 'rep-n', roles: ['sales-rep'], territoryIds: ['north'] });
      expect((await north.pipeline.reports.wonByTerritory()).map((row) => row.territoryId)).toEqual(
        ['north'],
      );

      const months = await admin.pipeline.reports.wonByPeriodAndCurrency('month');
      expect(
        months.map((row) => [row.period, row.currency, row.deals, row.revenue?.toString() ?? null]),
      ).toEqual([
        ['2026-01', 'USD', 2, '1100.09'],
        ['2026-02', 'USD', 3, '8.05'],
      ]);
      const quarters = await admin.pipeline.reports.wonByPeriodAndCurrency('quarter');
      expect(quarters.map((row) => [row.period, row.currency, row.deals])).toEqual([
        ['2026-Q1', 'USD', 5],
      ]);
    });

    it('sums won revenue per product from the lines of won deals, with catalog names', async () => {
      const { rep1, rep2, admin, products } = await setup(factory);
      const deal = async (
        rep: typeof rep1,
        lines: { productId: string; quantity: number }[],
        win: boolean,
      ) => {
        const created = await rep.pipeline.opportunities.create({ title: 'Lines', lines });
        if (win) await rep.pipeline.opportunities.win(created.id, { closeDate: '2026-03-01' });
      };
      const [pro, special, gtk] = [products.pro!, products.special!, products.gtk!];
      await deal(
        rep1,
        [
          { productId: pro.id, quantity: 1 },
          { productId: special.id, quantity: 3 },
        ],
        true,
      );
      await deal(rep2, [{ productId: special.id, quantity: 1 }], true);
      await deal(rep1, [{ productId: gtk.id, quantity: 1 }], false);
      const rows = await admin.pipeline.reports.wonByProduct();
      expect(rows.map((row) => [row.name, row.lines, row.revenue.map(String)])).toEqual([
        ['GTX Pro', 1, ['4821.00']],
        ['MG Special', 2, ['220.00']],
      ]);
      expect(rows[0]?.productId).toBe(pro.id);
      // Lines follow the line model's read access (it has no owner field): scoped roles see none.
      expect(await rep2.pipeline.reports.wonByProduct()).toEqual([]);
    });

    it('forecasts open deals per expected close period, weighted exactly', async () => {
      const { rep1, rep2, admin } = await setup(factory);
      const open = (expectedCloseDate: string | null, amount: string | null, probability = 10) =>
        rep1.pipeline.opportunities.create({
          title: `${expectedCloseDate} ${amount}`,
          probability,
          ...(expectedCloseDate ? { expectedCloseDate } : {}),
          ...(amount ? { amount: usd(amount) } : {}),
        });
      for (let index = 0; index < 3; index += 1) await open('2026-04-02', '0.05');
      await open('2026-04-30', '1000.01', 33);
      await open('2026-05-15', null);
      await open(null, '10', 50);
      const won = await open('2026-04-10', '500');
      await rep1.pipeline.opportunities.win(won.id);
      const months = await admin.pipeline.reports.forecast();
      expect(
        months.map((row) => [
          row.period,
          row.deals,
          row.amount.map(String),
          row.weighted.map(String),
        ]),
      ).toEqual([
        [null, 1, ['10.00'], ['5.00']],
        // 3 × 0.05 × 10% + 1000.01 × 33% = 0.015 + 330.0033 = 330.0183 → 330.02 (rounded once)
        ['2026-04', 4, ['1000.16'], ['330.02']],
        ['2026-05', 1, [], []],
      ]);
      const quarter = await admin.pipeline.reports.forecast('quarter', { from: '2026-04-01' });
      expect(quarter.map((row) => [row.period, row.deals, row.weighted.map(String)])).toEqual([
        ['2026-Q2', 5, ['330.02']],
      ]);
      expect(await rep1.pipeline.reports.forecast()).toHaveLength(3);
      expect(await rep2.pipeline.reports.forecast()).toEqual([]);
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

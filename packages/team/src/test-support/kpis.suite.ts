import { afterEach, describe, expect, it } from 'vitest';
import type { KpiResult } from '../kpis/evaluate-types.js';
import type { NamedAdapter } from './adapters.js';
import { expectError } from './harness.js';
import { closePerformance, seedSalesOrg, setupPerformance } from './performance-harness.js';

const pick = (row: KpiResult | undefined) =>
  row && { actual: row.actual, target: row.target, attainment: row.attainment, band: row.band };

export function kpiSuite(adapter: NamedAdapter) {
  describe(`kpis (${adapter.name})`, () => {
    afterEach(closePerformance);

    it('evaluates won revenue per rep, team and territory against quotas, with bands', async () => {
      const h = await setupPerformance(adapter.create);
      const { ana, bob, cid, west, east } = await seedSalesOrg(h);
      const north = await h.team.territories.create({ name: 'North', code: 'N' });
      await h.team.territories.assign({
        repId: cid.id,
        territoryId: north.id,
        validFrom: '2026-01-01',
      });
      for (const [rep, target] of [
        [ana, '10000'],
        [bob, '10000'],
        [cid, '5000'],
      ] as const) {
        await h.team.quotas.set({
          subjectType: 'rep',
          subjectId: rep.id,
          measure: 'won-revenue',
          periodKey: '2026-Q2',
          target,
        });
      }
      await h.team.quotas.set({
        subjectType: 'team',
        subjectId: west.id,
        measure: 'won-revenue',
        periodKey: '2026-Q2',
        target: '20000',
      });
      await h.won('u-ana', '2026-04-02', '6000.10');
      await h.won('u-ana', '2026-05-20', '5000');
      await h.won('u-bob', '2026-06-30', '7000');
      await h.won('u-cid', '2026-04-10', '2000');
      await h.won('u-cid', '2026-07-01', '9999'); // next quarter
      await h.won('u-cid', '2026-05-01', '500', { currency: 'USD' }); // another currency
      await h.lost('u-ana', '2026-04-03');
      const q2 = await h.team.kpis.evaluate('won-revenue', '2026-Q2');
      expect(q2).toMatchObject({
        kpi: 'won-revenue',
        from: '2026-04-01',
        to: '2026-07-01',
        currency: 'EUR',
      });
      expect(q2.excludedCurrencies).toEqual(['USD']);
      expect(q2.reps.map((row) => [row.name, pick(row)])).toEqual([
        ['Ana', { actual: '11000.10', target: '10000.00', attainment: '110.0010', band: 'above' }],
        ['Bob', { actual: '7000.00', target: '10000.00', attainment: '70.0000', band: 'below' }],
        ['Cid', { actual: '2000.00', target: '5000.00', attainment: '40.0000', band: 'below' }],
      ]);
      expect(pick(q2.teams.find((row) => row.subjectId === west.id))).toEqual({
        actual: '18000.10',
        target: '20000.00',
        attainment: '90.0005',
        band: 'on-track',
      });
      expect(q2.teams.find((row) => row.subjectId === east.id)?.actual).toBe('2000.00');
      expect(q2.territories).toEqual([
        expect.objectContaining({ subjectId: north.id, actual: '2000.00' }),
      ]);
      expect(q2.total.actual).toBe('20000.10');
    });

    it('credits each record to the team the rep was in on its date', async () => {
      const h = await setupPerformance(adapter.create);
      const { bob, west, east } = await seedSalesOrg(h);
      await h.team.teams.removeMember(west.id, bob.id, { on: '2026-05-01' });
      await h.team.teams.addMember(east.id, bob.id, { from: '2026-05-01' });
      await h.won('u-bob', '2026-04-30', '100');
      await h.won('u-bob', '2026-05-01', '40');
      const q2 = await h.team.kpis.evaluate('won-revenue', '2026-Q2');
      expect(q2.teams.map((row) => [row.subjectId, row.actual])).toEqual(
        [
          [west.id, '100.00'],
          [east.id, '40.00'],
        ].sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)),
      );
      const eastOnly = await h.team.kpis.evaluate('won-revenue', '2026-Q2', {
        type: 'team',
        id: east.id,
      });
      expect(eastOnly.reps.map((row) => [row.name, row.actual])).toEqual([
        ['Bob', '40.00'],
        ['Cid', '0.00'],
      ]);
      expect(eastOnly.total.actual).toBe('40.00');
    });

    it('scopes to a territory and the ones beneath it, and to a team with its quota, in fiscal periods', async () => {
      const h = await setupPerformance(
        adapter.create,
        { performance: { currency: 'EUR' } },
        { fiscalYearStartMonth: 4 },
      );
      const { ana, bob, west } = await seedSalesOrg(h);
      const country = await h.team.territories.create({ name: 'Country', code: 'C' });
      const city = await h.team.territories.create({
        name: 'City',
        code: 'CI',
        parentId: country.id,
      });
      await h.team.territories.assign({
        repId: ana.id,
        territoryId: city.id,
        validFrom: '2026-01-01',
      });
      await h.team.territories.assign({
        repId: bob.id,
        territoryId: country.id,
        validFrom: '2026-05-01',
      });
      await h.team.quotas.set({
        subjectType: 'team',
        subjectId: west.id,
        measure: 'won-deals',
        periodKey: 'FY2027-Q1',
        target: 4,
      });
      await h.won('u-ana', '2026-04-02', '1');
      await h.won('u-bob', '2026-04-20', '1'); // before Bob's territory
      await h.won('u-bob', '2026-06-30', '1');
      await h.won('u-bob', '2026-03-31', '1'); // FY2026
      const inCountry = await h.team.kpis.evaluate('won-deals', 'FY2027-Q1', {
        type: 'territory',
        id: country.id,
      });
      expect(inCountry).toMatchObject({ from: '2026-04-01', to: '2026-07-01' });
      expect(inCountry.reps.map((row) => [row.name, row.actual])).toEqual([
        ['Ana', '1'],
        ['Bob', '1'],
      ]);
      expect(inCountry.territories.map((row) => [row.subjectId, row.actual]).sort()).toEqual(
        [
          [country.id, '1'],
          [city.id, '1'],
        ].sort(),
      );
      const team = await h.team.kpis.evaluate('won-deals', 'FY2027-Q1', {
        type: 'team',
        id: west.id,
      });
      expect(pick(team.total)).toEqual({
        actual: '3',
        target: '4.0000',
        attainment: '75.0000',
        band: 'below',
      });
    });

    it('ships win rate, average deal size, cycle length, activities and new customers', async () => {
      const h = await setupPerformance(
        adapter.create,
        { performance: { currency: 'EUR' } },
        { timeZone: 'Asia/Shanghai' },
      );
      await seedSalesOrg(h);
      await h.won('u-ana', '2026-04-02', '100', { cycleDays: 10 });
      await h.won('u-ana', '2026-04-03', '200', { cycleDays: 21 });
      await h.lost('u-ana', '2026-04-04');
      await h.admin.records.opportunity.create({
        title: 'no amount',
        ownerId: 'u-ana',
        status: 'won',
        closeDate: '2026-04-05',
      });
      await h.call('u-ana', '2026-03-31T16:30:00Z'); // 1 April 00:30 in Shanghai
      await h.call('u-ana', '2026-03-31T15:59:00Z'); // still 31 March there
      const rate = await h.team.kpis.evaluate('win-rate', '2026-04');
      expect(rate.reps.find((row) => row.name === 'Ana')?.actual).toBe('75.0000');
      expect(rate.reps.find((row) => row.name === 'Bob')?.actual).toBeNull();
      const size = await h.team.kpis.evaluate('average-deal-size', '2026-04');
      expect(size.reps.find((row) => row.name === 'Ana')?.actual).toBe('150.0000');
      const cycle = await h.team.kpis.evaluate('cycle-length', '2026-04');
      expect(cycle.reps.find((row) => row.name === 'Ana')?.actual).toBe('15.5000');
      const activities = await h.team.kpis.evaluate('activities', '2026-04');
      expect(activities.reps.find((row) => row.name === 'Ana')?.actual).toBe('1');
      const customer = (name: string, customerSince: Date | null) =>
        h.admin.records.company.create({
          name,
          ownerId: 'u-ana',
          lifecycleStage: customerSince ? 'customer' : 'lead',
          customerSince,
        });
      await customer('New in April', new Date('2026-03-31T16:30:00Z')); // 1 April in Shanghai
      await customer('Customer since March', new Date('2026-03-31T15:59:00Z'));
      await customer('Still a lead', null);
      const newCustomers = await h.team.kpis.evaluate('new-customers', '2026-04');
      expect(newCustomers.reps.find((row) => row.name === 'Ana')?.actual).toBe('1');
      expect((await h.team.kpis.list()).map((kpi) => kpi.key)).toEqual([
        'won-revenue',
        'won-deals',
        'win-rate',
        'average-deal-size',
        'cycle-length',
        'activities',
        'new-customers',
      ]);
    });

    it('respects the actor scope: a rep sees their own row and records', async () => {
      const h = await setupPerformance(adapter.create);
      await seedSalesOrg(h);
      await h.won('u-ana', '2026-04-02', '100');
      await h.won('u-bob', '2026-04-02', '300');
      const ana = h.as({ id: 'u-ana', roles: ['sales-rep'] }).team;
      const mine = await ana.kpis.evaluate('won-deals', '2026-04');
      expect(mine.reps.map((row) => [row.name, row.actual])).toEqual([['Ana', '1']]);
      expect(mine.total.actual).toBe('1');
      expect(await h.seen('kpi.bandChanged')).toEqual([]);
    });

    it('emits kpi.bandChanged when a re-evaluation moves a rep to another band', async () => {
      const h = await setupPerformance(adapter.create);
      const { ana } = await seedSalesOrg(h);
      await h.team.quotas.set({
        subjectType: 'rep',
        subjectId: ana.id,
        measure: 'won-deals',
        periodKey: '2026-04',
        target: 2,
      });
      await h.won('u-ana', '2026-04-02', '100');
      expect((await h.team.kpis.evaluate('won-deals', '2026-04')).reps[0]?.band).toBe('below');
      expect(await h.seen('kpi.bandChanged')).toEqual([]);
      await h.won('u-ana', '2026-04-03', '100');
      await h.team.kpis.evaluate('won-deals', '2026-04');
      await h.team.kpis.evaluate('won-deals', '2026-04');
      expect(await h.seen('kpi.bandChanged')).toEqual([
        {
          kpi: 'won-deals',
          periodKey: '2026-04',
          repId: ana.id,
          from: 'below',
          to: 'on-track',
          attainment: '100.0000',
        },
      ]);
    });

    it('defines KPIs as data and evaluates them', async () => {
      const h = await setupPerformance(adapter.create);
      await seedSalesOrg(h);
      await h.team.kpis.define({
        key: 'calls',
        name: 'Calls',
        measure: {
          model: 'interaction',
          fn: 'count',
          where: { type: 'call' },
          dateField: 'occurredAt',
          repField: 'ownerId',
        },
        target: { fixed: '2' },
        bands: [
          { name: 'low', to: '50' },
          { name: 'ok', from: '50', to: '100' },
          { name: 'great', from: '100' },
        ],
      });
      await h.call('u-bob', '2026-04-10T10:00:00Z');
      const calls = await h.team.kpis.evaluate('calls', '2026-04');
      expect(pick(calls.reps.find((row) => row.name === 'Bob'))).toEqual({
        actual: '1',
        target: '2',
        attainment: '50.0000',
        band: 'ok',
      });
    });

    it('refuses bad KPIs and periods, writing nothing', async () => {
      const h = await setupPerformance(adapter.create);
      const good = {
        key: 'calls',
        name: 'Calls',
        measure: {
          model: 'interaction',
          fn: 'count',
          dateField: 'occurredAt',
          repField: 'ownerId',
        },
      } as const;
      await expectError(
        h.team.kpis.define({ ...good, measure: { ...good.measure, model: 'nope' } }),
        'VALIDATION_FAILED',
        'measure.model',
      );
      await expectError(
        h.team.kpis.define({ ...good, measure: { ...good.measure, dateField: 'type' } }),
        'VALIDATION_FAILED',
        'measure.dateField',
      );
      await expectError(
        h.team.kpis.define({ ...good, target: { quota: 'nope' } }),
        'VALIDATION_FAILED',
        'target.quota',
      );
      await expectError(
        h.team.kpis.define({ ...good, target: { fixed: '-5' } }),
        'VALIDATION_FAILED',
        'target.fixed',
      );
      await expectError(
        h.team.kpis.define({
          ...good,
          bands: [
            { name: 'low', to: '80' },
            { name: 'high', from: '70' },
          ],
        }),
        'VALIDATION_FAILED',
        'bands.1.from',
      );
      await expectError(
        h.team.kpis.define({
          ...good,
          bands: [
            { name: 'low', to: '80' },
            { name: 'high', from: '90' },
          ],
        }),
        'VALIDATION_FAILED',
        'bands.1.from',
      );
      await expectError(h.team.kpis.define({ ...good, key: 'win-rate' }), 'CONFLICT', 'key');
      await expectError(
        h.team.kpis.evaluate('won-deals', '2026-4'),
        'VALIDATION_FAILED',
        'periodKey',
      );
      await expectError(h.team.kpis.evaluate('nope', '2026-04'), 'NOT_FOUND', 'kpi');
      await expectError(
        h.team.kpis.evaluate('won-deals', '2026-04', { type: 'team', id: 'team_nope' }),
        'VALIDATION_FAILED',
        'scope.id',
      );
      expect((await h.team.kpis.list()).map((kpi) => kpi.key)).not.toContain('calls');
    });

    it('refuses to compare a money KPI with a quota in another currency', async () => {
      const h = await setupPerformance(adapter.create, {});
      const { ana } = await seedSalesOrg(h);
      await h.team.quotas.set({
        subjectType: 'rep',
        subjectId: ana.id,
        measure: 'won-revenue',
        periodKey: '2026-04',
        target: '100',
        currency: 'USD',
      });
      await h.won('u-ana', '2026-04-02', '100');
      await expectError(h.team.kpis.evaluate('won-revenue', '2026-04'), 'CURRENCY_MISMATCH');
    });
  });
}

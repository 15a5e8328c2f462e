import { Money } from '@sellkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { closeCommissions, seedCommissionOrg, setupCommissions } from './commission-harness.js';
import { expectError } from './harness.js';

const TIERS = [
  { from: '0', to: '0.5', rate: '0.02', label: 'Below half' },
  { from: '0.5', to: '1', rate: '0.05', label: 'Up to quota' },
  { from: '1', to: null, rate: '0.08', label: 'Accelerator' },
];

function tieredPlan(mode: 'marginal' | 'stepped', extra: Record<string, unknown> = {}) {
  return {
    key: 'ae',
    name: 'Account executives',
    currency: 'EUR',
    periodUnit: 'month',
    appliesTo: { seniority: ['senior'] },
    rates: { kind: 'tiered', mode, tiers: TIERS },
    ...extra,
  };
}

export function flatPlan(rate: string, extra: Record<string, unknown> = {}) {
  return {
    key: 'flat',
    name: 'Flat',
    currency: 'EUR',
    periodUnit: 'month',
    appliesTo: { seniority: ['senior'] },
    rates: { kind: 'flat', rate },
    ...extra,
  };
}

export function commissionsSuite(adapter: NamedAdapter) {
  describe(`commissions (${adapter.name})`, () => {
    afterEach(closeCommissions);

    it('publishes versioned plans; bad plans are refused and nothing is written', async () => {
      const h = await setupCommissions(adapter.create);
      await seedCommissionOrg(h);
      const v1 = await h.c.plans.publish(tieredPlan('marginal'));
      const v2 = await h.c.plans.publish(tieredPlan('stepped'));
      expect([v1.revision, v2.revision]).toEqual([1, 2]);
      const overlap = [TIERS[0], { ...TIERS[1], from: '0.4' }, TIERS[2]];
      await expectError(
        h.c.plans.publish({
          ...tieredPlan('marginal'),
          rates: { kind: 'tiered', mode: 'marginal', tiers: overlap },
        }),
        'VALIDATION_FAILED',
        'rates.tiers.1.from',
      );
      const gap = [TIERS[0], { ...TIERS[1], from: '0.6' }, TIERS[2]];
      await expectError(
        h.c.plans.publish({
          ...tieredPlan('marginal'),
          rates: { kind: 'tiered', mode: 'marginal', tiers: gap },
        }),
        'VALIDATION_FAILED',
        'rates.tiers.1.from',
      );
      await expectError(h.c.plans.publish(flatPlan('-0.01')), 'VALIDATION_FAILED', 'rates.rate');
      await expectError(
        h.c.plans.publish(flatPlan('0.1', { appliesTo: { repIds: ['rep_nope'] } })),
        'VALIDATION_FAILED',
        'appliesTo.repIds.0',
      );
      await expectError(
        h.c.plans.publish(
          flatPlan('0.1', {
            bonuses: [
              {
                id: 'x',
                description: 'X',
                amount: '10',
                condition: { fact: 'rep.deals', operator: 'nope', value: 1 },
              },
            ],
          }),
        ),
        'VALIDATION_FAILED',
      );
      expect((await h.c.plans.versions('ae')).map((row) => row.revision)).toEqual([1, 2]);
      expect(await h.c.plans.versions('flat')).toEqual([]);
      expect((await h.c.plans.list()).map((row) => [row.key, row.revision])).toEqual([['ae', 2]]);
      const rep = h.as({ id: 'u-ana', roles: ['sales-rep'] }).team.commissions;
      await expectError(rep.plans.publish(flatPlan('0.1')), 'FORBIDDEN');
    });

    it('pays marginal and stepped tiers on attainment, line by line, reproducibly', async () => {
      const h = await setupCommissions(adapter.create);
      const { ana } = await seedCommissionOrg(h);
      await h.quota(ana.id, '2026-03', '100000');
      await h.won('u-ana', '2026-03-05', '60000.00', { title: 'Acme' });
      await h.won('u-ana', '2026-03-12', '50000.00', { title: 'Globex' });
      await h.won('u-ana', '2026-03-31', '40000.00', { title: 'Initech' });
      await h.won('u-ana', '2026-04-01', '99999.00', { title: 'April' });
      await h.c.plans.publish(tieredPlan('marginal'));
      const marginal = await h.c.statement(ana.id, '2026-03');
      expect(marginal.credited?.toString()).toBe('150000.00');
      expect(marginal.attainment).toBe('150.00');
      expect(marginal.tiers.map((line) => [line.base.toString(), line.amount.toString()])).toEqual([
        ['50000.00', '1000.00'],
        ['50000.00', '2500.00'],
        ['50000.00', '4000.00'],
      ]);
      expect(marginal.total?.toString()).toBe('7500.00');
      expect(Money.sum(marginal.credits.map((line) => line.commission)).toString()).toBe('7500.00');
      expect(marginal.credits.map((line) => line.label)).toEqual(['Acme', 'Globex', 'Initech']);
      expect(marginal.tiers[2]?.explanation).toContain('Accelerator');
      expect(marginal.plan).toEqual({ key: 'ae', version: 1, name: 'Account executives' });
      expect(await h.c.statement(ana.id, '2026-03')).toEqual(marginal);

      await h.c.plans.publish(tieredPlan('stepped'));
      const stepped = await h.c.statement(ana.id, '2026-03');
      expect(stepped.plan?.version).toBe(2);
      expect(stepped.tiers.map((line) => line.amount.toString())).toEqual(['12000.00']);
      expect(stepped.total?.toString()).toBe('12000.00');
    });

    it('applies the minimum threshold (decelerator), the cap and a quota in another currency is refused', async () => {
      const h = await setupCommissions(adapter.create);
      const { ana, bob } = await seedCommissionOrg(h);
      await h.quota(ana.id, '2026-03', '100000');
      await h.quota(bob.id, '2026-03', '100000');
      await h.won('u-ana', '2026-03-05', '40000.00');
      await h.won('u-bob', '2026-03-05', '300000.00');
      await h.c.plans.publish(tieredPlan('marginal', { minimumAttainment: '0.5', cap: '10000' }));
      const below = await h.c.statement(ana.id, '2026-03');
      expect(below.thresholdMet).toBe(false);
      expect(below.total?.toString()).toBe('0.00');
      const capped = await h.c.statement(bob.id, '2026-03');
      // 1000 + 2500 + 200000 × 8 % = 19500, capped at 10000
      expect(capped.capped?.toString()).toBe('9500.00');
      expect(capped.total?.toString()).toBe('10000.00');
      expect(Money.sum(capped.credits.map((line) => line.commission)).toString()).toBe('10000.00');

      // A host quota lookup that answers in dollars: the plan pays euros.
      const usd = await setupCommissions(adapter.create, {
        commissions: {
          quotaLookup: async () => ({ target: '1000', currency: 'USD', quotaId: 'q-1' }),
        },
      });
      const dan = await usd.team.reps.create({ userId: 'u-dan', name: 'Dan', seniority: 'senior' });
      await usd.c.plans.publish(tieredPlan('marginal'));
      await expectError(usd.c.statement(dan.id, '2026-03'), 'CURRENCY_MISMATCH');
      await expectError(usd.c.closePeriod('2026-02'), 'CURRENCY_MISMATCH');
      expect(await usd.c.isClosed('2026-02')).toBe(false);
    });

    it('splits credit between reps exactly; splits not summing to 100 % are refused', async () => {
      const h = await setupCommissions(adapter.create);
      const { ana, bob } = await seedCommissionOrg(h);
      await h.c.plans.publish(flatPlan('0.1'));
      const deal = await h.won('u-ana', '2026-03-05', '100.00', { title: 'Shared' });
      await expectError(
        h.c.setSplits('deal-won', deal.id, [
          { repId: ana.id, share: '60' },
          { repId: bob.id, share: '30' },
        ]),
        'VALIDATION_FAILED',
        'splits',
      );
      await expectError(
        h.c.setSplits('deal-won', deal.id, [{ repId: 'rep_nope', share: '100' }]),
        'VALIDATION_FAILED',
        'splits.0.repId',
      );
      expect(await h.c.splitsOf('deal-won', deal.id)).toEqual([]);
      await h.c.setSplits('deal-won', deal.id, [
        { repId: ana.id, share: '33.3333' },
        { repId: bob.id, share: '66.6667' },
      ]);
      const a = await h.c.statement(ana.id, '2026-03');
      const b = await h.c.statement(bob.id, '2026-03');
      expect([a.credited?.toString(), b.credited?.toString()]).toEqual(['33.33', '66.67']);
      expect([a.total?.toString(), b.total?.toString()]).toEqual(['3.33', '6.67']);
      expect(a.credits[0]?.share).toBe('33.3333');
    });

    it('rates by product and category, manager override and a bonus through the scoring engine', async () => {
      const h = await setupCommissions(adapter.create);
      const { nina, ana, bob } = await seedCommissionOrg(h);
      const software = await h.admin.records.product.create({
        name: 'Suite',
        category: 'software',
      });
      const training = await h.admin.records.product.create({
        name: 'Course',
        category: 'services',
      });
      const special = await h.admin.records.product.create({ name: 'Gold', category: 'software' });
      await h.c.plans.publish({
        ...flatPlan('0'),
        rates: {
          kind: 'byProduct',
          default: '0.02',
          categories: { software: '0.1' },
          products: { [special.id]: '0.15' },
        },
        bonuses: [
          {
            id: 'three-new',
            description: '3 new customers in the month',
            amount: '500',
            condition: { fact: 'rep.newCustomers', operator: 'gte', value: 3 },
          },
        ],
      });
      await h.c.plans.publish({
        key: 'managers',
        name: 'Managers',
        currency: 'EUR',
        periodUnit: 'month',
        appliesTo: { repIds: [nina.id] },
        rates: { kind: 'flat', rate: '0' },
        override: { rate: '0.01' },
      });
      const deal = await h.won('u-ana', '2026-03-05', '1500.00', {
        title: 'Lines',
        companyId: 'cmp_1',
      });
      await h.admin.records.opportunityLine.create({
        opportunityId: deal.id,
        position: 0,
        productId: software.id,
        amount: Money.of('1000', 'EUR'),
      });
      await h.admin.records.opportunityLine.create({
        opportunityId: deal.id,
        position: 1,
        productId: training.id,
        amount: Money.of('300', 'EUR'),
      });
      await h.admin.records.opportunityLine.create({
        opportunityId: deal.id,
        position: 2,
        productId: special.id,
        amount: Money.of('100', 'EUR'),
      });
      await h.won('u-ana', '2026-03-06', '100.00', { companyId: 'cmp_2' });
      await h.won('u-ana', '2026-03-07', '100.00', { companyId: 'cmp_3' });
      await h.won('u-bob', '2026-03-07', '1000.00', { companyId: 'cmp_4' });
      await h.won('u-bob', '2026-02-07', '1000.00', { companyId: 'cmp_5' });
      await h.won('u-bob', '2026-03-08', '1000.00', { companyId: 'cmp_5' });
      const statement = await h.c.statement(ana.id, '2026-03');
      // 1000 × 10 % + 300 × 2 % + 100 × 15 % + (1500 − 1400) × 2 % = 100 + 6 + 15 + 2 = 123
      expect(statement.credits[0]?.commission.toString()).toBe('123.00');
      expect(statement.credits[0]?.explanation).toContain('(software)');
      expect(statement.commission?.toString()).toBe('127.00');
      expect(statement.bonuses.map((line) => [line.id, line.amount.toString()])).toEqual([
        ['three-new', '500.00'],
      ]);
      expect(statement.total?.toString()).toBe('627.00');
      const bobs = await h.c.statement(bob.id, '2026-03');
      expect(bobs.bonuses).toEqual([]); // cmp_5 was won before March: one new customer only
      const manager = await h.c.statement(nina.id, '2026-03');
      expect(
        manager.overrides.map((line) => [
          line.repName,
          line.credited.toString(),
          line.amount.toString(),
        ]),
      ).toEqual([
        ['Ana', '1700.00', '17.00'],
        ['Bob', '2000.00', '20.00'],
      ]);
      expect(manager.total?.toString()).toBe('37.00');
    });

    it('what-if shows every rep under a draft beside the current plan, writing nothing', async () => {
      const h = await setupCommissions(adapter.create);
      const { ana, bob } = await seedCommissionOrg(h);
      await h.c.plans.publish(flatPlan('0.1'));
      await h.won('u-ana', '2026-03-10', '1000.00');
      await h.won('u-bob', '2026-03-10', '3000.00');
      const rows = await h.c.whatIf(flatPlan('0.12'), '2026-03');
      expect(
        rows.map((row) => [
          row.repName,
          row.current.total?.toString(),
          row.draft.total?.toString(),
          row.difference?.toString(),
        ]),
      ).toEqual([
        ['Ana', '100.00', '120.00', '20.00'],
        ['Bob', '300.00', '360.00', '60.00'],
      ]);
      expect(rows[0]?.draft.plan).toBe('flat v2');
      expect((await h.c.plans.versions('flat')).length).toBe(1);
      expect((await h.c.statement(ana.id, '2026-03')).total?.toString()).toBe('100.00');
      await expectError(
        h.c.whatIf({ ...flatPlan('0.1'), periodUnit: 'quarter' }, '2026-03'),
        'VALIDATION_FAILED',
        'period',
      );
      await expectError(h.c.whatIf(flatPlan('-1'), '2026-03'), 'VALIDATION_FAILED');
      expect(bob.id).toBeDefined();
    });

    it("a rep reads their own statement, not a colleague's; bad periods are refused", async () => {
      const h = await setupCommissions(adapter.create);
      const { ana, bob } = await seedCommissionOrg(h);
      await h.c.plans.publish(flatPlan('0.1'));
      const asAna = h.as({ id: 'u-ana', roles: ['sales-rep'] }).team.commissions;
      expect((await asAna.statement(ana.id, '2026-03')).plan?.key).toBe('flat');
      await expect(asAna.statement(bob.id, '2026-03')).rejects.toMatchObject({
        name: 'SellkitError',
      });
      expect((await asAna.statements('2026-03')).map((statement) => statement.repName)).toEqual([
        'Ana',
      ]);
      expect((await h.c.statements('2026-03')).map((statement) => statement.repName)).toEqual([
        'Ana',
        'Bob',
      ]);
      await expectError(asAna.whatIf(flatPlan('0.2'), '2026-03'), 'FORBIDDEN');
      await expectError(h.c.statement(ana.id, '2026-13'), 'VALIDATION_FAILED', 'period');
      await expectError(h.c.statement(ana.id, 'March'), 'VALIDATION_FAILED', 'period');
      const cid = await h.c.statement((await h.team.reps.byUserId('u-cid'))?.id ?? '', '2026-03');
      expect(cid.plan).toBeNull();
      expect(cid.total).toBeNull();
    });
  });
}

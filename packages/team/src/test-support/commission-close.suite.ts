import { isSellkitError, Money } from '@sellkit/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import {
  amounts,
  closeCommissions,
  seedCommissionOrg,
  setupCommissions,
} from './commission-harness.js';
import { flatPlan } from './commissions.suite.js';
import { expectError } from './harness.js';

export function commissionCloseSuite(adapter: NamedAdapter) {
  describe(`commission period close and clawbacks (${adapter.name})`, () => {
    afterEach(closeCommissions);

    it('closes a period, freezes it, claws back a reopened deal later and credits it back on a re-win', async () => {
      const h = await setupCommissions(adapter.create);
      const { ana, bob } = await seedCommissionOrg(h);
      await h.c.plans.publish(flatPlan('0.1'));
      const acme = await h.won('u-ana', '2026-03-10', '10000.00', { title: 'Acme' });
      const globex = await h.won('u-ana', '2026-03-11', '2000.00', { title: 'Globex' });
      await expectError(h.c.closePeriod('2026-03'), 'INVALID_STATE');
      await h.at('2026-04-02T09:00:00Z');
      const march = await h.c.statement(ana.id, '2026-03');
      expect(march.total?.toString()).toBe('1200.00');
      const report = await h.c.closePeriod('2026-03');
      expect(report.statements).toBe(2);
      expect(report.totals.map((total) => total.toString())).toEqual(['1200.00']);
      await expectError(h.c.closePeriod('2026-03'), 'CONFLICT');
      // Cid (junior) was on no plan when March closed; a plan published later does not reach back.
      const cid = (await h.team.reps.byUserId('u-cid'))?.id ?? '';
      await h.c.plans.publish({
        ...flatPlan('0.5'),
        key: 'juniors',
        appliesTo: { seniority: ['junior'] },
      });
      await h.won('u-cid', '2026-03-15', '100.00');
      expect(await h.c.statement(cid, '2026-03')).toMatchObject({
        plan: null,
        total: null,
        status: 'closed',
      });
      expect(await h.c.isClosed('2026-03')).toBe(true);
      const whatIf = await h.c.whatIf(flatPlan('0.2'), '2026-03');
      expect(
        whatIf.map((row) => [
          row.repName,
          row.current.total?.toString(),
          row.draft.total?.toString(),
        ]),
      ).toEqual([
        ['Ana', '1200.00', '2400.00'],
        ['Bob', '0.00', '0.00'],
      ]);
      const frozen = await h.c.statement(ana.id, '2026-03');
      expect(frozen).toEqual({ ...march, status: 'closed' });
      await expectError(
        h.c.setSplits('deal-won', globex.id, [{ repId: bob.id, share: '100' }]),
        'INVALID_STATE',
      );
      expect(await h.c.splitsOf('deal-won', globex.id)).toEqual([]);

      // April: Acme reopens, Globex shrinks; a deal backdated into March is paid in April.
      await h.at('2026-04-05T09:00:00Z');
      await h.deals.update(acme.id, { status: 'open' });
      await h.deals.update(globex.id, { amount: Money.of('1500', 'EUR') });
      await h.won('u-ana', '2026-03-20', '5000.00', { title: 'Late' });
      expect(await h.c.statement(ana.id, '2026-03')).toEqual(frozen);
      const april = await h.c.statement(ana.id, '2026-04');
      expect(
        april.adjustments.map((line) => [
          line.kind,
          line.recordId,
          line.creditChange.toString(),
          line.amount.toString(),
        ]),
      ).toEqual([
        ['clawback', acme.id, '-10000.00', '-1000.00'],
        ['clawback', globex.id, '-500.00', '-50.00'],
      ]);
      expect(april.credits.map((line) => [line.label, line.commission.toString()])).toEqual([
        ['Late', '500.00'],
      ]);
      expect(april.total?.toString()).toBe('-550.00');
      expect(await h.c.statement(ana.id, '2026-04')).toEqual(april);
      await h.at('2026-05-02T09:00:00Z');
      await h.c.closePeriod('2026-04');
      const clawed = (await h.seen('commission.clawedBack')) as {
        recordId: string;
        period: string;
        paidIn: string;
        amount: Money;
      }[];
      expect(
        clawed.map((event) => [
          event.recordId,
          event.period,
          event.paidIn,
          event.amount.toString(),
        ]),
      ).toEqual([
        [acme.id, '2026-04', '2026-03', '-1000.00'],
        [globex.id, '2026-04', '2026-03', '-50.00'],
      ]);
      expect(
        ((await h.seen('commission.periodClosed')) as { period: string }[]).map(
          (event) => event.period,
        ),
      ).toEqual(['2026-03', '2026-04']);

      // May: Acme is won again; the clawback is given back, the total is restored.
      await h.at('2026-05-10T09:00:00Z');
      await h.deals.update(acme.id, { status: 'won', closeDate: '2026-05-10' });
      const may = await h.c.statement(ana.id, '2026-05');
      expect(amounts(may.adjustments)).toEqual(['1000.00']);
      expect(may.adjustments[0]?.kind).toBe('credit-back');
      expect(may.credits).toEqual([]);
      const paid = [
        await h.c.statement(ana.id, '2026-03'),
        await h.c.statement(ana.id, '2026-04'),
        may,
      ];
      expect(
        Money.sum(paid.map((statement) => statement.total ?? Money.zero('EUR'))).toString(),
      ).toBe('1650.00');
    });

    it("a closed period's statements never change, whatever happens afterwards (property)", async () => {
      const op = fc.oneof(
        fc.record({ kind: fc.constant('reopen' as const), deal: fc.nat(2) }),
        fc.record({
          kind: fc.constant('amount' as const),
          deal: fc.nat(2),
          cents: fc.integer({ min: 0, max: 5_000_000 }),
        }),
        fc.record({
          kind: fc.constant('backdated' as const),
          day: fc.integer({ min: 1, max: 31 }),
        }),
        fc.record({ kind: fc.constant('plan' as const), rate: fc.integer({ min: 0, max: 30 }) }),
        fc.record({ kind: fc.constant('split' as const), deal: fc.nat(2) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
          const h = await setupCommissions(adapter.create);
          try {
            const { ana, bob } = await seedCommissionOrg(h);
            await h.c.plans.publish(flatPlan('0.1'));
            const deals = [
              await h.won('u-ana', '2026-03-03', '1000.00'),
              await h.won('u-ana', '2026-03-13', '2500.50'),
              await h.won('u-bob', '2026-03-23', '999.99'),
            ];
            await h.at('2026-04-03T09:00:00Z');
            await h.c.closePeriod('2026-03');
            const before = [
              await h.c.statement(ana.id, '2026-03'),
              await h.c.statement(bob.id, '2026-03'),
            ];
            for (const step of ops) {
              const deal = 'deal' in step ? deals[step.deal] : undefined;
              if (step.kind === 'reopen' && deal) await h.deals.update(deal.id, { status: 'open' });
              if (step.kind === 'amount' && deal)
                await h.deals.update(deal.id, { amount: Money.fromMinor(step.cents, 'EUR') });
              if (step.kind === 'backdated')
                await h.won('u-ana', `2026-03-${String(step.day).padStart(2, '0')}`, '10.00');
              if (step.kind === 'plan')
                await h.c.plans.publish(flatPlan((step.rate / 100).toFixed(2)));
              if (step.kind === 'split' && deal) {
                const refused = await h.c
                  .setSplits('deal-won', deal.id, [{ repId: bob.id, share: '100' }])
                  .then(
                    () => false,
                    (error: unknown) => isSellkitError(error, 'INVALID_STATE'),
                  );
                expect(refused).toBe(true);
              }
            }
            expect([
              await h.c.statement(ana.id, '2026-03'),
              await h.c.statement(bob.id, '2026-03'),
            ]).toEqual(before);
            expect((await h.c.statements('2026-03')).length).toBe(2);
          } finally {
            await closeCommissions();
          }
        }),
        { numRuns: 6 },
      );
    });
  });
}

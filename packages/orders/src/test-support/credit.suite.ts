import { dealWonSource } from '@sellkit/team';
import { describe, expect, it } from 'vitest';
import { orderConfirmedCredit } from '../credit/order-confirmed-credit.js';
import { type AdapterFactory, setup } from './harness.js';

const plan = (repId: string) => ({
  key: 'orders-5',
  name: 'Five per cent of confirmed orders',
  currency: 'CNY',
  periodUnit: 'month',
  appliesTo: { repIds: [repId] },
  sources: ['order-confirmed'],
  rates: { kind: 'flat', rate: '0.05' },
});

/** Confirmed orders credit commissions through team's credit-source seam. */
export function creditSuite(name: string, factory: AdapterFactory) {
  describe(`orders as a commission credit source (${name})`, () => {
    it('credits a confirmed order to its owner and claws it back when it is cancelled in a later period', async () => {
      const h = await setup(factory, {
        team: { commissions: { creditSources: [dealWonSource, orderConfirmedCredit] } },
      });
      const ria = await h.admin.team.reps.create({ userId: 'rep-1', name: 'Ria Rep' });
      const commissions = h.admin.team.commissions;
      await commissions.plans.publish(plan(ria.id));
      const { order } = await h.rep1.orders.salesOrders.create({
        companyId: h.company.id,
        lines: [{ productId: h.products.pump.id, quantity: '2' }],
      });
      await h.rep1.orders.salesOrders.confirm(order.id);
      const draft = await h.rep1.orders.salesOrders.create({
        lines: [{ productId: h.products.valve.id, quantity: '1' }],
      });

      const march = await commissions.statement(ria.id, '2026-03');
      expect(march.credits.map((line) => [line.recordId, line.commission.toString()])).toEqual([
        [order.id, '120.00'], // 5 % of 2 × 1,200.00 net
      ]);
      expect(march.credits.some((line) => line.recordId === draft.order.id)).toBe(false);

      h.clock.set(new Date('2026-04-03T09:00:00Z'));
      await commissions.closePeriod('2026-03');
      await h.rep1.orders.salesOrders.cancel(order.id);
      const april = await commissions.statement(ria.id, '2026-04');
      expect(
        april.adjustments.map((line) => [line.kind, line.recordId, line.amount.toString()]),
      ).toEqual([['clawback', order.id, '-120.00']]);
      expect(april.total?.toString()).toBe('-120.00');
      expect(await commissions.statement(ria.id, '2026-03')).toEqual({
        ...march,
        status: 'closed',
      });
    });
  });
}

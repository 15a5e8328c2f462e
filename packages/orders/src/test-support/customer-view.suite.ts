import { describe, expect, it } from 'vitest';
import type { SellkitWithOrders } from '../automation/auto-order.js';
import { autoOrderOnWin } from '../automation/auto-order.js';
import { type AdapterFactory, plain, setup } from './harness.js';

/** A company's orders, totals per tenant-calendar period, milestones, and the auto-order plugin. */
export function customerViewSuite(name: string, factory: AdapterFactory): void {
  describe(`customer view (${name})`, () => {
    it("lists a company's orders and totals them per period in the tenant calendar", async () => {
      const h = await setup(factory, { tenantSettings: { timeZone: 'Asia/Shanghai' } });
      const sales = h.rep1.orders.salesOrders;
      const make = async (date: string, quantity: string, confirm = true) => {
        const { order } = await sales.create({
          companyId: h.company.id,
          date,
          lines: [{ productId: h.products.valve.id, quantity }],
        });
        if (confirm) await sales.confirm(order.id);
        return order;
      };
      await make('2026-01-31', '2');
      await make('2026-02-01', '1');
      await make('2026-02-15', '4');
      await make('2026-02-20', '10', false);
      const cancelled = await make('2026-02-21', '3');
      await sales.cancel(cancelled.id);
      const page = await h.rep1.orders.customers.forCompany(h.company.id);
      expect(page.rows.map((order) => order.documentDate)).toEqual([
        '2026-02-21',
        '2026-02-20',
        '2026-02-15',
        '2026-02-01',
        '2026-01-31',
      ]);
      const months = await h.rep1.orders.customers.totals({ companyId: h.company.id });
      expect(months.map((row) => [row.period, row.orders, row.net.toString()])).toEqual([
        ['2026-01', 1, '71.00'],
        ['2026-02', 2, '177.50'],
      ]);
      const quarters = await h.rep1.orders.customers.totals({
        unit: 'quarter',
        from: '2026-02-01',
      });
      expect(quarters.map((row) => [row.period, row.orders])).toEqual([['2026-Q1', 2]]);
    });

    it('puts order milestones on the company timeline', async () => {
      const h = await setup(factory);
      const { order, lines } = await h.rep1.orders.salesOrders.create({
        companyId: h.company.id,
        lines: [{ productId: h.products.valve.id, quantity: '1' }],
      });
      await h.rep1.orders.salesOrders.confirm(order.id);
      await h.rep1.orders.salesOrders.ship(order.id, {
        lines: [{ lineId: lines[0]?.id ?? '', quantity: '1' }],
      });
      const timeline = await h.rep1.customers.interactions.companyTimeline(h.company.id);
      expect(timeline.rows.map((entry) => entry.subject).sort()).toEqual([
        `Order ${order.number} confirmed`,
        `Order ${order.number} shipped`,
      ]);
    });

    it('makes one order per won deal when the host adds the plugin', async () => {
      const made: string[] = [];
      let crm: SellkitWithOrders | undefined;
      const h = await setup(factory, {
        plugins: [
          autoOrderOnWin({
            sellkit: () => {
              if (!crm) throw new Error('not ready');
              return crm;
            },
            onOrder: (order) => made.push(order.number),
          }),
        ],
      });
      crm = h.crm;
      const deal = await h.rep1.pipeline.opportunities.create({
        title: 'Cancity pumps',
        companyId: h.company.id,
        lines: [
          {
            productId: h.products.pump.id,
            quantity: '2',
            unitPrice: { amount: '1150', currency: 'CNY' },
          },
        ],
      });
      await h.rep1.pipeline.opportunities.win(deal.id, { closeDate: '2026-03-02' });
      await h.crm.events.idle();
      expect(made).toEqual(['SO-000001']);
      const { order, lines } = await h.admin.orders.salesOrders.fromOpportunity(deal.id);
      expect(order.number).toBe('SO-000001');
      expect(order.source).toBe('opportunity');
      expect(order.ownerId).toBe('rep-1');
      expect(order.documentDate).toBe('2026-03-02');
      expect(lines.map((line) => [plain(line.quantity), plain(line.unitPrice)])).toEqual([
        ['2', '1150'],
      ]);
      expect(await h.admin.orders.salesOrders.count()).toBe(1);
    });
  });
}

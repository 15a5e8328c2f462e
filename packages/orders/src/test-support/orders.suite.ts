import { Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { type AdapterFactory, expectCode, plain, setup } from './harness.js';

/** Orders from scratch: pricing, numbering, addresses, and bad input that writes nothing. */
export function ordersSuite(name: string, factory: AdapterFactory): void {
  describe(`orders (${name})`, () => {
    it('creates a draft priced from the catalog, numbered, with the company addresses', async () => {
      const h = await setup(factory);
      const { order, lines } = await h.rep1.orders.salesOrders.create({
        companyId: h.company.id,
        lines: [
          { productId: h.products.pump.id, quantity: '2' },
          { productId: h.products.valve.id, quantity: '3', discount: { percent: '10' } },
          { kind: 'shipping', description: 'Freight', quantity: '1', unitPrice: '80' },
        ],
      });
      expect(order.number).toBe('SO-000001');
      expect(order.status).toBe('draft');
      expect(order.ownerId).toBe('rep-1');
      expect(order.jurisdiction).toBe('CN');
      expect(order.shippingAddress?.city).toBe('天津');
      expect(order.billingAddress?.city).toBe('北京');
      expect(lines.map((line) => line.net.toString())).toEqual(['2400.00', '95.85', '80.00']);
      expect(order.net.equals(Money.sum(lines.map((line) => line.net)))).toBe(true);
      expect(order.gross.toString()).toBe('2575.85');
      const again = await h.rep1.orders.salesOrders.create({
        lines: [{ productId: h.products.valve.id, quantity: '1' }],
      });
      expect(again.order.number).toBe('SO-000002');
      expect(await h.rep1.orders.salesOrders.lines(order.id)).toHaveLength(3);
    });

    it('keeps unit prices finer than the currency and rounds line totals half-even', async () => {
      const h = await setup(factory);
      const { order, lines } = await h.rep1.orders.salesOrders.create({
        lines: [{ description: 'Bolt', kind: 'charge', quantity: '1000', unitPrice: '0.0045' }],
      });
      expect(plain(lines[0]?.unitPrice)).toBe('0.0045');
      expect(order.net.toString()).toBe('4.50');
    });

    it('applies an order-level discount over the product lines without losing a cent', async () => {
      const h = await setup(factory);
      const { order, lines } = await h.rep1.orders.salesOrders.create({
        documentDiscount: { amount: '100' },
        lines: [
          { productId: h.products.valve.id, quantity: '1' },
          { productId: h.products.valve.id, quantity: '1' },
          { productId: h.products.valve.id, quantity: '1' },
          { kind: 'charge', description: 'Handling', quantity: '1', unitPrice: '10' },
        ],
      });
      expect(order.discount.toString()).toBe('100.00');
      expect(lines[3]?.discount.isZero()).toBe(true);
      expect(Money.sum(lines.map((line) => line.discount)).toString()).toBe('100.00');
      expect(order.net.toString()).toBe('16.50');
    });

    it('refuses bad input with a SellkitError and writes nothing', async () => {
      const h = await setup(factory);
      const sales = h.rep1.orders.salesOrders;
      const pump = h.products.pump.id;
      await expectCode(
        sales.create({ lines: [{ productId: pump, quantity: '-1' }] }),
        'VALIDATION_FAILED',
        'lines.0.quantity',
      );
      await expectCode(
        sales.create({ lines: [{ productId: pump, quantity: '0' }] }),
        'VALIDATION_FAILED',
        'lines.0.quantity',
      );
      await expectCode(
        sales.create({ lines: [{ productId: pump, quantity: '1', discount: { percent: '120' } }] }),
        'VALIDATION_FAILED',
        'lines.0.discount.percent',
      );
      await expectCode(
        sales.create({
          documentDiscount: { percent: '100.5' },
          lines: [{ productId: pump, quantity: '1' }],
        }),
        'VALIDATION_FAILED',
        'documentDiscount.percent',
      );
      await expectCode(
        sales.create({ lines: [{ productId: h.products.old.id, quantity: '1' }] }),
        'VALIDATION_FAILED',
        'lines.0.productId',
      );
      await expectCode(
        sales.create({ currency: 'USD', lines: [{ productId: pump, quantity: '1' }] }),
        'CURRENCY_MISMATCH',
      );
      await expectCode(sales.create({ lines: [] }), 'VALIDATION_FAILED', 'lines');
      await expectCode(
        sales.create({ lines: [{ quantity: '1' }] }),
        'VALIDATION_FAILED',
        'lines.0.productId',
      );
      await expectCode(
        sales.create({ lines: [{ productId: pump, quantity: '1e3' }] }),
        'VALIDATION_FAILED',
        'lines.0.quantity',
      );
      expect(await h.admin.orders.salesOrders.count()).toBe(0);
    });

    it('lets only the owner and their managers see an order', async () => {
      const h = await setup(factory);
      const { order } = await h.rep1.orders.salesOrders.create({
        lines: [{ productId: h.products.valve.id, quantity: '1' }],
      });
      await expectCode(h.rep2.orders.salesOrders.get(order.id), 'FORBIDDEN');
      expect((await h.manager.orders.salesOrders.get(order.id)).id).toBe(order.id);
      expect((await h.rep2.orders.salesOrders.find()).rows).toEqual([]);
    });

    it('changes a draft and prices it again; a confirmed order no longer changes', async () => {
      const h = await setup(factory);
      const { order } = await h.rep1.orders.salesOrders.create({
        lines: [{ productId: h.products.valve.id, quantity: '1' }],
      });
      const changed = await h.rep1.orders.salesOrders.update(order.id, {
        lines: [{ productId: h.products.valve.id, quantity: '4' }],
      });
      expect(changed.order.net.toString()).toBe('142.00');
      expect(changed.lines).toHaveLength(1);
      await h.rep1.orders.salesOrders.confirm(order.id);
      await expectCode(
        h.rep1.orders.salesOrders.update(order.id, { notes: 'late change' }),
        'INVALID_TRANSITION',
      );
    });
  });
}

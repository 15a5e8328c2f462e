import { Money } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { TaxRounding } from '../pricing/pricing-types.js';
import { type AdapterFactory, expectCode, setup } from './harness.js';

async function taxed(factory: AdapterFactory, taxRounding: TaxRounding) {
  const h = await setup(factory, { orders: { taxRounding } });
  const standard = await h.admin.catalog.taxes.getCategory('standard');
  const reduced = await h.admin.catalog.taxes.getCategory('reduced');
  const widget = await h.admin.catalog.products.create({
    name: 'Widget W-1',
    sku: 'W-1',
    listPrice: Money.of('0.99', 'CNY'),
    taxCategoryId: standard.id,
  });
  return { ...h, standard, reduced, widget };
}

/** Taxes from the catalog's categories and rates, rounded per line or per document. */
export function taxesSuite(name: string, factory: AdapterFactory): void {
  describe(`taxes (${name})`, () => {
    it('rounds each line under per-line and the rate group under per-document', async () => {
      const lines = (widget: string) => [
        { productId: widget, quantity: '1' },
        { productId: widget, quantity: '1' },
        { productId: widget, quantity: '1' },
      ];
      const perLine = await taxed(factory, 'per-line');
      const a = await perLine.rep1.orders.salesOrders.create({ lines: lines(perLine.widget.id) });
      // 0.99 × 13 % = 0.1287 → 0.13 per line, 0.39 in all.
      expect(a.lines.map((line) => line.tax.toString())).toEqual(['0.13', '0.13', '0.13']);
      expect(a.order.tax.toString()).toBe('0.39');
      const perDocument = await taxed(factory, 'per-document');
      const b = await perDocument.rep1.orders.salesOrders.create({
        lines: lines(perDocument.widget.id),
      });
      // 2.97 × 13 % = 0.3861 → 0.39 once, allocated so that the lines still add up.
      expect(b.order.tax.toString()).toBe('0.39');
      expect(b.order.taxRounding).toBe('per-document');
      for (const order of [a, b]) {
        expect(order.order.tax.equals(Money.sum(order.lines.map((line) => line.tax)))).toBe(true);
        expect(order.order.gross.equals(order.order.net.add(order.order.tax))).toBe(true);
        expect(order.order.taxSummary).toEqual([
          {
            categoryId: expect.any(String),
            rate: '0.13',
            treatment: 'standard',
            base: '2.97',
            tax: '0.39',
          },
        ]);
      }
    });

    it('takes the rate of the order date, per line category, and overrides per line', async () => {
      const h = await taxed(factory, 'per-line');
      const { order, lines } = await h.rep1.orders.salesOrders.create({
        date: '2019-03-15',
        lines: [
          { productId: h.widget.id, quantity: '100' },
          { productId: h.widget.id, quantity: '100', taxCategoryId: h.reduced.id },
          { productId: h.widget.id, quantity: '100', taxCategoryId: null },
        ],
      });
      expect(lines.map((line) => [line.taxRate, line.tax.toString()])).toEqual([
        [expect.stringMatching(/^0\.160*$/), '15.84'],
        [expect.stringMatching(/^0\.10*$/), '9.90'],
        [expect.stringMatching(/^0(\.0*)?$/), '0.00'],
      ]);
      expect(order.tax.toString()).toBe('25.74');
    });

    it('refuses a tax category without a rate on the order date, and a list in another currency', async () => {
      const h = await taxed(factory, 'per-line');
      await expectCode(
        h.rep1.orders.salesOrders.create({
          date: '2017-06-01',
          lines: [{ productId: h.widget.id, quantity: '1' }],
        }),
        'VALIDATION_FAILED',
        'lines.0.taxCategoryId',
      );
      const usd = await h.admin.catalog.priceLists.create({ name: 'US dealers', currency: 'USD' });
      await h.admin.catalog.priceLists.addItems(usd.id, [
        { productId: h.widget.id, unitPrice: '0.15' },
      ]);
      const refused = await h.rep1.orders.salesOrders
        .create({ priceListId: usd.id, lines: [{ productId: h.widget.id, quantity: '1' }] })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ name: 'SellkitError' });
      expect(await h.admin.orders.salesOrders.count()).toBe(0);
    });

    it('prices from a tax-inclusive list: the gross is the list price', async () => {
      const h = await taxed(factory, 'per-line');
      const retail = await h.admin.catalog.priceLists.create({
        name: 'Retail',
        currency: 'CNY',
        pricesIncludeTax: true,
      });
      await h.admin.catalog.priceLists.addItems(retail.id, [
        { productId: h.widget.id, unitPrice: '1.13' },
      ]);
      const { order } = await h.rep1.orders.salesOrders.create({
        priceListId: retail.id,
        lines: [{ productId: h.widget.id, quantity: '10' }],
      });
      expect(order.pricesIncludeTax).toBe(true);
      expect([order.net.toString(), order.tax.toString(), order.gross.toString()]).toEqual([
        '10.00',
        '1.30',
        '11.30',
      ]);
    });
  });
}

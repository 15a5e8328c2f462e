import { Money, memory, toDecimal } from '@sellkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentLineInput } from '../documents/document-input.js';
import type { TaxRounding } from '../pricing/pricing-types.js';
import { setup } from '../test-support/harness.js';

const CATEGORIES = ['standard', 'reduced', 'services', 'zero-rated', 'exempt', null] as const;

const decimal = (maxInt: number, scale: number, min = 0) =>
  fc.integer({ min, max: maxInt * 10 ** scale }).map((units) =>
    toDecimal(units)
      .dividedBy(10 ** scale)
      .toFixed(),
  );

const lineArb = fc.record({
  kind: fc.constantFrom('product', 'product', 'shipping', 'charge'),
  quantity: decimal(500, 3, 1),
  unitPrice: decimal(5000, 4),
  percent: fc.option(decimal(100, 2), { nil: undefined }),
  category: fc.constantFrom(...CATEGORIES),
});

describe.each<TaxRounding>(['per-line', 'per-document'])(
  'random orders, %s tax (memory)',
  (rounding) => {
    it('totals equal the sum of lines and taxes; no amount is a float', async () => {
      const h = await setup(() => memory(), { orders: { taxRounding: rounding } });
      const ids = new Map<string, string>();
      for (const code of CATEGORIES) {
        if (code) ids.set(code, (await h.admin.catalog.taxes.getCategory(code)).id);
      }
      const sales = h.rep1.orders.salesOrders;
      await fc.assert(
        fc.asyncProperty(
          fc.array(lineArb, { minLength: 1, maxLength: 6 }),
          fc.option(decimal(30, 1), { nil: undefined }),
          async (raw, documentPercent) => {
            const lines: DocumentLineInput[] = raw.map((line, index) => ({
              kind: line.kind,
              description: `line ${index}`,
              quantity: line.quantity,
              unitPrice: line.unitPrice,
              taxCategoryId: line.category ? (ids.get(line.category) ?? null) : null,
              ...(line.percent !== undefined ? { discount: { percent: line.percent } } : {}),
            }));
            const made = await sales.create({
              date: '2026-03-02',
              lines,
              ...(documentPercent !== undefined
                ? { documentDiscount: { percent: documentPercent } }
                : {}),
            });
            expect(made.order.taxRounding).toBe(rounding);
            const order = await sales.get(made.order.id);
            const stored = await sales.lines(order.id);
            const sum = (pick: (line: (typeof stored)[number]) => Money) =>
              Money.sum(stored.map(pick), 'CNY');
            expect(order.subtotal.equals(sum((line) => line.subtotal))).toBe(true);
            expect(order.discount.equals(sum((line) => line.discount))).toBe(true);
            expect(order.net.equals(sum((line) => line.net))).toBe(true);
            expect(order.tax.equals(sum((line) => line.tax))).toBe(true);
            expect(order.gross.equals(order.net.add(order.tax))).toBe(true);
            for (const line of stored) {
              expect(line.gross.equals(line.net.add(line.tax))).toBe(true);
              for (const amount of [line.subtotal, line.discount, line.net, line.tax, line.gross]) {
                expect(amount).toBeInstanceOf(Money);
              }
              expect(typeof line.quantity).toBe('string');
              expect(typeof line.unitPrice).toBe('string');
            }
            const summaryTax = order.taxSummary.reduce(
              (total, row) => total.plus(row.tax),
              toDecimal(0),
            );
            expect(summaryTax.equals(order.tax.toDecimal())).toBe(true);
            for (const row of order.taxSummary) {
              expect([typeof row.base, typeof row.tax, typeof row.rate]).toEqual([
                'string',
                'string',
                'string',
              ]);
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  },
);

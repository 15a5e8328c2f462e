import { Money, memory } from '@sellkit/core';
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setup } from '../test-support/harness.js';

const Decimal = DecimalJs.clone({ precision: 60 });

const line = fc.record({
  quantity: fc
    .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 9999 }))
    .filter(([whole, fraction]) => whole > 0 || fraction > 0)
    .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(4, '0')}`),
  cents: fc.integer({ min: 0, max: 100_000_000 }),
  product: fc.constantFrom('GTX Pro', 'MG Special', 'GTK 500'),
});

describe('money on opportunity lines', () => {
  it('amount = quantity × unit price rounded half-even, total = sum of lines, exactly', async () => {
    const { rep1 } = await setup(() => memory());
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 6 }), async (lines) => {
        const deal = await rep1.pipeline.opportunities.create({
          title: 'Property',
          lines: lines.map((item) => ({
            product: item.product,
            quantity: item.quantity,
            unitPrice: Money.fromMinor(item.cents, 'USD'),
          })),
        });
        let total = new Decimal(0);
        const stored = await rep1.pipeline.opportunities.lines(deal.id);
        lines.forEach((item, index) => {
          const amount = new Decimal(item.cents)
            .div(100)
            .times(item.quantity)
            .toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
          total = total.plus(amount);
          expect(stored[index]?.amount.toString()).toBe(amount.toFixed(2));
        });
        expect(deal.amount?.toString()).toBe(total.toFixed(2));
        expect(deal.amount?.currency).toBe('USD');
      }),
      { numRuns: 60 },
    );
  });
});

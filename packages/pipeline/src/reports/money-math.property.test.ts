import { divideRounded, Money } from '@sellkit/core';
import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedAccumulator } from './money-math.js';

// Wide enough that the oracle itself never rounds.
const Decimal = DecimalJs.clone({ precision: 80 });

describe('weighted pipeline arithmetic', () => {
  it('the half-even bigint division it relies on agrees with decimal.js', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          const expected = new Decimal(n.toString())
            .div(d.toString())
            .toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN)
            .toFixed(0);
          expect(divideRounded(n, d, 'half-even').toString()).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('sums amount × percent exactly and rounds once', () => {
    const deal = fc.record({
      cents: fc.integer({ min: 0, max: 10_000_000_000 }),
      percent: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 50 }), (deals) => {
        const accumulator = weightedAccumulator();
        let exact = new Decimal(0);
        for (const item of deals) {
          const amount = Money.fromMinor(item.cents, 'USD');
          accumulator.add(amount, item.percent);
          exact = exact.plus(new Decimal(item.cents).div(100).times(item.percent).div(100));
        }
        const result = accumulator.result();
        if (deals.length === 0) expect(result).toEqual([]);
        else
          expect(result.map(String)).toEqual([
            exact.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2),
          ]);
      }),
      { numRuns: 1000 },
    );
  });
});

import { toDecimal } from '@sellkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateExact } from './allocate.js';

describe('allocateExact', () => {
  it('splits a total exactly: the parts sum to it, each within one unit of its fair share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.constantFrom(0, 2, 4),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }),
        (units, scale, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const total = toDecimal(units.toString())
            .div(10 ** scale)
            .toFixed(scale);
          const parts = allocateExact(total, weights.map(String), scale);
          const sum = parts.reduce((acc, part) => acc.plus(toDecimal(part)), toDecimal(0));
          expect(sum.toFixed(scale)).toBe(total);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          const unit = toDecimal(1).div(10 ** scale);
          parts.forEach((part, index) => {
            expect(toDecimal(part).decimalPlaces()).toBeLessThanOrEqual(scale);
            const fair = toDecimal(total)
              .times(weights[index] ?? 0)
              .div(weightSum);
            expect(toDecimal(part).minus(fair).abs().lt(unit)).toBe(true);
            if (weights[index] === 0) expect(toDecimal(part).isZero()).toBe(true);
          });
        },
      ),
    );
  });

  it('refuses a total with more decimals than the scale, and weights that are all zero', () => {
    expect(() => allocateExact('1.005', ['1'], 2)).toThrow(/at most 2 decimals/);
    expect(() => allocateExact('1', ['0', '0'], 2)).toThrow(/weight above 0/);
  });
});

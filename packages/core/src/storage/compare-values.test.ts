import { Buffer } from 'node:buffer';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimalStrings, compareText } from './compare-values.js';

const sign = (value: number) => Math.sign(value);

describe('compareText', () => {
  it('orders by code point like UTF-8 bytes, not by UTF-16 units', () => {
    expect(compareText('\uFFFD', '😀')).toBe(-1);
    expect('\uFFFD' < '😀').toBe(false); // what plain JavaScript would say
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(sign(compareText(a, b))).toBe(sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compareDecimalStrings', () => {
  const decimal = fc
    .tuple(
      fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([units, scale, padding]) => {
      const text = new Decimal(units.toString()).dividedBy(10 ** scale).toFixed(scale + padding);
      return text;
    });

  it('agrees with decimal.js on any pair, whatever the scales', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(sign(compareDecimalStrings(a, b))).toBe(new Decimal(a).comparedTo(new Decimal(b)));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['5', '5.00', 0],
    ['-0.00', '0', 0],
    ['007.5', '7.50', 0],
    ['-1.5', '-1.25', -1],
    ['10', '9.99', 1],
    ['0.01', '-0.01', 1],
    ['-0.012', '-0.0120', 0],
  ])('%s vs %s', (a, b, expected) => {
    expect(sign(compareDecimalStrings(a, b))).toBe(expected);
  });
});

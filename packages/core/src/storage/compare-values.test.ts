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
  // Written from digits, not by decimal.js: signs ('-', '+', '-0'), leading zeros and trailing
  // zeros (so scales differ) in any combination, each paired with its exact value as an integer
  // count of 10^-12 (no generated scale exceeds 12).
  const SCALE = 12;
  const decimal = fc
    .record({
      units: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
      scale: fc.integer({ min: 0, max: 6 }),
      trailing: fc.integer({ min: 0, max: 3 }),
      leading: fc.integer({ min: 0, max: 2 }),
      plus: fc.boolean(),
    })
    .map(({ units, scale, trailing, leading, plus }) => {
      const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
      const whole = '0'.repeat(leading) + digits.slice(0, digits.length - scale);
      const fraction = digits.slice(digits.length - scale) + '0'.repeat(trailing);
      const sign = units < 0n ? '-' : plus ? '+' : '';
      const text = fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
      return { text, scaled: units * 10n ** BigInt(SCALE - scale) };
    });
  const negativeZero = fc.constantFrom(
    { text: '-0', scaled: 0n },
    { text: '-0.000', scaled: 0n },
    { text: '+00.0', scaled: 0n },
  );
  const anyDecimal = fc.oneof(
    { weight: 9, arbitrary: decimal },
    { weight: 1, arbitrary: negativeZero },
  );
  const bigintOrder = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

  it('agrees with BigInt arithmetic on scaled integers, whatever the scales, signs and padding', () => {
    fc.assert(
      fc.property(anyDecimal, anyDecimal, (a, b) => {
        expect(sign(compareDecimalStrings(a.text, b.text))).toBe(bigintOrder(a.scaled, b.scaled));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with decimal.js too', () => {
    fc.assert(
      fc.property(anyDecimal, anyDecimal, (a, b) => {
        expect(sign(compareDecimalStrings(a.text, b.text))).toBe(
          new Decimal(a.text).comparedTo(new Decimal(b.text)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('is a total order: antisymmetric, and equal strings of one value compare as 0', () => {
    fc.assert(
      fc.property(anyDecimal, anyDecimal, (a, b) => {
        expect(sign(compareDecimalStrings(a.text, b.text))).toBe(
          -sign(compareDecimalStrings(b.text, a.text)) || 0,
        );
      }),
      { numRuns: 1000 },
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals, inPeriod, periodsOverlap, trimDecimal } from '../shared/checks.js';
import { bestItem } from './price-for.js';

const runs = { numRuns: 300 };
/** A decimal string and its exact value in millionths. */
const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => {
    const digits = units.toString().padStart(scale + 1, '0');
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return { text, millionths: units * 10n ** BigInt(6 - scale) };
  });
const day = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const period = fc
  .tuple(fc.option(day, { nil: null }), fc.option(day, { nil: null }))
  .map(
    ([a, b]) =>
      (a !== null && b !== null && b < a ? [b, a] : [a, b]) as [string | null, string | null],
  );

describe('price list rules', () => {
  it('compares decimal strings exactly, whatever their scale', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const expected = a.millionths === b.millionths ? 0 : a.millionths < b.millionths ? -1 : 1;
        expect(compareDecimals(a.text, b.text)).toBe(expected);
        expect(compareDecimals(trimDecimal(a.text), a.text)).toBe(0);
        expect(compareDecimals(trimDecimal(a.text, 2), a.text)).toBe(0);
      }),
      runs,
    );
  });

  it('two periods overlap exactly when some day lies in both', () => {
    fc.assert(
      fc.property(period, period, fc.array(day, { maxLength: 20 }), ([a1, a2], [b1, b2], days) => {
        const overlap = periodsOverlap(a1, a2, b1, b2);
        // any day in both proves an overlap
        for (const on of days) {
          if (inPeriod(on, a1, a2) && inPeriod(on, b1, b2)) expect(overlap).toBe(true);
        }
        // the later start, or with no start the earlier end, lies in both when they overlap
        const starts = [a1, b1].filter((start): start is string => start !== null).sort();
        const ends = [a2, b2].filter((end): end is string => end !== null).sort();
        const witness = starts.at(-1) ?? ends[0] ?? '2020-01-01';
        expect(overlap).toBe(inPeriod(witness, a1, a2) && inPeriod(witness, b1, b2));
      }),
      runs,
    );
  });

  it('a quantity break applies from its minimum quantity on: the highest minimum not above the quantity', () => {
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 8 }), decimal, day, (minimums, quantity, on) => {
        const items = minimums.map((minimum) => ({
          minQuantity: minimum.text,
          validFrom: null,
          validTo: null,
        }));
        const chosen = bestItem(items, quantity.text, on);
        const eligible = minimums.filter((minimum) => minimum.millionths <= quantity.millionths);
        if (eligible.length === 0) {
          expect(chosen).toBeUndefined();
          return;
        }
        const highest = eligible.reduce((a, b) => (b.millionths > a.millionths ? b : a));
        expect(chosen && compareDecimals(chosen.minQuantity, highest.text)).toBe(0);
      }),
      runs,
    );
  });
});

import type { ColumnLayout } from '@sellkit/core/driver';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromScaled } from '../values/decimal.js';
import { combineSlices, slicesOf, sqliteDecimalCodec, storableUnits } from './sqlite-decimal.js';

const column = (precision: number, scale: number): ColumnLayout => ({
  name: 'amount',
  path: 'amount',
  type: 'decimal',
  nullable: true,
  precision,
  scale,
  system: false,
});

/** What SQLite computes for one slice: SUM(CAST(substr(value, start, length) AS INTEGER)). */
function sliceSum(stored: readonly string[], start: number, length: number): bigint {
  return stored.reduce(
    (total, value) => total + BigInt(value.slice(start - 1, start - 1 + length)),
    0n,
  );
}

describe('SQLite decimal storage', () => {
  it('stores narrow columns as integers and wide ones as fixed-width text in numeric order', () => {
    const narrow = column(18, 2);
    expect(sqliteDecimalCodec(narrow).encode('-12.50', narrow)).toBe(-1250);
    expect(sqliteDecimalCodec(narrow).encode('9999999999999999.99', narrow)).toBe(
      999999999999999999n,
    );
    const wide = column(24, 4);
    const codec = sqliteDecimalCodec(wide);
    const values = [
      '-99999999999999999999.9999',
      '-0.0001',
      '0.0000',
      '0.0001',
      '12.5000',
      '99999999999999999999.9999',
    ];
    const stored = values.map((value) => codec.encode(value, wide) as string);
    expect(stored.every((text) => text.length === 25)).toBe(true);
    expect([...stored].sort()).toEqual(stored);
    expect(stored.map((text) => codec.read(text))).toEqual(values);
  });

  it('encodes the same through the fast path and the general one', () => {
    for (const [precision, scale] of [
      [12, 2],
      [18, 4],
      [24, 4],
      [38, 12],
    ] as const) {
      const layout = column(precision, scale);
      const codec = sqliteDecimalCodec(layout);
      const limit = 10n ** BigInt(Math.min(precision, 18)) - 1n;
      fc.assert(
        fc.property(fc.bigInt({ min: -limit, max: limit }), (units) => {
          const text = fromScaled(units, scale);
          const fast = codec.encode(text, layout);
          const slow = storableUnits(layout, text);
          expect(typeof fast === 'number' ? BigInt(fast) : fast).toEqual(slow);
          expect(codec.read(typeof fast === 'string' ? fast : String(fast))).toBe(text);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('adds wide values exactly from fast and safe slices', () => {
    const layout = column(24, 4);
    const codec = sqliteDecimalCodec(layout);
    const limit = 10n ** 24n - 1n;
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -limit, max: limit }), { minLength: 1, maxLength: 60 }),
        (units) => {
          const stored = units.map((unit) => codec.store(unit) as string);
          const expected = fromScaled(
            units.reduce((total, unit) => total + unit, 0n),
            4,
          );
          for (const safe of [false, true]) {
            const sums = slicesOf(codec, safe).map((slice) =>
              sliceSum(stored, slice.start, slice.length),
            );
            expect(combineSlices(codec, safe, units.length, sums)).toBe(expected);
          }
        },
      ),
    );
    expect(slicesOf(codec, false).map((slice) => slice.length)).toEqual([13, 12]);
    expect(combineSlices(codec, false, 0, [null, null])).toBeNull();
  });

  it('refuses values outside a column’s range and digits beyond its scale', () => {
    const wide = column(24, 4);
    expect(() => storableUnits(wide, '100000000000000000000.0000')).toThrow(/outside/);
    expect(() => storableUnits(wide, '1.00001')).toThrow(/decimals/);
    const narrow = column(18, 2);
    expect(() => storableUnits(narrow, '92233720368547758.08')).toThrow(/outside/);
  });
});

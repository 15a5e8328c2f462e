import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, fromScaled, toScaled } from './decimal.js';

describe('scaled decimals', () => {
  it('reads decimals as exact scaled integers', () => {
    expect(toScaled('12.34', 2)).toEqual({ units: 1234n, exact: true });
    expect(toScaled('-0.05', 4)).toEqual({ units: -500n, exact: true });
    expect(toScaled('7', 3)).toEqual({ units: 7000n, exact: true });
    expect(toScaled('1.2300', 2)).toEqual({ units: 123n, exact: true });
    expect(toScaled(42, 2)).toEqual({ units: 4200n, exact: true });
    expect(toScaled(5n, 1)).toEqual({ units: 50n, exact: true });
  });

  it('floors values with more digits than the scale and says so', () => {
    expect(toScaled('1.005', 2)).toEqual({ units: 100n, exact: false });
    expect(toScaled('-1.005', 2)).toEqual({ units: -101n, exact: false });
  });

  it('writes canonical strings with exactly the scale digits', () => {
    expect(fromScaled('1234', 2)).toBe('12.34');
    expect(fromScaled(-5, 4)).toBe('-0.0005');
    expect(fromScaled(0n, 2)).toBe('0.00');
    expect(fromScaled('-0', 2)).toBe('0.00');
    expect(fromScaled('-12', 0)).toBe('-12');
    expect(canonicalDecimal('3.5', 4)).toBe('3.5000');
  });

  it('rejects what is not a decimal', () => {
    for (const bad of ['', 'abc', '1e5', '1.2.3', ' - 1', Number.NaN, 1.5, null]) {
      expect(() => toScaled(bad, 2)).toThrow(/decimal/);
    }
  });

  it('round-trips any decimal of any scale without a float', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 12 }),
        (units, scale) => {
          const text = fromScaled(units, scale);
          expect(toScaled(text, scale)).toEqual({ units, exact: true });
          expect(fromScaled(toScaled(text, scale).units, scale)).toBe(text);
        },
      ),
    );
  });

  it('keeps order: comparing scaled integers compares the decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        (a, b) => {
          const [x, y] = [fromScaled(a, 4), fromScaled(b, 4)];
          expect(toScaled(x, 4).units < toScaled(y, 4).units).toBe(a < b);
        },
      ),
    );
  });
});

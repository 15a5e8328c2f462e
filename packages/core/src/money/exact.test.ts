import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isSellkitError } from '../errors/sellkit-error.js';
import { checkRounding, divideRounded, type RoundingMode, toScaledInteger } from './exact.js';

describe('divideRounded', () => {
  // numerator / denominator for: 7/2 = 3.5, -7/2 = -3.5, 5/2 = 2.5, 7/3 = 2.33, -8/3 = -2.67
  const cases: Array<[bigint, bigint, Record<RoundingMode, bigint>]> = [
    [
      7n,
      2n,
      { 'half-even': 4n, 'half-up': 4n, 'half-down': 3n, up: 4n, down: 3n, ceil: 4n, floor: 3n },
    ],
    [
      -7n,
      2n,
      {
        'half-even': -4n,
        'half-up': -4n,
        'half-down': -3n,
        up: -4n,
        down: -3n,
        ceil: -3n,
        floor: -4n,
      },
    ],
    [
      5n,
      2n,
      { 'half-even': 2n, 'half-up': 3n, 'half-down': 2n, up: 3n, down: 2n, ceil: 3n, floor: 2n },
    ],
    [
      7n,
      3n,
      { 'half-even': 2n, 'half-up': 2n, 'half-down': 2n, up: 3n, down: 2n, ceil: 3n, floor: 2n },
    ],
    [
      -8n,
      3n,
      {
        'half-even': -3n,
        'half-up': -3n,
        'half-down': -3n,
        up: -3n,
        down: -2n,
        ceil: -2n,
        floor: -3n,
      },
    ],
    [
      6n,
      3n,
      { 'half-even': 2n, 'half-up': 2n, 'half-down': 2n, up: 2n, down: 2n, ceil: 2n, floor: 2n },
    ],
  ];

  it.each(cases)('%s / %s', (numerator, denominator, expected) => {
    for (const [mode, result] of Object.entries(expected) as Array<[RoundingMode, bigint]>) {
      expect(divideRounded(numerator, denominator, mode)).toBe(result);
      // A negative denominator is the same ratio as a negated numerator.
      expect(divideRounded(-numerator, -denominator, mode)).toBe(result);
    }
  });

  it('refuses a zero denominator with VALIDATION_FAILED', () => {
    let thrown: unknown;
    try {
      divideRounded(1n, 0n, 'half-even');
    } catch (error) {
      thrown = error;
    }
    expect(isSellkitError(thrown, 'VALIDATION_FAILED')).toBe(true);
  });
});

describe('checkRounding', () => {
  it('accepts the seven modes and refuses anything else', () => {
    expect(checkRounding('half-up')).toBe('half-up');
    for (const bad of ['HALF-UP', 'nearest', '', 3, null, undefined, 'constructor']) {
      expect(() => checkRounding(bad)).toThrowError(/must be one of/);
    }
  });
});

describe('toScaledInteger', () => {
  it('keeps every digit', () => {
    expect(toScaledInteger(new Decimal('12.345'))).toEqual({ units: 12345n, scale: 3 });
    expect(toScaledInteger(new Decimal('-0.001'))).toEqual({ units: -1n, scale: 3 });
    expect(toScaledInteger(new Decimal('1e30'))).toEqual({ units: 10n ** 30n, scale: 0 });
    expect(toScaledInteger(new Decimal('1e-30'))).toEqual({ units: 1n, scale: 30 });
  });
});

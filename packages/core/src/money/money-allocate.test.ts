import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { expectIssue } from '../errors/test-support/expect-issue.js';
import { type DecimalInput, Money } from './money.js';

const strings = (parts: readonly Money[]) => parts.map((part) => part.toString());

describe('Money#allocate', () => {
  it.each<[string, string, DecimalInput[], string[]]>([
    ['EUR', '100', [1, 1, 1], ['33.34', '33.33', '33.33']],
    ['EUR', '64.97', [1, 1, 1], ['21.66', '21.66', '21.65']],
    ['EUR', '0.05', [1, 1], ['0.03', '0.02']],
    ['EUR', '0.01', [1, 1, 1], ['0.01', '0.00', '0.00']],
    ['EUR', '0.02', [1, 1, 1], ['0.01', '0.01', '0.00']],
    ['EUR', '100', [70, 20, 10], ['70.00', '20.00', '10.00']],
    ['EUR', '10', [1, 2], ['3.33', '6.67']],
    ['EUR', '0', [1, 2, 3], ['0.00', '0.00', '0.00']],
    ['EUR', '100', [5], ['100.00']],
    ['JPY', '100', [1, 1, 1], ['34', '33', '33']],
    ['KWD', '1', [1, 1, 1], ['0.334', '0.333', '0.333']],
  ])('%s %s by %j', (currency, amount, ratios, expected) => {
    expect(strings(Money.of(amount, currency).allocate(ratios))).toEqual(expected);
  });

  it('splits negative amounts symmetrically', () => {
    expect(strings(Money.of('-100', 'EUR').allocate([1, 1, 1]))).toEqual([
      '-33.34',
      '-33.33',
      '-33.33',
    ]);
    expect(strings(Money.of('-0.05', 'EUR').allocate([1, 1]))).toEqual(['-0.03', '-0.02']);
  });

  it('gives nothing to zero ratios', () => {
    expect(strings(Money.of('100', 'EUR').allocate([1, 0, 1]))).toEqual(['50.00', '0.00', '50.00']);
    expect(strings(Money.of('0.01', 'EUR').allocate([0, 1, 0]))).toEqual(['0.00', '0.01', '0.00']);
    expect(strings(Money.of('0.03', 'EUR').allocate(['0', 1, '0.00', 2]))).toEqual([
      '0.00',
      '0.01',
      '0.00',
      '0.02',
    ]);
  });

  it('accepts ratios as decimal strings, bigints and decimal.js values', () => {
    expect(strings(Money.of('100', 'EUR').allocate(['0.7', '0.2', '0.1']))).toEqual([
      '70.00',
      '20.00',
      '10.00',
    ]);
    expect(strings(Money.of('10', 'EUR').allocate(['1.5', '1']))).toEqual(['6.00', '4.00']);
    expect(strings(Money.of('1', 'EUR').allocate(['0.333', '0.333', '0.334']))).toEqual([
      '0.33',
      '0.33',
      '0.34',
    ]);
    expect(strings(Money.of('1', 'EUR').allocate([1n, '1', new Decimal(1)]))).toEqual([
      '0.34',
      '0.33',
      '0.33',
    ]);
    // Ratios with very different scales still split exactly.
    expect(strings(Money.of('1', 'EUR').allocate(['0.000000000000000001', '1']))).toEqual([
      '0.00',
      '1.00',
    ]);
  });

  it('hands leftover units to the largest remainders, ties to the earlier part', () => {
    // 100 cents by 1:2:2 -> shares 20, 40, 40: exact.
    expect(strings(Money.of('1', 'EUR').allocate([1, 2, 2]))).toEqual(['0.20', '0.40', '0.40']);
    // 10 cents by 3:3:4 -> shares 3, 3, 4: exact; 11 cents -> 3.3, 3.3, 4.4: leftover 1 to
    // the largest remainder (.4 on the third part).
    expect(strings(Money.fromMinor(11n, 'EUR').allocate([3, 3, 4]))).toEqual([
      '0.03',
      '0.03',
      '0.05',
    ]);
    // 5 cents by 1:1:1:1 -> 1.25 each, one leftover unit to the first part.
    expect(strings(Money.fromMinor(5n, 'EUR').allocate([1, 1, 1, 1]))).toEqual([
      '0.02',
      '0.01',
      '0.01',
      '0.01',
    ]);
  });

  it('keeps the currency and always sums back to the original', () => {
    const amount = Money.of('1234.567', 'KWD');
    const parts = amount.allocate([3, 1, 4, 1, 5, 9, 2, 6]);
    expect(parts.every((part) => part.currency === 'KWD')).toBe(true);
    expect(Money.sum(parts).equals(amount)).toBe(true);
  });

  it('splits amounts far beyond 2^53 exactly', () => {
    const amount = Money.fromMinor(10n ** 65n + 1n, 'EUR');
    const parts = amount.allocate([1, 1, 1]);
    expect(parts.map((part) => part.toMinor())).toEqual([
      33333333333333333333333333333333333333333333333333333333333333334n,
      33333333333333333333333333333333333333333333333333333333333333334n,
      33333333333333333333333333333333333333333333333333333333333333333n,
    ]);
    expect(Money.sum(parts).equals(amount)).toBe(true);
  });

  it('refuses an empty list, all-zero ratios and negative ratios', () => {
    const amount = Money.of('100', 'EUR');
    expectIssue(() => amount.allocate([]), 'ratios', 'empty');
    expectIssue(() => amount.allocate(undefined as unknown as DecimalInput[]), 'ratios', 'empty');
    expectIssue(() => amount.allocate([0, 0]), 'ratios', 'zero_total');
    expectIssue(() => amount.allocate(['0.00', 0n]), 'ratios', 'zero_total');
    expectIssue(() => amount.allocate([1, -1, 2]), 'ratios.1', 'negative');
    expectIssue(() => amount.allocate(['1', '-0.5']), 'ratios.1', 'negative');
  });

  it('refuses fractional JavaScript numbers and malformed ratios', () => {
    const amount = Money.of('100', 'EUR');
    expectIssue(() => amount.allocate([0.5, 0.5]), 'ratios.0', 'inexact_number');
    expectIssue(() => amount.allocate([1, 'one']), 'ratios.1', 'invalid_decimal');
    expectIssue(() => amount.allocate([1, null as unknown as string]), 'ratios.1', 'invalid_type');
  });
});

import { describe, expect, it } from 'vitest';
import {
  currencyCodes,
  currencyExponent,
  isCurrencyCode,
  MAX_CURRENCY_EXPONENT,
} from './currencies.js';
import { Money } from './money.js';

describe('currencies', () => {
  it('knows ISO 4217 minor units', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('CLF')).toBe(4);
    expect(currencyExponent('XXX')).toBeUndefined();
    expect(currencyExponent('eur')).toBeUndefined();
  });

  it('recognises codes and nothing else', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('XAU')).toBe(false);
    expect(isCurrencyCode('')).toBe(false);
    expect(isCurrencyCode(978)).toBe(false);
    expect(isCurrencyCode(null)).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
  });

  it('lists every code once, sorted, three upper-case letters each', () => {
    const codes = currencyCodes();
    expect(codes.length).toBeGreaterThan(150);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
    // A copy: callers cannot change the table.
    codes.pop();
    expect(currencyCodes()).toHaveLength(codes.length + 1);
  });

  it('has MAX_CURRENCY_EXPONENT equal to the widest minor unit', () => {
    const widest = Math.max(...currencyCodes().map((code) => currencyExponent(code) ?? 0));
    expect(MAX_CURRENCY_EXPONENT).toBe(widest);
  });

  it('builds and formats money in every listed currency', () => {
    for (const code of currencyCodes()) {
      const exponent = currencyExponent(code) ?? 0;
      const smallest = Money.fromMinor(1n, code);
      expect(smallest.toString()).toBe(exponent === 0 ? '1' : `0.${'1'.padStart(exponent, '0')}`);
      expect(smallest.format()).toEqual(expect.any(String));
    }
  });
});

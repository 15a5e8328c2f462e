import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal } from '../model/value-checks.js';
import { MONEY_SCALE } from '../money/currencies.js';
import { Money } from '../money/money.js';
import { driverDate, moneyAmount } from './flatten.js';

describe('moneyAmount', () => {
  it('is the amount at the storage scale, exactly, for currencies of 0 to 3 decimals', () => {
    const currency = fc.constantFrom('JPY', 'EUR', 'USD', 'KWD', 'BHD', 'CLF');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }), currency, (units, code) => {
        const money = Money.fromMinor(units, code);
        expect(moneyAmount(money)).toBe(canonicalDecimal(money.toDecimal(), MONEY_SCALE));
      }),
      { numRuns: 2000 },
    );
    expect(moneyAmount(Money.of('-0.5', 'EUR'))).toBe('-0.5000');
    expect(moneyAmount(Money.of('12', 'JPY'))).toBe('12.0000');
    expect(moneyAmount(Money.of('0', 'USD'))).toBe('0.0000');
  });
});

describe('driverDate', () => {
  it('reads a date a driver returned as midnight UTC or as local midnight, whatever TZ', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        expect(driverDate(new Date(2026, 2, 5))).toBe('2026-03-05');
        expect(driverDate(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
        expect(driverDate(new Date(2024, 1, 29))).toBe('2024-02-29');
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

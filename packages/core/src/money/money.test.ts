import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isSellkitError, type SellkitError } from '../errors/sellkit-error.js';
import { type DecimalInput, Money, type RoundingMode, toDecimal } from './money.js';

/** Runs `action` and returns the SellkitError it throws (fails the test otherwise). */
function caught(action: () => unknown): SellkitError {
  try {
    action();
  } catch (error) {
    if (isSellkitError(error)) return error;
    throw new Error(`expected a SellkitError, got ${String(error)}`);
  }
  throw new Error('expected a SellkitError, nothing was thrown');
}

function expectIssue(action: () => unknown, path: string, reason: string): void {
  const error = caught(action);
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.details.issues).toEqual([{ path, reason, message: expect.any(String) }]);
}

const eur = (amount: string) => Money.of(amount, 'EUR');

describe('Money.of', () => {
  it.each<[DecimalInput, string]>([
    ['12.5', '12.50'],
    ['12.50', '12.50'],
    ['  7.25 ', '7.25'],
    ['+1', '1.00'],
    ['-3.1', '-3.10'],
    ['.5', '0.50'],
    ['5.', '5.00'],
    ['0007.10', '7.10'],
    [12n, '12.00'],
    [-12n, '-12.00'],
    [12, '12.00'],
    [0, '0.00'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991.00'],
    [new Decimal('1.23'), '1.23'],
  ])('accepts %o', (input, expected) => {
    expect(Money.of(input, 'EUR').toString()).toBe(expected);
  });

  it.each([0.1, 12.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -(2 ** 60)])(
    'refuses the JavaScript number %d (inexact_number)',
    (input) => {
      expectIssue(() => Money.of(input, 'EUR'), 'amount', 'inexact_number');
    },
  );

  it.each(['', ' ', 'abc', '1e3', '1,5', '1.2.3', 'NaN', 'Infinity', '0x10', '- 1'])(
    'refuses the string %j (invalid_decimal)',
    (input) => {
      expectIssue(() => Money.of(input, 'EUR'), 'amount', 'invalid_decimal');
    },
  );

  it('accepts amounts storage keeps (20 digits before the point) and refuses larger ones', () => {
    expect(Money.of('9'.repeat(20), 'JPY').toString()).toBe('9'.repeat(20));
    expect(Money.of(`-${'9'.repeat(20)}.9999`, 'CLF').toString()).toBe(`-${'9'.repeat(20)}.9999`);
    expect(Money.of(`000${'9'.repeat(20)}.50`, 'EUR').toString()).toBe(`${'9'.repeat(20)}.50`);
    expectIssue(() => Money.of(`1${'0'.repeat(20)}`, 'JPY'), 'amount', 'too_big');
    expectIssue(() => Money.of('1'.repeat(40), 'EUR'), 'amount', 'too_big');
    expectIssue(() => Money.of(BigInt(`1${'0'.repeat(25)}`), 'EUR'), 'amount', 'too_big');
    // Rounding up past the limit is refused too.
    expectIssue(
      () => Money.of(`${'9'.repeat(20)}.999`, 'EUR', { rounding: 'half-even' }),
      'amount',
      'too_big',
    );
    expectIssue(() => Money.of('9'.repeat(401), 'JPY'), 'amount', 'invalid_decimal');
  });

  it('refuses non-finite decimal.js values', () => {
    expectIssue(() => Money.of(new Decimal(Number.NaN), 'EUR'), 'amount', 'invalid_decimal');
    expectIssue(() => Money.of(new Decimal('Infinity'), 'EUR'), 'amount', 'invalid_decimal');
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['an object', {}],
    ['an array', []],
    ['a boolean', true],
    ['a symbol', Symbol('x')],
  ])('refuses %s with invalid_type, never a TypeError', (_label, input) => {
    expectIssue(() => Money.of(input as string, 'EUR'), 'amount', 'invalid_type');
  });

  it('refuses more decimals than the currency has unless a rounding mode is given', () => {
    expectIssue(() => eur('1.005'), 'amount', 'too_precise');
    expect(Money.of('1.005', 'EUR', { rounding: 'half-up' }).toString()).toBe('1.01');
    // Trailing zeros are not extra precision.
    expect(eur('1.5000').toString()).toBe('1.50');
  });

  it.each<[RoundingMode, string, string]>([
    ['half-even', '0.125', '0.12'],
    ['half-even', '0.135', '0.14'],
    ['half-even', '0.145', '0.14'],
    ['half-even', '-0.125', '-0.12'],
    ['half-even', '-0.135', '-0.14'],
    ['half-even', '0.1251', '0.13'],
    ['half-up', '0.125', '0.13'],
    ['half-up', '0.135', '0.14'],
    ['half-up', '-0.125', '-0.13'],
    ['half-up', '0.1249', '0.12'],
    ['half-down', '0.125', '0.12'],
    ['half-down', '0.135', '0.13'],
    ['half-down', '-0.125', '-0.12'],
    ['half-down', '0.1251', '0.13'],
    ['up', '0.121', '0.13'],
    ['up', '-0.121', '-0.13'],
    ['down', '0.129', '0.12'],
    ['down', '-0.129', '-0.12'],
    ['ceil', '0.121', '0.13'],
    ['ceil', '-0.129', '-0.12'],
    ['floor', '0.129', '0.12'],
    ['floor', '-0.121', '-0.13'],
  ])('rounds with %s: %s -> %s', (rounding, input, expected) => {
    expect(Money.of(input, 'EUR', { rounding }).toString()).toBe(expected);
  });

  it.each(['banker', 'half_up', 'HALF-EVEN', 'constructor', 'toString', ''])(
    'refuses the unknown rounding mode %j instead of falling back silently',
    (rounding) => {
      const options = { rounding: rounding as RoundingMode };
      expectIssue(() => Money.of('1.005', 'EUR', options), 'rounding', 'invalid_rounding');
      expectIssue(() => eur('1').multiply('1.5', options), 'rounding', 'invalid_rounding');
      expectIssue(() => eur('1').divide('3', options), 'rounding', 'invalid_rounding');
    },
  );

  it('uses the currency minor unit: JPY has none, KWD three', () => {
    expect(Money.of('1500', 'JPY').toString()).toBe('1500');
    expect(Money.of('1500', 'JPY').exponent).toBe(0);
    expectIssue(() => Money.of('1.5', 'JPY'), 'amount', 'too_precise');
    expect(Money.of('0.5', 'JPY', { rounding: 'half-even' }).toString()).toBe('0');
    expect(Money.of('1.5', 'JPY', { rounding: 'half-even' }).toString()).toBe('2');
    expect(Money.of('2.5', 'JPY', { rounding: 'half-even' }).toString()).toBe('2');
    expect(Money.of('2.5', 'JPY', { rounding: 'half-up' }).toString()).toBe('3');
    expect(Money.of('1.234', 'KWD').toString()).toBe('1.234');
    expect(Money.of('1', 'KWD').toString()).toBe('1.000');
    expect(Money.of('1.234', 'KWD').exponent).toBe(3);
    expect(Money.of('1.2345', 'KWD', { rounding: 'half-even' }).toString()).toBe('1.234');
    expect(Money.of('1.2345', 'CLF').toString()).toBe('1.2345');
  });

  it.each(['XYZ', 'eur', '', 'EURO', 'XAU'])('refuses the currency %j', (currency) => {
    expectIssue(() => Money.of('1', currency), 'currency', 'invalid_currency');
    expectIssue(() => Money.fromMinor(1n, currency), 'currency', 'invalid_currency');
    expectIssue(() => Money.zero(currency), 'currency', 'invalid_currency');
  });

  it('refuses a currency that is not a string', () => {
    expectIssue(() => Money.of('1', 42 as unknown as string), 'currency', 'invalid_currency');
  });

  it('normalises negative zero', () => {
    for (const zero of [
      eur('-0'),
      eur('-0.00'),
      eur('0').negate(),
      eur('0').multiply(-1),
      Money.of('-0.001', 'EUR', { rounding: 'half-even' }),
    ]) {
      expect(zero.toString()).toBe('0.00');
      expect(zero.isNegative()).toBe(false);
      expect(zero.isZero()).toBe(true);
      expect(zero.toMinor()).toBe(0n);
    }
  });
});

describe('Money.fromMinor / toMinor', () => {
  it('converts minor units both ways', () => {
    expect(Money.fromMinor(1999n, 'EUR').toString()).toBe('19.99');
    expect(Money.fromMinor(1999, 'EUR').toString()).toBe('19.99');
    expect(Money.fromMinor('-1999', 'EUR').toString()).toBe('-19.99');
    expect(Money.fromMinor('1.0', 'EUR').toString()).toBe('0.01');
    expect(Money.fromMinor(1500n, 'JPY').toString()).toBe('1500');
    expect(Money.fromMinor(1n, 'KWD').toString()).toBe('0.001');
    expect(eur('19.99').toMinor()).toBe(1999n);
    expect(Money.of('1.234', 'KWD').toMinor()).toBe(1234n);
    expect(Money.of('1500', 'JPY').toMinor()).toBe(1500n);
  });

  it('keeps amounts far beyond 2^53 exact', () => {
    for (const minor of [
      2n ** 53n + 1n,
      -(2n ** 64n) - 7n,
      10n ** 70n + 3n,
      123456789012345678901234567890123456789012345678901234567890123456789n,
    ]) {
      for (const currency of ['EUR', 'JPY', 'KWD']) {
        const money = Money.fromMinor(minor, currency);
        expect(money.toMinor()).toBe(minor);
        // Beyond what storage keeps, Money.of refuses the amount; fromMinor stays exact.
        const whole = money.toString().replace(/^-/, '').split('.')[0] ?? '';
        if (whole.length > 20)
          expectIssue(() => Money.of(money.toString(), currency), 'amount', 'too_big');
        else expect(Money.of(money.toString(), currency).equals(money)).toBe(true);
      }
    }
    const huge = '12345678901234567890.23';
    expect(eur(huge).toString()).toBe(huge);
    expect(eur(huge).add(eur('0.01')).toString()).toBe('12345678901234567890.24');
  });

  it('refuses fractional minor units', () => {
    expectIssue(() => Money.fromMinor(1.5, 'EUR'), 'minor', 'inexact_number');
    expectIssue(() => Money.fromMinor('1.5', 'EUR'), 'minor', 'invalid_minor');
    expectIssue(() => Money.fromMinor('abc', 'EUR'), 'minor', 'invalid_decimal');
  });
});

describe('arithmetic and comparison', () => {
  it('adds and subtracts exactly', () => {
    expect(eur('0.10').add(eur('0.20')).toString()).toBe('0.30');
    expect(eur('0.10').subtract(eur('0.30')).toString()).toBe('-0.20');
    expect(Money.sum([eur('1.10'), eur('2.20'), eur('3.30')]).toString()).toBe('6.60');
    expect(Money.sum([], 'JPY').toString()).toBe('0');
    expectIssue(() => Money.sum([]), 'amounts', 'empty');
  });

  it('refuses to mix currencies with CURRENCY_MISMATCH', () => {
    const usd = Money.of('1', 'USD');
    const actions: Array<() => unknown> = [
      () => eur('1').add(usd),
      () => eur('1').subtract(usd),
      () => eur('1').compare(usd),
      () => eur('1').lessThan(usd),
      () => eur('1').greaterThan(usd),
      () => Money.sum([eur('1'), usd]),
      () => Money.sum([usd], 'EUR'),
    ];
    for (const action of actions) {
      const error = caught(action);
      expect(error.code).toBe('CURRENCY_MISMATCH');
      expect(error.details.currencies).toEqual(expect.arrayContaining(['EUR', 'USD']));
    }
  });

  it('refuses a non-Money operand with VALIDATION_FAILED, never a TypeError', () => {
    const notMoney = { amount: '1', currency: 'EUR' } as unknown as Money;
    expectIssue(() => eur('1').add(notMoney), 'amount', 'invalid_type');
    expectIssue(() => eur('1').compare(null as unknown as Money), 'amount', 'invalid_type');
  });

  it('compares', () => {
    expect(eur('1').compare(eur('2'))).toBe(-1);
    expect(eur('2').compare(eur('2.00'))).toBe(0);
    expect(eur('-1').compare(eur('-2'))).toBe(1);
    expect(eur('1').lessThan(eur('1.01'))).toBe(true);
    expect(eur('1').greaterThan(eur('1'))).toBe(false);
    expect(eur('1').equals(eur('1.00'))).toBe(true);
    expect(eur('1').equals(Money.of('1', 'USD'))).toBe(false);
    expect(eur('1').equals('1.00')).toBe(false);
    expect(eur('1').equals(null)).toBe(false);
  });

  it('knows its sign', () => {
    expect(eur('-0.01').isNegative()).toBe(true);
    expect(eur('0.01').isPositive()).toBe(true);
    expect(eur('0').isPositive()).toBe(false);
    expect(eur('-5').abs().toString()).toBe('5.00');
    expect(eur('5').negate().toString()).toBe('-5.00');
  });

  it('multiplies by a quantity or a rate', () => {
    expect(eur('19.99').multiply(3).toString()).toBe('59.97');
    expect(eur('19.99').multiply(3n).toString()).toBe('59.97');
    expect(eur('19.99').multiply('-2').toString()).toBe('-39.98');
    const even = { rounding: 'half-even' } as const;
    expect(eur('19.99').multiply('1.19', even).toString()).toBe('23.79'); // 23.7881
    expect(eur('100').multiply('0.075').toString()).toBe('7.50'); // exact: no rounding needed
    expect(eur('0.05').multiply('0.5', even).toString()).toBe('0.02'); // 0.025, half-even
    expect(eur('0.05').multiply('0.5', { rounding: 'half-up' }).toString()).toBe('0.03');
    expect(eur('0.15').multiply('0.5', even).toString()).toBe('0.08'); // 0.075, half-even
    expect(eur('10').multiply(new Decimal('0.333'), even).toString()).toBe('3.33');
    expect(Money.of('999', 'JPY').multiply('0.1', even).toString()).toBe('100');
    expect(Money.of('1.001', 'KWD').multiply('1.5', even).toString()).toBe('1.502'); // 1.5015
    expectIssue(() => eur('1').multiply(1.19), 'factor', 'inexact_number');
    expectIssue(() => eur('1').multiply('abc'), 'factor', 'invalid_decimal');
  });

  it('one rounding rule: an inexact result needs a rounding mode, an exact one does not', () => {
    expectIssue(() => eur('0.125'), 'amount', 'too_precise');
    expectIssue(() => eur('10.01').multiply('0.333'), 'rounding', 'too_precise');
    expectIssue(() => eur('100').divide(3), 'rounding', 'too_precise');
    expectIssue(() => Money.of('101', 'JPY').multiply('0.5'), 'rounding', 'too_precise');
    expect(eur('10').multiply('0.5').toString()).toBe('5.00');
    expect(eur('100').divide(4).toString()).toBe('25.00');
    expect(eur('0.10').divide('0.4').toString()).toBe('0.25');
    // The mode is checked even when no rounding turns out to be needed.
    expectIssue(
      () => eur('1').multiply(2, { rounding: 'half_up' as RoundingMode }),
      'rounding',
      'invalid_rounding',
    );
  });

  it('divides, rounding to the minor unit', () => {
    const even = { rounding: 'half-even' } as const;
    expect(eur('100').divide(3, even).toString()).toBe('33.33');
    expect(eur('2').divide('3', even).toString()).toBe('0.67');
    expect(eur('100').divide('0.5').toString()).toBe('200.00'); // exact: no rounding needed
    expect(eur('1').divide('-3', even).toString()).toBe('-0.33');
    expect(eur('0.05').divide(2, even).toString()).toBe('0.02'); // 0.025, half-even
    expect(eur('0.07').divide(2, even).toString()).toBe('0.04'); // 0.035, half-even
    expect(eur('0.05').divide(2, { rounding: 'half-up' }).toString()).toBe('0.03');
    expect(eur('-0.05').divide(2, { rounding: 'half-up' }).toString()).toBe('-0.03');
    expect(eur('-0.05').divide(2, { rounding: 'half-down' }).toString()).toBe('-0.02');
    expect(eur('1').divide(3, { rounding: 'ceil' }).toString()).toBe('0.34');
    expect(eur('-1').divide(3, { rounding: 'ceil' }).toString()).toBe('-0.33');
    expect(eur('1').divide(3, { rounding: 'floor' }).toString()).toBe('0.33');
    expect(eur('-1').divide(3, { rounding: 'floor' }).toString()).toBe('-0.34');
    expect(eur('1').divide(3, { rounding: 'up' }).toString()).toBe('0.34');
    expect(eur('-2').divide(3, { rounding: 'down' }).toString()).toBe('-0.66');
    expect(Money.of('100', 'JPY').divide(3, even).toString()).toBe('33');
    expect(Money.of('1', 'KWD').divide(3, even).toString()).toBe('0.333');
    expect(eur('10').divide('0.003', even).toString()).toBe('3333.33');
    expectIssue(() => eur('1').divide(0), 'divisor', 'division_by_zero');
    expectIssue(() => eur('1').divide('-0.00'), 'divisor', 'division_by_zero');
    expectIssue(() => eur('1').divide(0.5), 'divisor', 'inexact_number');
  });
});

describe('serialisation, immutability and display', () => {
  it('has an exact string and JSON form', () => {
    const price = eur('19.9');
    expect(price.toString()).toBe('19.90');
    expect(`${price}`).toBe('19.90');
    expect(price.toJSON()).toEqual({ amount: '19.90', currency: 'EUR' });
    expect(JSON.stringify({ price })).toBe('{"price":{"amount":"19.90","currency":"EUR"}}');
    expect(JSON.stringify(Money.of('1500', 'JPY'))).toBe('{"amount":"1500","currency":"JPY"}');
    const back = JSON.parse(JSON.stringify(price)) as { amount: string; currency: string };
    expect(Money.of(back.amount, back.currency).equals(price)).toBe(true);
  });

  it('is frozen and cannot be changed', () => {
    const price = eur('19.90');
    expect(Object.isFrozen(price)).toBe(true);
    expect(Reflect.set(price, 'currency', 'USD')).toBe(false);
    expect(Reflect.defineProperty(price, 'amount', { value: '0' })).toBe(false);
    expect(Reflect.deleteProperty(price, 'currency')).toBe(false);
    expect(Object.keys(price)).toEqual(['currency']);
    expect(price.toString()).toBe('19.90');
    expect(price.currency).toBe('EUR');
  });

  it('returns new values from every operation and leaves operands alone', () => {
    const a = eur('10');
    const b = eur('3');
    const results = [a.add(b), a.subtract(b), a.multiply(2), a.divide(2), a.negate(), a.abs()];
    for (const result of results) expect(result).not.toBe(a);
    expect(a.allocate([1, 1]).every((part) => part !== a)).toBe(true);
    expect(a.toString()).toBe('10.00');
    expect(b.toString()).toBe('3.00');
    expect(a.toDecimal()).not.toBe(a.toDecimal());
    expect(a.toDecimal().toFixed(2)).toBe('10.00');
  });

  it('ignores changes to the global decimal.js configuration', () => {
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding };
    try {
      Decimal.set({ precision: 3, rounding: Decimal.ROUND_DOWN });
      expect(eur('123456.78').add(eur('0.01')).toString()).toBe('123456.79');
      expect(eur('0.05').multiply('0.5', { rounding: 'half-even' }).toString()).toBe('0.02');
      expect(eur('2').divide(3, { rounding: 'half-even' }).toString()).toBe('0.67');
    } finally {
      Decimal.set(saved);
    }
  });

  it('formats for display', () => {
    expect(eur('1234.5').format()).toBe('€1,234.50');
    expect(eur('1234.5').format('de-DE')).toContain('1.234,50');
    expect(Money.of('1500', 'JPY').format()).toBe('¥1,500');
    expect(Money.of('1.234', 'KWD').format()).toContain('1.234');
    // No float round-trip: every digit of a large amount survives.
    expect(Money.of('12345678901234567890.12', 'USD').format()).toBe(
      '$12,345,678,901,234,567,890.12',
    );
  });

  it('offers type guards and zero', () => {
    expect(Money.isMoney(eur('1'))).toBe(true);
    expect(Money.isMoney({ amount: '1', currency: 'EUR' })).toBe(false);
    expect(Money.zero('KWD').toString()).toBe('0.000');
  });
});

describe('toDecimal', () => {
  it('parses exactly and names the path on failure', () => {
    expect(toDecimal('1.10').toFixed()).toBe('1.1');
    expect(toDecimal(10n ** 40n).toFixed()).toBe(`1${'0'.repeat(40)}`);
    expectIssue(() => toDecimal(0.1, 'lines.0.price'), 'lines.0.price', 'inexact_number');
    expectIssue(() => toDecimal('x'), 'amount', 'invalid_decimal');
  });

  it('hands out values safe to divide further', () => {
    expect(toDecimal('1').dividedBy(3).toFixed(5)).toBe('0.33333');
  });
});

import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSellkitError } from '../errors/sellkit-error.js';
import { currencyExponent, MAX_MONEY_INTEGER_DIGITS } from './currencies.js';
import { ROUNDING_MODES } from './exact.js';
import { Money, type RoundingMode } from './money.js';

const runs = { numRuns: 500 };
const DECIMAL_ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

// An independent reference: decimal.js with far more digits than any generated value needs.
const Reference = Decimal.clone({ precision: 400, rounding: Decimal.ROUND_HALF_EVEN });

const LIMIT = 2n ** 200n;
const minorUnits = fc.bigInt({ min: -LIMIT, max: LIMIT });
const currency = fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF', 'USD');
const money = fc.tuple(minorUnits, currency).map(([minor, code]) => Money.fromMinor(minor, code));
/** Several amounts sharing one currency. */
const sameCurrency = (count: number) =>
  currency.chain((code) =>
    fc.array(
      minorUnits.map((minor) => Money.fromMinor(minor, code)),
      { minLength: count, maxLength: count },
    ),
  );
const ratioLists = fc
  .array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n ** 64n })), {
    minLength: 1,
    maxLength: 25,
  })
  .filter((ratios) => ratios.some((ratio) => ratio > 0n));

function exponentOf(code: string): number {
  const exponent = currencyExponent(code);
  if (exponent === undefined) throw new Error(`no exponent for ${code}`);
  return exponent;
}

/** `actual` is the `exact` reference rounded to its currency's minor unit with `rounding`. */
function expectRounded(actual: Money, exact: Decimal, rounding: RoundingMode): void {
  const places = exponentOf(actual.currency);
  expect(actual.toString()).toBe(
    exact.toDecimalPlaces(places, DECIMAL_ROUNDING[rounding]).toFixed(places),
  );
}

describe('allocation properties', () => {
  it('parts always sum exactly to the original, in the same currency', () => {
    fc.assert(
      fc.property(minorUnits, currency, ratioLists, (minor, code, ratios) => {
        const parts = Money.fromMinor(minor, code).allocate(ratios);
        expect(parts).toHaveLength(ratios.length);
        expect(parts.every((part) => part.currency === code)).toBe(true);
        expect(parts.reduce((sum, part) => sum + part.toMinor(), 0n)).toBe(minor);
      }),
      runs,
    );
  });

  it('each part is within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(minorUnits, currency, ratioLists, (minor, code, ratios) => {
        const total = ratios.reduce((sum, ratio) => sum + ratio, 0n);
        const parts = Money.fromMinor(minor, code).allocate(ratios);
        parts.forEach((part, index) => {
          const ratio = ratios[index] ?? 0n;
          // |part - minor * ratio / total| < 1, multiplied through by total to stay exact.
          const gap = part.toMinor() * total - minor * ratio;
          expect(gap < total && gap > -total).toBe(true);
          if (ratio === 0n) expect(part.isZero()).toBe(true);
          if (!part.isZero()) expect(part.isNegative()).toBe(minor < 0n);
        });
      }),
      runs,
    );
  });

  it('decimal-string ratios split like the same ratios scaled to integers', () => {
    const scaled = fc.tuple(ratioLists, fc.integer({ min: 0, max: 8 }));
    fc.assert(
      fc.property(minorUnits, scaled, (minor, [ratios, scale]) => {
        const text = ratios.map((ratio) => new Reference(ratio.toString()).div(10 ** scale));
        const amount = Money.fromMinor(minor, 'EUR');
        // Compare strings: toEqual cannot see Money's private amount.
        const fromText = amount.allocate(text.map((ratio) => ratio.toFixed()));
        expect(fromText.map(String)).toEqual(amount.allocate(ratios).map(String));
      }),
      runs,
    );
  });
});

describe('arithmetic properties', () => {
  it('subtract undoes add', () => {
    fc.assert(
      fc.property(sameCurrency(2), ([a, b]) => {
        if (!a || !b) return;
        expect(a.add(b).subtract(b).equals(a)).toBe(true);
        expect(a.subtract(b).add(b).equals(a)).toBe(true);
      }),
      runs,
    );
  });

  it('addition is commutative and associative, with zero as identity', () => {
    fc.assert(
      fc.property(sameCurrency(3), ([a, b, c]) => {
        if (!a || !b || !c) return;
        expect(a.add(b).equals(b.add(a))).toBe(true);
        expect(
          a
            .add(b)
            .add(c)
            .equals(a.add(b.add(c))),
        ).toBe(true);
        expect(a.add(Money.zero(a.currency)).equals(a)).toBe(true);
      }),
      runs,
    );
  });

  it('multiplying by an integer equals repeated addition', () => {
    fc.assert(
      fc.property(money, fc.integer({ min: -40, max: 40 }), (a, times) => {
        let sum = Money.zero(a.currency);
        for (let index = 0; index < Math.abs(times); index += 1) sum = sum.add(a);
        const expected = times < 0 ? sum.negate() : sum;
        expect(a.multiply(times).equals(expected)).toBe(true);
        expect(a.multiply(BigInt(times)).equals(expected)).toBe(true);
      }),
      runs,
    );
  });

  it('multiplying by a rate matches an exact reference for every rounding mode', () => {
    const rate = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }))
      .map(([digits, scale]) => new Reference(digits.toString()).div(10 ** scale).toFixed());
    fc.assert(
      fc.property(money, rate, fc.constantFrom(...ROUNDING_MODES), (a, factor, rounding) => {
        expectRounded(
          a.multiply(factor, { rounding }),
          new Reference(a.toString()).times(factor),
          rounding,
        );
      }),
      runs,
    );
  });

  it('dividing matches an exact reference for every rounding mode', () => {
    const divisor = fc
      .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }))
      .filter(([digits]) => digits !== 0n)
      .map(([digits, scale]) => new Reference(digits.toString()).div(10 ** scale).toFixed());
    fc.assert(
      fc.property(money, divisor, fc.constantFrom(...ROUNDING_MODES), (a, by, rounding) => {
        // 400 digits leave no room for double rounding with these operand sizes.
        expectRounded(a.divide(by, { rounding }), new Reference(a.toString()).div(by), rounding);
      }),
      runs,
    );
  });

  it('dividing a product by the same integer gives the amount back', () => {
    const nonZero = fc.integer({ min: -10_000, max: 10_000 }).filter((value) => value !== 0);
    fc.assert(
      fc.property(money, nonZero, (a, factor) => {
        expect(a.multiply(factor).divide(factor).equals(a)).toBe(true);
      }),
      runs,
    );
  });

  it('compare agrees with comparing minor units', () => {
    fc.assert(
      fc.property(sameCurrency(2), ([a, b]) => {
        if (!a || !b) return;
        const x = a.toMinor();
        const y = b.toMinor();
        expect(a.compare(b)).toBe(x < y ? -1 : x > y ? 1 : 0);
        expect(a.equals(b)).toBe(x === y);
      }),
      runs,
    );
  });
});

describe('no JavaScript float ever holds an amount', () => {
  const fractional = fc.double().filter((value) => !Number.isSafeInteger(value));

  it('refuses every fractional, non-finite or unsafe number wherever an amount goes in', () => {
    fc.assert(
      fc.property(fractional, (value) => {
        const one = Money.of(1, 'EUR');
        const attempts: Array<() => unknown> = [
          () => Money.of(value, 'EUR'),
          () => Money.of(value, 'EUR', { rounding: 'half-even' }),
          () => Money.fromMinor(value, 'EUR'),
          () => one.multiply(value),
          () => one.divide(value),
          () => one.allocate([1, value]),
        ];
        for (const attempt of attempts) {
          let thrown: unknown;
          try {
            attempt();
          } catch (error) {
            thrown = error;
          }
          expect(isSellkitError(thrown, 'VALIDATION_FAILED')).toBe(true);
          if (isSellkitError(thrown)) {
            expect(thrown.details.issues?.[0]?.reason).toBe('inexact_number');
          }
        }
      }),
      runs,
    );
  });
});

describe('round trips', () => {
  /** Minor units of the amounts storage keeps in `code` (20 digits before the point). */
  const storableMinor = (code: string) => {
    const bound = 10n ** BigInt(MAX_MONEY_INTEGER_DIGITS + exponentOf(code)) - 1n;
    return fc.bigInt({ min: -bound, max: bound });
  };
  /** A canonical decimal string at the currency's scale, with its minor units. */
  const canonical = currency
    .chain((code) => storableMinor(code).map((minor) => [minor, code] as const))
    .map(([minor, code]) => {
      const exponent = exponentOf(code);
      const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
      const whole = digits.slice(0, digits.length - exponent);
      const fraction = digits.slice(digits.length - exponent);
      const text = `${minor < 0n ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
      return { minor, code, text };
    });

  it('toString and Money.of are exact inverses at the currency scale', () => {
    fc.assert(
      fc.property(canonical, ({ minor, code, text }) => {
        const parsed = Money.of(text, code);
        expect(parsed.toString()).toBe(text);
        expect(parsed.toMinor()).toBe(minor);
        expect(Money.fromMinor(minor, code).toString()).toBe(text);
      }),
      runs,
    );
  });

  it('accepts the same amount written with a plus sign, leading zeros or fewer decimals', () => {
    fc.assert(
      fc.property(canonical, fc.nat({ max: 5 }), ({ minor, code, text }, zeros) => {
        const unsigned = text.replace(/^-/, '');
        const padded = `${minor < 0n ? '-' : '+'}${'0'.repeat(zeros)}${unsigned}`;
        const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
        expect(Money.of(padded, code).toMinor()).toBe(minor);
        expect(Money.of(trimmed || '0', code).toMinor()).toBe(minor);
      }),
      runs,
    );
  });

  it('amounts beyond Number.MAX_SAFE_INTEGER survive minor, string and JSON round trips', () => {
    const huge = currency.chain((code) =>
      fc
        .tuple(
          fc.bigInt({
            min: 2n ** 53n,
            max: 10n ** BigInt(MAX_MONEY_INTEGER_DIGITS + exponentOf(code)) - 1n,
          }),
          fc.boolean(),
        )
        .map(([value, negative]) => [negative ? -value : value, code] as const),
    );
    fc.assert(
      fc.property(huge, ([minor, code]) => {
        const amount = Money.fromMinor(minor, code);
        expect(amount.toMinor()).toBe(minor);
        expect(Money.fromMinor(minor.toString(), code).equals(amount)).toBe(true);
        expect(Money.of(amount.toString(), code).equals(amount)).toBe(true);
        const json = JSON.parse(JSON.stringify(amount)) as { amount: string; currency: string };
        expect(Money.of(json.amount, json.currency).toMinor()).toBe(minor);
      }),
      runs,
    );
  });

  it('Money.of refuses exactly the amounts with more digits before the point than storage keeps', () => {
    fc.assert(
      fc.property(minorUnits, currency, (minor, code) => {
        const amount = Money.fromMinor(minor, code); // exact at any size
        const whole = (minor < 0n ? -minor : minor) / 10n ** BigInt(exponentOf(code));
        const fits = whole === 0n || whole.toString().length <= MAX_MONEY_INTEGER_DIGITS;
        let reason: string | undefined;
        try {
          expect(Money.of(amount.toString(), code).equals(amount)).toBe(true);
        } catch (error) {
          if (!isSellkitError(error, 'VALIDATION_FAILED')) throw error;
          reason = error.details.issues?.[0]?.reason;
        }
        expect(reason).toBe(fits ? undefined : 'too_big');
      }),
      runs,
    );
  });
});

describe('one rounding rule for Money.of, multiply and divide', () => {
  /** A decimal string with 0 to 6 decimals. */
  const decimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }), fc.integer({ min: 0, max: 6 }))
    .map(([digits, scale]) => new Reference(digits.toString()).div(10 ** scale).toFixed());
  /** `run()` without a rounding mode: its result, or the reason it was refused. */
  function attempt(run: () => Money): Money | string {
    try {
      return run();
    } catch (error) {
      if (!isSellkitError(error, 'VALIDATION_FAILED')) throw error;
      return error.details.issues?.[0]?.reason ?? 'unknown';
    }
  }
  /** The rule: refused (`too_precise`) iff the exact result does not fit; otherwise exact. */
  function expectRule(exact: Decimal, code: string, outcome: Money | string, rounded: Money) {
    const fits = exact.decimalPlaces() <= exponentOf(code);
    if (fits) {
      expect(outcome).toBeInstanceOf(Money);
      expect((outcome as Money).toString()).toBe(exact.toFixed(exponentOf(code)));
      // With any mode, an exact result is the same amount.
      expect(rounded.equals(outcome)).toBe(true);
    } else {
      expect(outcome).toBe('too_precise');
    }
  }

  it('Money.of', () => {
    fc.assert(
      fc.property(decimal, currency, fc.constantFrom(...ROUNDING_MODES), (text, code, rounding) => {
        const outcome = attempt(() => Money.of(text, code));
        expectRule(new Reference(text), code, outcome, Money.of(text, code, { rounding }));
      }),
      runs,
    );
  });

  it('multiply', () => {
    fc.assert(
      fc.property(money, decimal, fc.constantFrom(...ROUNDING_MODES), (a, factor, rounding) => {
        const outcome = attempt(() => a.multiply(factor));
        const exact = new Reference(a.toString()).times(factor);
        expectRule(exact, a.currency, outcome, a.multiply(factor, { rounding }));
      }),
      runs,
    );
  });

  it('divide', () => {
    const divisor = decimal.filter((text) => !new Reference(text).isZero());
    fc.assert(
      fc.property(money, divisor, fc.constantFrom(...ROUNDING_MODES), (a, by, rounding) => {
        const outcome = attempt(() => a.divide(by));
        const exact = new Reference(a.toString()).div(by);
        // A quotient that does not terminate within 400 digits never fits the minor unit.
        expectRule(exact, a.currency, outcome, a.divide(by, { rounding }));
      }),
      runs,
    );
  });
});

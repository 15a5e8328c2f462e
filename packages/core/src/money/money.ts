import Decimal from 'decimal.js';
import { SellkitError, validationError } from '../errors/sellkit-error.js';
import { currencyExponent } from './currencies.js';
import {
  checkRounding,
  divideRounded,
  powerOfTen,
  type RoundingMode,
  toScaledInteger,
} from './exact.js';

export type { RoundingMode } from './exact.js';

const ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-up': Decimal.ROUND_HALF_UP,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

// A private clone so a host changing decimal.js globals cannot change Sellkit's arithmetic.
// Precision is the library maximum: plus, minus and times then never round, so every amount
// stays exact however large. Nothing here calls an operation that iterates up to the
// precision (division, powers, roots); division goes through bigints instead.
const D = Decimal.clone({
  precision: 1e9,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});
type D = Decimal;

// What `toDecimal` hands out: the same exact digits, but a precision that is safe for whatever
// the caller does next (a division on the exact clone would try to compute 1e9 digits).
const Exported = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});

/**
 * An exact decimal value accepted by Sellkit: a decimal string (`"12.50"`), a bigint, a safe
 * integer `number`, or a decimal.js instance. Fractional JavaScript numbers are refused: they
 * cannot hold money exactly. Strings are plain decimals (no exponent), at most 400 characters.
 */
export type DecimalInput = string | bigint | number | Decimal;

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
// Generous enough for any amount a Money can print back (so toString/of round-trips), small
// enough that hostile input cannot make parsing expensive.
const MAX_DECIMAL_LENGTH = 400;

/**
 * Parses a {@link DecimalInput} into an exact decimal, or throws `VALIDATION_FAILED` naming
 * `path`. The result keeps every digit of the input; later operations on it round to 60
 * significant digits.
 *
 * @example
 * ```ts
 * toDecimal('12.50').plus(1).toFixed(2); // "13.50"
 * toDecimal(0.1).plus(0.2).toString(); // "0.3": numbers are read by their shortest text form
 * ```
 */
export function toDecimal(value: DecimalInput, path = 'amount'): Decimal {
  return new Exported(parseDecimal(value, path));
}

function parseDecimal(value: DecimalInput, path: string): D {
  if (Decimal.isDecimal(value)) {
    if (!value.isFinite())
      throw validationError(path, 'must be a finite decimal', 'invalid_decimal');
    return new D(value);
  }
  if (typeof value === 'bigint') return new D(value.toString());
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw validationError(
        path,
        'fractional or unsafe numbers cannot carry exact amounts; pass a decimal string such as "12.34"',
        'inexact_number',
      );
    }
    return new D(value);
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.length > MAX_DECIMAL_LENGTH || !DECIMAL_PATTERN.test(trimmed)) {
      throw validationError(
        path,
        `"${value.slice(0, 40)}" is not a decimal number`,
        'invalid_decimal',
      );
    }
    return new D(trimmed);
  }
  throw validationError(path, 'must be a decimal string, bigint or integer', 'invalid_type');
}

function requireExponent(currency: string): number {
  const exponent = currencyExponent(currency);
  if (exponent === undefined) {
    throw validationError(
      'currency',
      `"${String(currency).slice(0, 10)}" is not an ISO 4217 currency code`,
      'invalid_currency',
    );
  }
  return exponent;
}

/**
 * An immutable amount of money in one ISO 4217 currency, always at the currency's minor unit
 * (two decimals for EUR, none for JPY, three for KWD). Arithmetic is exact; every step that
 * could produce more decimals asks for a rounding mode (half-even unless told otherwise).
 *
 * @example
 * ```ts
 * const price = Money.of('19.99', 'EUR');
 * const total = price.multiply(3).add(Money.of('5', 'EUR')); // 64.97 EUR
 * const [a, b, c] = total.allocate([1, 1, 1]);               // 21.66, 21.66, 21.65
 * ```
 */
export class Money {
  readonly currency: string;
  readonly #amount: D;

  private constructor(amount: D, currency: string) {
    // -0 would print as "-0.00" in some paths and is not a different amount.
    this.#amount = amount.isZero() ? new D(0) : amount;
    this.currency = currency;
    Object.freeze(this);
  }

  /**
   * Creates money from a decimal amount. An amount with more decimals than the currency's minor
   * unit is refused unless a rounding mode is given.
   */
  static of(
    amount: DecimalInput,
    currency: string,
    options: { rounding?: RoundingMode } = {},
  ): Money {
    const exponent = requireExponent(currency);
    const value = parseDecimal(amount, 'amount');
    const rounding = options.rounding === undefined ? undefined : checkRounding(options.rounding);
    if (value.decimalPlaces() > exponent) {
      if (!rounding) {
        throw validationError(
          'amount',
          `has ${value.decimalPlaces()} decimals but ${currency} allows ${exponent}; pass a rounding mode`,
          'too_precise',
        );
      }
      return new Money(value.toDecimalPlaces(exponent, ROUNDING[rounding]), currency);
    }
    return new Money(value.plus(0), currency);
  }

  /** Creates money from an integer count of minor units (cents): `Money.fromMinor(1999n, 'EUR')`. */
  static fromMinor(minor: bigint | number | string, currency: string): Money {
    const exponent = requireExponent(currency);
    const value = parseDecimal(minor, 'minor');
    if (!value.isInteger())
      throw validationError('minor', 'minor units must be an integer', 'invalid_minor');
    return Money.#fromUnits(BigInt(value.toFixed(0)), currency, exponent);
  }

  /** Exact construction from minor units, without a decimal division. */
  static #fromUnits(units: bigint, currency: string, exponent: number): Money {
    return new Money(new D(`${units}e-${exponent}`), currency);
  }

  /** Zero in the given currency. */
  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  /** True when `value` is a Money instance. */
  static isMoney(value: unknown): value is Money {
    return value instanceof Money;
  }

  /** Sums a list of amounts in one currency; an empty list needs the currency. */
  static sum(amounts: readonly Money[], currency?: string): Money {
    const code = currency ?? amounts[0]?.currency;
    if (!code)
      throw validationError('amounts', 'cannot sum an empty list without a currency', 'empty');
    return amounts.reduce((total, amount) => total.add(amount), Money.zero(code));
  }

  /** The number of decimals of this currency's minor unit. */
  get exponent(): number {
    return requireExponent(this.currency);
  }

  /** The exact amount as a decimal.js value (a copy; Money itself never changes). */
  toDecimal(): Decimal {
    return new Decimal(this.#amount);
  }

  /** The amount in minor units as a bigint (1999n for 19.99 EUR). */
  toMinor(): bigint {
    return BigInt(this.#amount.times(`1e${this.exponent}`).toFixed(0));
  }

  /** The amount with exactly the currency's decimals: `"19.90"`. */
  toString(): string {
    return this.#amount.toFixed(this.exponent);
  }

  /** `{ amount: "19.90", currency: "EUR" }`: the JSON form, exact and readable. */
  toJSON(): { amount: string; currency: string } {
    return { amount: this.toString(), currency: this.currency };
  }

  /** A human string in the given locale, e.g. `€19.90` (display only; never parse it back). */
  format(locale = 'en-US'): string {
    const formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: this.currency,
      minimumFractionDigits: this.exponent,
      maximumFractionDigits: this.exponent,
    });
    // Intl accepts decimal strings exactly (no float round-trip) in Node 20.
    return formatter.format(this.toString() as unknown as number);
  }

  #same(other: Money, operation: string): void {
    if (!(other instanceof Money)) {
      throw validationError('amount', `${operation} needs a Money value`, 'invalid_type');
    }
    if (other.currency !== this.currency) {
      throw new SellkitError(
        'CURRENCY_MISMATCH',
        `cannot ${operation} ${other.currency} and ${this.currency}`,
        { currencies: [this.currency, other.currency] },
      );
    }
  }

  add(other: Money): Money {
    this.#same(other, 'add');
    return new Money(this.#amount.plus(other.#amount), this.currency);
  }

  subtract(other: Money): Money {
    this.#same(other, 'subtract');
    return new Money(this.#amount.minus(other.#amount), this.currency);
  }

  /**
   * Multiplies by a quantity or a rate (`"1.19"`, `3`, `"0.075"`) and rounds the result to the
   * minor unit with `rounding` (half-even by default).
   */
  multiply(factor: DecimalInput, options: { rounding?: RoundingMode } = {}): Money {
    const rounding = checkRounding(options.rounding ?? 'half-even');
    const product = this.#amount.times(parseDecimal(factor, 'factor'));
    return new Money(product.toDecimalPlaces(this.exponent, ROUNDING[rounding]), this.currency);
  }

  /** Divides by a non-zero decimal, rounding as {@link Money.multiply} does. */
  divide(divisor: DecimalInput, options: { rounding?: RoundingMode } = {}): Money {
    const rounding = checkRounding(options.rounding ?? 'half-even');
    const value = parseDecimal(divisor, 'divisor');
    if (value.isZero())
      throw validationError('divisor', 'cannot divide by zero', 'division_by_zero');
    // amount / divisor in minor units: (a / 10^sa) / (b / 10^sb) * 10^e, as one integer ratio.
    const exponent = this.exponent;
    const amount = toScaledInteger(this.#amount);
    const by = toScaledInteger(value);
    const minor = divideRounded(
      amount.units * powerOfTen(by.scale + exponent),
      by.units * powerOfTen(amount.scale),
      rounding,
    );
    return Money.#fromUnits(minor, this.currency, exponent);
  }

  negate(): Money {
    return new Money(this.#amount.negated(), this.currency);
  }

  abs(): Money {
    return new Money(this.#amount.abs(), this.currency);
  }

  /**
   * Splits the amount by ratios without losing or inventing a minor unit: the parts always add
   * up to the original. Leftover units go one by one to the parts with the largest remainders
   * (ties to the earlier part).
   *
   * @example `Money.of('100', 'EUR').allocate([1, 1, 1])` gives 33.34, 33.33, 33.33.
   */
  allocate(ratios: readonly DecimalInput[]): Money[] {
    if (!Array.isArray(ratios) || ratios.length === 0) {
      throw validationError('ratios', 'needs a non-empty list of ratios', 'empty');
    }
    const weights = ratios.map((ratio: DecimalInput, index) => {
      const weight = parseDecimal(ratio, `ratios.${index}`);
      if (weight.isNegative() && !weight.isZero())
        throw validationError(`ratios.${index}`, 'must not be negative', 'negative');
      return toScaledInteger(weight);
    });
    // Bring every ratio to one integer scale so shares and remainders are exact bigints.
    const scale = Math.max(...weights.map((weight) => weight.scale));
    const units = weights.map((weight) => weight.units * powerOfTen(scale - weight.scale));
    const totalWeight = units.reduce((sum, weight) => sum + weight, 0n);
    if (totalWeight === 0n)
      throw validationError('ratios', 'at least one ratio must be above zero', 'zero_total');
    const minor = this.toMinor();
    const negative = minor < 0n;
    const absMinor = negative ? -minor : minor;
    const parts = units.map((weight) => (absMinor * weight) / totalWeight);
    // Remainders share the denominator totalWeight, so comparing numerators is enough.
    const order = units
      .map((weight, index) => ({ index, remainder: (absMinor * weight) % totalWeight }))
      .sort((a, b) =>
        a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
      );
    let leftover = absMinor - parts.reduce((sum, part) => sum + part, 0n);
    for (const { index } of order) {
      if (leftover <= 0n) break;
      parts[index] = (parts[index] as bigint) + 1n;
      leftover -= 1n;
    }
    const exponent = this.exponent;
    return parts.map((part) => Money.#fromUnits(negative ? -part : part, this.currency, exponent));
  }

  /** -1, 0 or 1. Comparing different currencies is `CURRENCY_MISMATCH`. */
  compare(other: Money): -1 | 0 | 1 {
    this.#same(other, 'compare');
    return this.#amount.comparedTo(other.#amount) as -1 | 0 | 1;
  }

  /** Same currency and same amount. Never throws. */
  equals(other: unknown): boolean {
    return (
      other instanceof Money &&
      other.currency === this.currency &&
      other.#amount.equals(this.#amount)
    );
  }

  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  greaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  isZero(): boolean {
    return this.#amount.isZero();
  }

  isNegative(): boolean {
    return this.#amount.isNegative() && !this.#amount.isZero();
  }

  isPositive(): boolean {
    return this.#amount.isPositive() && !this.#amount.isZero();
  }
}

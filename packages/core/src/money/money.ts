import Decimal from 'decimal.js';
import { SellkitError, validationError } from '../errors/sellkit-error.js';
import { currencyExponent } from './currencies.js';

/** Rounding modes Sellkit accepts. `half-even` (banker's rounding) is the default. */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

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
const D = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});
type D = Decimal;

/**
 * An exact decimal value accepted by Sellkit: a decimal string (`"12.50"`), a bigint, a safe
 * integer `number`, or a decimal.js instance. Fractional JavaScript numbers are refused: they
 * cannot hold money exactly.
 */
export type DecimalInput = string | bigint | number | Decimal;

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses a {@link DecimalInput} into a decimal, or throws `VALIDATION_FAILED` naming `path`. */
export function toDecimal(value: DecimalInput, path = 'amount'): Decimal {
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
    if (trimmed.length > 64 || !DECIMAL_PATTERN.test(trimmed)) {
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
    this.#amount = amount;
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
    const value = toDecimal(amount);
    if (value.decimalPlaces() > exponent) {
      if (!options.rounding) {
        throw validationError(
          'amount',
          `${value.toFixed()} has more decimals than ${currency} allows (${exponent}); pass a rounding mode`,
          'too_precise',
        );
      }
      return new Money(value.toDecimalPlaces(exponent, ROUNDING[options.rounding]), currency);
    }
    return new Money(value.plus(0), currency);
  }

  /** Creates money from an integer count of minor units (cents): `Money.fromMinor(1999n, 'EUR')`. */
  static fromMinor(minor: bigint | number | string, currency: string): Money {
    const exponent = requireExponent(currency);
    const value = toDecimal(minor, 'minor');
    if (!value.isInteger())
      throw validationError('minor', 'minor units must be an integer', 'invalid_minor');
    return new Money(value.dividedBy(new D(10).pow(exponent)), currency);
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
    return BigInt(this.#amount.times(new D(10).pow(this.exponent)).toFixed(0));
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
    const product = this.#amount.times(toDecimal(factor, 'factor'));
    return new Money(
      product.toDecimalPlaces(this.exponent, ROUNDING[options.rounding ?? 'half-even']),
      this.currency,
    );
  }

  /** Divides by a non-zero decimal, rounding as {@link Money.multiply} does. */
  divide(divisor: DecimalInput, options: { rounding?: RoundingMode } = {}): Money {
    const value = toDecimal(divisor, 'divisor');
    if (value.isZero())
      throw validationError('divisor', 'cannot divide by zero', 'division_by_zero');
    return new Money(
      this.#amount
        .dividedBy(value)
        .toDecimalPlaces(this.exponent, ROUNDING[options.rounding ?? 'half-even']),
      this.currency,
    );
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
    if (ratios.length === 0) throw validationError('ratios', 'needs at least one ratio', 'empty');
    const weights = ratios.map((ratio, index) => {
      const weight = toDecimal(ratio, `ratios.${index}`);
      if (weight.isNegative())
        throw validationError(`ratios.${index}`, 'must not be negative', 'negative');
      return weight;
    });
    const totalWeight = weights.reduce((sum, weight) => sum.plus(weight), new D(0));
    if (totalWeight.isZero())
      throw validationError('ratios', 'at least one ratio must be above zero', 'zero_total');
    const minor = new D(this.toMinor().toString());
    const sign = minor.isNegative() ? -1 : 1;
    const absMinor = minor.abs();
    const shares = weights.map((weight) => absMinor.times(weight).dividedBy(totalWeight));
    const floors = shares.map((share) => share.floor());
    let leftover = absMinor
      .minus(floors.reduce((sum, part) => sum.plus(part), new D(0)))
      .toNumber();
    const order = shares
      .map((share, index) => ({ index, remainder: share.minus(floors[index] as D) }))
      .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
    const parts = [...floors];
    for (const { index } of order) {
      if (leftover <= 0) break;
      parts[index] = (parts[index] as D).plus(1);
      leftover -= 1;
    }
    return parts.map((part) => Money.fromMinor(BigInt(part.times(sign).toFixed(0)), this.currency));
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

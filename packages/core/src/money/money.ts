import { Decimal } from 'decimal.js';
import { SellkitError, validationError } from '../errors/sellkit-error.js';
import { MAX_MONEY_INTEGER_DIGITS } from './currencies.js';
import {
  D,
  type DecimalInput,
  parseDecimal,
  ROUNDING,
  requireExponent,
  requireRounding,
} from './decimal.js';
import {
  checkRounding,
  divideRounded,
  powerOfTen,
  type RoundingMode,
  toScaledInteger,
} from './exact.js';

export type { DecimalInput } from './decimal.js';
export { toDecimal } from './decimal.js';
export type { RoundingMode } from './exact.js';

/**
 * An immutable amount of money in one ISO 4217 currency, always at the currency's minor unit
 * (two decimals for EUR, none for JPY, three for KWD).
 *
 * **One rounding rule.** Arithmetic is exact, and Sellkit never rounds on its own: whenever
 * the exact result (of `Money.of`, `multiply` or `divide`) has more decimals than the
 * currency's minor unit, the call needs a rounding mode (`{ rounding: 'half-even' }`, or any
 * {@link RoundingMode}), else it fails with `VALIDATION_FAILED`, reason `too_precise`. Results
 * that fit (`19.99 × 3`, `100 ÷ 4`) need none. `add`, `subtract`, `sum` and `allocate` are
 * always exact.
 *
 * **Size.** `Money.of` refuses amounts with more than {@link MAX_MONEY_INTEGER_DIGITS} digits
 * before the point (reason `too_big`): storage could not keep them.
 *
 * @example
 * ```ts
 * const price = Money.of('19.99', 'EUR');
 * const total = price.multiply(3).add(Money.of('5', 'EUR')); // 64.97 EUR
 * const [a, b, c] = total.allocate([1, 1, 1]);               // 21.66, 21.66, 21.65
 * price.multiply('1.19', { rounding: 'half-even' });         // 23.79 EUR (23.7881)
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
   * unit is refused unless a rounding mode is given (`too_precise`), and one with more than
   * {@link MAX_MONEY_INTEGER_DIGITS} digits before the point is refused (`too_big`), as storage
   * could not keep it.
   *
   * @example
   * ```ts
   * Money.of('12.50', 'EUR');                            // 12.50 EUR
   * Money.of('0.125', 'EUR', { rounding: 'half-even' }); // 0.12 EUR
   * Money.of('0.125', 'EUR');                            // VALIDATION_FAILED, too_precise
   * ```
   */
  static of(
    amount: DecimalInput,
    currency: string,
    options: { rounding?: RoundingMode } = {},
  ): Money {
    const exponent = requireExponent(currency);
    const value = parseDecimal(amount, 'amount');
    const rounding = options.rounding === undefined ? undefined : checkRounding(options.rounding);
    requireRounding(value, exponent, currency, rounding, 'amount', String(amount).slice(0, 40));
    const fitted =
      rounding === undefined ? value.plus(0) : value.toDecimalPlaces(exponent, ROUNDING[rounding]);
    const whole = fitted.abs().trunc();
    if (!whole.isZero() && whole.toFixed(0).length > MAX_MONEY_INTEGER_DIGITS) {
      throw validationError(
        'amount',
        `has ${whole.toFixed(0).length} digits before the point; money keeps at most ${MAX_MONEY_INTEGER_DIGITS}`,
        'too_big',
      );
    }
    return new Money(fitted, currency);
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

  /**
   * Sums a list of amounts in one currency, exactly; an empty list needs the currency. Amounts
   * in different currencies are `CURRENCY_MISMATCH`.
   *
   * @example
   * ```ts
   * Money.sum([Money.of('1.10', 'EUR'), Money.of('2.20', 'EUR')]); // 3.30 EUR
   * Money.sum([], 'EUR');                                           // 0.00 EUR
   * ```
   */
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

  /**
   * The exact sum of two amounts in the same currency (`CURRENCY_MISMATCH` otherwise).
   *
   * @example `Money.of('19.99', 'EUR').add(Money.of('0.01', 'EUR')) // 20.00 EUR`
   */
  add(other: Money): Money {
    this.#same(other, 'add');
    return new Money(this.#amount.plus(other.#amount), this.currency);
  }

  /**
   * The exact difference of two amounts in the same currency (`CURRENCY_MISMATCH` otherwise);
   * it may be negative.
   *
   * @example `Money.of('5', 'EUR').subtract(Money.of('7.50', 'EUR')) // -2.50 EUR`
   */
  subtract(other: Money): Money {
    this.#same(other, 'subtract');
    return new Money(this.#amount.minus(other.#amount), this.currency);
  }

  /**
   * Multiplies by a quantity or a rate (`"1.19"`, `3`, `"0.075"`). When the exact product has
   * more decimals than the currency allows, `rounding` is required (see the class's rounding
   * rule); otherwise the product is returned as is.
   *
   * @example
   * ```ts
   * Money.of('19.99', 'EUR').multiply(3);                                // 59.97 EUR
   * Money.of('10.01', 'EUR').multiply('0.333', { rounding: 'half-even' }); // 3.33 EUR (3.33333)
   * Money.of('10.01', 'EUR').multiply('0.333');                            // VALIDATION_FAILED, too_precise
   * ```
   */
  multiply(factor: DecimalInput, options: { rounding?: RoundingMode } = {}): Money {
    const rounding = options.rounding === undefined ? undefined : checkRounding(options.rounding);
    const product = this.#amount.times(parseDecimal(factor, 'factor'));
    requireRounding(product, this.exponent, this.currency, rounding, 'rounding', 'the product');
    return new Money(
      rounding === undefined ? product : product.toDecimalPlaces(this.exponent, ROUNDING[rounding]),
      this.currency,
    );
  }

  /**
   * Divides by a non-zero decimal. When the exact quotient does not fit the currency's minor
   * unit, `rounding` is required, as for {@link Money.multiply}.
   *
   * @example
   * ```ts
   * Money.of('100', 'EUR').divide(4);                            // 25.00 EUR
   * Money.of('100', 'EUR').divide(3, { rounding: 'half-even' }); // 33.33 EUR
   * ```
   */
  divide(divisor: DecimalInput, options: { rounding?: RoundingMode } = {}): Money {
    const explicit = options.rounding === undefined ? undefined : checkRounding(options.rounding);
    const value = parseDecimal(divisor, 'divisor');
    if (value.isZero())
      throw validationError('divisor', 'cannot divide by zero', 'division_by_zero');
    // amount / divisor in minor units: (a / 10^sa) / (b / 10^sb) * 10^e, as one integer ratio.
    const exponent = this.exponent;
    const amount = toScaledInteger(this.#amount);
    const by = toScaledInteger(value);
    const numerator = amount.units * powerOfTen(by.scale + exponent);
    const denominator = by.units * powerOfTen(amount.scale);
    if (explicit === undefined && numerator % denominator !== 0n) {
      throw validationError(
        'rounding',
        `the quotient has more decimals than ${this.currency} allows (${exponent}); pass a rounding mode ({ rounding: 'half-even' })`,
        'too_precise',
      );
    }
    const minor = divideRounded(numerator, denominator, explicit ?? 'half-even');
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

  /**
   * -1, 0 or 1, by amount. Comparing different currencies is `CURRENCY_MISMATCH` (there is no
   * conversion); use {@link Money.equals} to test equality without throwing.
   *
   * @example
   * ```ts
   * Money.of('5', 'EUR').compare(Money.of('7', 'EUR')); // -1
   * const prices = [Money.of('7', 'EUR'), Money.of('5', 'EUR'), Money.of('6', 'EUR')];
   * prices.sort((x, y) => x.compare(y));                // ascending: 5, 6, 7 EUR
   * ```
   */
  compare(other: Money): -1 | 0 | 1 {
    this.#same(other, 'compare');
    return this.#amount.comparedTo(other.#amount) as -1 | 0 | 1;
  }

  /**
   * Same currency and same amount (`'1.5'` equals `'1.50'`). Never throws: another currency,
   * or something that is not Money, is simply not equal.
   *
   * @example
   * ```ts
   * Money.of('1.5', 'EUR').equals(Money.of('1.50', 'EUR')); // true
   * Money.of('1', 'EUR').equals(Money.of('1', 'USD'));      // false
   * ```
   */
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

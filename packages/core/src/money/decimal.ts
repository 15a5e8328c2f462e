import { Decimal } from 'decimal.js';
import { validationError } from '../errors/sellkit-error.js';
import { currencyExponent } from './currencies.js';
import type { RoundingMode } from './exact.js';

/** decimal.js rounding constants per Sellkit rounding mode. */
export const ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
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
export const D = Decimal.clone({
  precision: 1e9,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});
export type D = Decimal;

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
 * toDecimal('12.50').plus(1).toFixed(2); // '13.50'
 * toDecimal(0.1, 'price');               // throws VALIDATION_FAILED at 'price'
 * ```
 */
export function toDecimal(value: DecimalInput, path = 'amount'): Decimal {
  return new Exported(parseDecimal(value, path));
}

/** Parses a {@link DecimalInput} exactly (the unrounded clone), or throws naming `path`. */
export function parseDecimal(value: DecimalInput, path: string): D {
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

/** The minor-unit exponent of `currency`, or `VALIDATION_FAILED` on `currency`. */
export function requireExponent(currency: string): number {
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

/** Refuses an exact result with more decimals than the currency allows when no mode is given. */
export function requireRounding(
  value: D,
  exponent: number,
  currency: string,
  rounding: RoundingMode | undefined,
  path: string,
  what: string,
): void {
  if (rounding === undefined && value.decimalPlaces() > exponent) {
    throw validationError(
      path,
      `${what} has ${value.decimalPlaces()} decimals but ${currency} allows ${exponent}; pass a rounding mode ({ rounding: 'half-even' })`,
      'too_precise',
    );
  }
}

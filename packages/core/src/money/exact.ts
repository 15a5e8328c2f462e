import type { Decimal } from 'decimal.js';
import { validationError } from '../errors/sellkit-error.js';

/** Rounding modes Sellkit accepts. `half-even` (banker's rounding) is the default. */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceil' | 'floor';

/** Every rounding mode, in the order error messages list them. */
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'half-even',
  'half-up',
  'half-down',
  'up',
  'down',
  'ceil',
  'floor',
];

/**
 * Checks a rounding mode coming from the caller. An unknown name must not silently fall back to
 * the default: a typo such as `'half_up'` would otherwise change totals without a word.
 */
export function checkRounding(mode: unknown, path = 'rounding'): RoundingMode {
  if (typeof mode === 'string' && (ROUNDING_MODES as readonly string[]).includes(mode)) {
    return mode as RoundingMode;
  }
  throw validationError(path, `must be one of ${ROUNDING_MODES.join(', ')}`, 'invalid_rounding');
}

/** A finite decimal as `units / 10^scale` with integer `units`. */
export interface ScaledInteger {
  units: bigint;
  scale: number;
}

/** Exact integer view of a finite decimal: `12.345` becomes `{ units: 12345n, scale: 3 }`. */
export function toScaledInteger(value: Decimal): ScaledInteger {
  const scale = value.decimalPlaces();
  // toFixed(scale) keeps every digit and never switches to exponent notation.
  return { units: BigInt(value.toFixed(scale).replace('.', '')), scale };
}

/** 10^exponent as a bigint. */
export function powerOfTen(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/**
 * `numerator / denominator` rounded to an integer with `mode`, computed on bigints so no
 * intermediate step can lose a digit (decimal.js divisions stop at a fixed precision, which
 * would round twice for large amounts). Useful to round once at the end of a sum kept in
 * smaller units (a weighted pipeline in hundredths of minor units).
 *
 * @example
 * ```ts
 * divideRounded(250n, 100n, 'half-even'); // 2n (2.5 rounds to the even 2)
 * divideRounded(-351n, 100n, 'half-even'); // -4n
 * ```
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n)
    throw validationError('divisor', 'cannot divide by zero', 'division_by_zero');
  const num = denominator < 0n ? -numerator : numerator;
  const den = denominator < 0n ? -denominator : denominator;
  const quotient = num / den; // truncates toward zero
  const remainder = num % den;
  if (remainder === 0n) return quotient;
  const sign = num < 0n ? -1n : 1n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const half = twice === den ? 0 : twice > den ? 1 : -1;
  switch (mode) {
    case 'down':
      return quotient;
    case 'up':
      return quotient + sign;
    case 'ceil':
      return sign > 0n ? quotient + 1n : quotient;
    case 'floor':
      return sign < 0n ? quotient - 1n : quotient;
    case 'half-up':
      return half >= 0 ? quotient + sign : quotient;
    case 'half-down':
      return half > 0 ? quotient + sign : quotient;
    case 'half-even':
      if (half !== 0) return half > 0 ? quotient + sign : quotient;
      return quotient % 2n === 0n ? quotient : quotient + sign;
  }
}

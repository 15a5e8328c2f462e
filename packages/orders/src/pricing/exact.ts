import { divideRounded, type RoundingMode, validationError } from '@sellkit/core';

/** A non-negative exact decimal as `units / 10^scale`. */
export interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;
const MAX_LENGTH = 60;

/** Every rounding mode the engine accepts (the same names as `Money`). */
export const PRICING_ROUNDING_MODES: readonly RoundingMode[] = [
  'half-even',
  'half-up',
  'half-down',
  'up',
  'down',
  'ceil',
  'floor',
];

/**
 * Parses a non-negative plain decimal string (`"12"`, `"0.0045"`) exactly, or throws
 * `VALIDATION_FAILED` at `path`: reason `negative` for a minus sign, `invalid_decimal` for
 * anything else that is not a plain decimal string (numbers are refused: they may be floats).
 */
export function parseNonNegative(value: unknown, path: string): Scaled {
  if (typeof value !== 'string') {
    throw validationError(
      path,
      'must be a decimal string such as "12.50" (numbers may be floats and are refused)',
      'invalid_decimal',
    );
  }
  const text = value.trim();
  if (text.length > MAX_LENGTH)
    throw validationError(path, `must be at most ${MAX_LENGTH} characters`, 'too_long');
  const signed = text.startsWith('+') || text.startsWith('-');
  const plain = signed ? text.slice(1) : text;
  if (!PLAIN_DECIMAL.test(plain))
    throw validationError(
      path,
      'must be a plain decimal string such as "12.50"',
      'invalid_decimal',
    );
  const [whole = '0', fraction = ''] = plain.split('.');
  const parsed = normalize({ units: BigInt(`${whole}${fraction}`), scale: fraction.length });
  if (text.startsWith('-') && parsed.units !== 0n)
    throw validationError(path, 'must not be negative', 'negative');
  return parsed;
}

/** Drops trailing zeros of the fraction, so `"0.130"` and `"0.13"` are the same value. */
export function normalize(value: Scaled): Scaled {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** The canonical decimal text of a scaled value (`{ units: 13n, scale: 2 }` → `"0.13"`). */
export function scaledText(value: Scaled): string {
  if (value.scale === 0) return value.units.toString();
  const digits = value.units.toString().padStart(value.scale + 1, '0');
  return `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
}

/** An amount that must fit the minor unit exactly, in minor units; else `too_precise`. */
export function toMinorExact(value: Scaled, exponent: number, path: string): bigint {
  if (value.scale <= exponent) return value.units * pow10(exponent - value.scale);
  throw validationError(
    path,
    `has more decimals than the currency's minor unit (${exponent})`,
    'too_precise',
  );
}

/** `numerator / denominator` rounded to an integer: the kernel's exact rounding on bigints. */
export const roundDiv = divideRounded;

/**
 * Spreads `total` (minor units, at least the sum of the floors) over exact shares
 * `numerators[i] / denominator`: each share gets its floor, and the units left over go one by
 * one to the largest remainders (ties to the earlier share). All inputs are non-negative.
 */
export function allocateByRemainder(
  total: bigint,
  numerators: readonly bigint[],
  denominator: bigint,
): bigint[] {
  const parts = numerators.map((numerator) => numerator / denominator);
  let leftover = total - parts.reduce((sum, part) => sum + part, 0n);
  const order = numerators
    .map((numerator, index) => ({ index, remainder: numerator % denominator }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of order) {
    if (leftover <= 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts;
}

import { SellkitError } from '@sellkit/core';

/** The range of a signed 64-bit integer: what SQLite can store and sum exactly. */
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * A decimal read as an integer count of `10^-scale` units. `exact` is false when the value had
 * non-zero digits beyond `scale`; `units` is then the floor of the value at that scale.
 */
export interface ScaledValue {
  readonly units: bigint;
  readonly exact: boolean;
}

/**
 * Reads a decimal (string, safe integer or bigint) as scaled integer units, without ever going
 * through a float: `'-12.5'` at scale 2 is `-1250n`.
 */
export function toScaled(value: unknown, scale: number): ScaledValue {
  if (typeof value === 'bigint') return { units: value * 10n ** BigInt(scale), exact: true };
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    return { units: BigInt(value) * 10n ** BigInt(scale), exact: true };
  }
  const match = typeof value === 'string' ? DECIMAL_PATTERN.exec(value.trim()) : null;
  if (!match) {
    throw new SellkitError('VALIDATION_FAILED', `not a decimal value: ${String(value)}`, {
      issues: [{ path: '', message: 'expected a decimal string', reason: 'invalid_decimal' }],
    });
  }
  const negative = match[1] === '-';
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? '';
  const kept = fraction.slice(0, scale).padEnd(scale, '0');
  const dropped = fraction.slice(scale);
  const exact = !/[1-9]/.test(dropped);
  let units = BigInt(`${whole}${kept}`);
  if (negative) units = -units;
  // Floor, not truncation, so comparisons against an inexact value can be rewritten exactly.
  if (!exact && negative) units -= 1n;
  return { units, exact };
}

/**
 * Writes scaled integer units back as a canonical decimal string with exactly `scale` digits
 * after the point: `-1250` at scale 2 is `'-12.50'`. Accepts the integer as text, bigint or a
 * safe number (SQLite returns small integers as numbers).
 */
export function fromScaled(units: string | bigint | number, scale: number): string {
  let digits = typeof units === 'string' ? units : String(units);
  let sign = '';
  if (digits.startsWith('-')) {
    sign = '-';
    digits = digits.slice(1);
  }
  if (scale === 0) return digits === '0' ? '0' : `${sign}${digits}`;
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale);
  const zero = /^0+$/.test(whole) && /^0+$/.test(fraction);
  return `${zero ? '' : sign}${whole}.${fraction}`;
}

/** Pads or checks a decimal string to exactly `scale` digits (Postgres sums may carry fewer). */
export function canonicalDecimal(value: string, scale: number): string {
  const { units } = toScaled(value, scale);
  return fromScaled(units, scale);
}

import { requireDate, validationError } from '@sellkit/core';

/**
 * A calendar date `YYYY-MM-DD`, or `VALIDATION_FAILED` at `path`. Dates in this form compare
 * correctly as strings, which the effective-dating of rates and price lists relies on.
 */
export function checkDate(value: unknown, path: string): string {
  requireDate(value, path);
  return value as string;
}

/** An optional end date not before `from`, or null. */
export function checkPeriod(from: string | null, to: unknown, path: string): string | null {
  if (to === undefined || to === null) return null;
  const end = checkDate(to, path);
  if (from !== null && end < from)
    throw validationError(path, `must not be before ${from}`, 'before_start');
  return end;
}

/** True when `on` lies in `[from, to]` (either end null = open). */
export function inPeriod(on: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= on) && (to === null || on <= to);
}

/** True when the periods `[a1, a2]` and `[b1, b2]` share a day (null = open). */
export function periodsOverlap(
  a1: string | null,
  a2: string | null,
  b1: string | null,
  b2: string | null,
): boolean {
  return (a2 === null || b1 === null || b1 <= a2) && (b2 === null || a1 === null || a1 <= b2);
}

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A non-negative plain decimal string, trimmed (`VALIDATION_FAILED` at `path` otherwise:
 * `negative`, or `invalid_decimal` for numbers, which may be floats, and anything else).
 */
export function checkDecimal(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw validationError(path, 'must be a decimal string such as "12.50"', 'invalid_decimal');
  const text = value.trim();
  if (text.startsWith('-') && PLAIN_DECIMAL.test(text.slice(1)) && /[1-9]/.test(text))
    throw validationError(path, 'must not be negative', 'negative');
  if (!PLAIN_DECIMAL.test(text))
    throw validationError(
      path,
      'must be a plain decimal string such as "12.50"',
      'invalid_decimal',
    );
  return text;
}

/**
 * A decimal without trailing zeros after the point, but keeping at least `keep` decimals
 * (`('0.130000', 0)` → `'0.13'`, `('4.500000', 2)` → `'4.50'`).
 */
export function trimDecimal(value: string, keep = 0): string {
  const [whole = '0', fraction = ''] = value.split('.');
  let digits = fraction.replace(/0+$/, '');
  if (digits.length < keep) digits = digits.padEnd(keep, '0');
  return digits.length === 0 ? whole : `${whole}.${digits}`;
}

/** Compares two non-negative plain decimal strings exactly: -1, 0 or 1. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [aw = '0', af = ''] = a.split('.');
  const [bw = '0', bf = ''] = b.split('.');
  const scale = Math.max(af.length, bf.length);
  const x = BigInt(`${aw}${af.padEnd(scale, '0')}`);
  const y = BigInt(`${bw}${bf.padEnd(scale, '0')}`);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** A required non-empty string, trimmed, at most `max` characters (`VALIDATION_FAILED` at `path`). */
export function requireText(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') throw validationError(path, 'must be a string', 'invalid_type');
  const text = value.trim();
  if (text.length === 0) throw validationError(path, 'must not be empty', 'required');
  if (text.length > max)
    throw validationError(path, `must be at most ${max} characters`, 'too_big');
  return text;
}

/** An optional string: trimmed, empty becomes null, left out stays undefined. */
export function optionalText(value: unknown, path: string, max: number): string | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw validationError(path, 'must be a string', 'invalid_type');
  const text = value.trim();
  if (text.length > max)
    throw validationError(path, `must be at most ${max} characters`, 'too_big');
  return text.length === 0 ? null : text;
}

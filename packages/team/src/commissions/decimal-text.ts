import { toDecimal } from '@sellkit/core';

const DECIMAL = /^-?\d{1,20}(\.\d{1,12})?$/;

/** True for a decimal written as text (`"0.05"`, `"-3"`, `"1.125"`): rates and attainments. */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

/** -1, 0 or 1: `a` compared with `b`, exactly. */
export function compareDecimal(a: string, b: string): number {
  return toDecimal(a).comparedTo(toDecimal(b));
}

/** A decimal written without trailing zeros (`"0.050"` → `"0.05"`, `"1.0"` → `"1"`). */
export function plainDecimal(value: string): string {
  return toDecimal(value).toFixed();
}

/** A rate as a percentage for explanations: `"0.05"` → `"5%"`, `"0.125"` → `"12.5%"`. */
export function percent(rate: string): string {
  return `${toDecimal(rate).times(100).toFixed()}%`;
}

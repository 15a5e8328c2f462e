import { Money } from '../money/money.js';

/**
 * Compares strings by Unicode code point (binary UTF-8 order, what SQL's `C`/binary collations
 * do). JavaScript's `<` compares UTF-16 units, which puts U+E000..U+FFFF after astral characters.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    let x = a.charCodeAt(index);
    let y = b.charCodeAt(index);
    if (x !== y) {
      // Surrogates (astral characters) must sort above every other BMP unit.
      if (x >= 0xd800) x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
      if (y >= 0xd800) y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Position of the decimal point, or the length when there is none. */
function pointOf(value: string, from: number): number {
  const point = value.indexOf('.', from);
  return point === -1 ? value.length : point;
}

function compareMagnitude(a: string, aStart: number, b: string, bStart: number): number {
  // Leading zeros do not change the value.
  let i = aStart;
  while (i < a.length - 1 && a.charCodeAt(i) === 48 && a.charCodeAt(i + 1) !== 46) i += 1;
  let j = bStart;
  while (j < b.length - 1 && b.charCodeAt(j) === 48 && b.charCodeAt(j + 1) !== 46) j += 1;
  const aInt = pointOf(a, i) - i;
  const bInt = pointOf(b, j) - j;
  if (aInt !== bInt) return aInt < bInt ? -1 : 1;
  const length = Math.max(a.length - i, b.length - j);
  for (let k = 0; k < length; k += 1) {
    // Past the end the digits are (implied) zeros; the point sits at the same place in both.
    const ownX = i + k < a.length ? a.charCodeAt(i + k) : -1;
    const ownY = j + k < b.length ? b.charCodeAt(j + k) : -1;
    const x = ownX === -1 ? (ownY === 46 ? 46 : 48) : ownX;
    const y = ownY === -1 ? (ownX === 46 ? 46 : 48) : ownY;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function isZero(value: string, start: number): boolean {
  for (let index = start; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code !== 48 && code !== 46) return false;
  }
  return true;
}

/**
 * Compares two plain decimal strings (`-12.50`, `3`, `0.125`) exactly, without parsing them into
 * numbers: fast enough for sorting large row sets.
 */
export function compareDecimalStrings(a: string, b: string): number {
  if (a === b) return 0;
  const aNegative = a.charCodeAt(0) === 45 && !isZero(a, 1);
  const bNegative = b.charCodeAt(0) === 45 && !isZero(b, 1);
  if (aNegative !== bNegative) return aNegative ? -1 : 1;
  const aStart = a.charCodeAt(0) === 45 || a.charCodeAt(0) === 43 ? 1 : 0;
  const bStart = b.charCodeAt(0) === 45 || b.charCodeAt(0) === 43 ? 1 : 0;
  const magnitude = compareMagnitude(a, aStart, b, bStart);
  // Never -0 for equal negatives: Object.is (and callers comparing results that way) tell it from 0.
  return aNegative && magnitude !== 0 ? -magnitude : magnitude;
}

/**
 * Orders public values of one kind: nulls first, then numbers, strings (by code point, or as
 * decimals when `decimal`), Dates, booleans and Money (by amount, then currency).
 */
export function compareValues(a: unknown, b: unknown, decimal = false): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') {
    return decimal ? compareDecimalStrings(a, b) : compareText(a, b);
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Money && b instanceof Money) {
    const byAmount = a.toDecimal().comparedTo(b.toDecimal());
    return byAmount !== 0 ? byAmount : compareText(a.currency, b.currency);
  }
  return compareText(String(a), String(b));
}

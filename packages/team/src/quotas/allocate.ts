import { toDecimal, validationError } from '@sellkit/core';

/**
 * Splits a decimal `total` into parts proportional to `weights`, exactly at `scale` decimals:
 * every part is a multiple of 10^-scale, parts sum to the total (no cent lost or made), and the
 * leftover units go one each to the largest remainders (ties: earlier weights first). Weights
 * are non-negative decimals, at least one above zero.
 *
 * @example
 * ```ts
 * allocateExact('100.00', ['1', '1', '1'], 2); // ['33.34', '33.33', '33.33']
 * allocateExact('10', ['2', '1'], 0); // ['7', '3']
 * ```
 */
export function allocateExact(total: string, weights: readonly string[], scale: number): string[] {
  const factor = 10n ** BigInt(scale);
  const units = BigInt(toDecimal(total, 'target').times(factor.toString()).toFixed(0));
  if (toDecimal(units.toString()).div(factor.toString()).cmp(toDecimal(total)) !== 0) {
    throw validationError('target', `must have at most ${scale} decimals`, 'invalid_decimal');
  }
  // Weights as integers over a shared scale, so the split is exact integer arithmetic.
  const parsed = weights.map((weight, index) => {
    const value = toDecimal(weight, `weights.${index}`);
    if (value.isNegative())
      throw validationError(`weights.${index}`, 'must be 0 or more', 'too_small');
    return value;
  });
  const places = Math.max(0, ...parsed.map((value) => value.decimalPlaces()));
  const ints = parsed.map((value) => BigInt(value.times(toDecimal(10).pow(places)).toFixed(0)));
  const sum = ints.reduce((a, b) => a + b, 0n);
  if (ints.length === 0 || sum === 0n) {
    throw validationError('weights', 'must have a weight above 0', 'too_small');
  }
  const shares = ints.map((weight) => (units * weight) / sum);
  let left = units - shares.reduce((a, b) => a + b, 0n);
  const order = ints
    .map((weight, index) => ({ index, remainder: (units * weight) % sum }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map((share) => toDecimal(share.toString()).div(factor.toString()).toFixed(scale));
}

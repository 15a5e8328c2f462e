import { Money, toDecimal, validationError } from '@sellkit/core';
import type { CreditLine, SourceCredit } from './credit-source.js';

/** One rep's part of one credited record. */
export interface RepShare {
  readonly repId: string;
  /** Percent of the record credited to the rep (`"100"`, `"60"`). */
  readonly share: string;
  readonly amount: Money;
  readonly lines: readonly CreditLine[];
}

/** A split as given: a rep and a percent. */
export interface SplitInput {
  readonly repId: string;
  readonly share: string;
}

/**
 * Checks a credit split: at least one rep, each once, shares above 0 with at most four
 * decimals, summing to exactly 100. Bad input is `VALIDATION_FAILED` naming the split.
 *
 * @example
 * ```ts
 * checkSplits([{ repId: 'rep_a', share: '60' }, { repId: 'rep_b', share: '40' }]); // fine
 * checkSplits([{ repId: 'rep_a', share: '60' }, { repId: 'rep_b', share: '30' }]); // VALIDATION_FAILED
 * ```
 */
export function checkSplits(splits: unknown): SplitInput[] {
  if (!Array.isArray(splits) || splits.length === 0 || splits.length > 50)
    throw validationError('splits', 'must list 1 to 50 reps with their share', 'invalid_type');
  const seen = new Set<string>();
  let total = toDecimal(0);
  const checked = splits.map((item: unknown, index): SplitInput => {
    const path = `splits.${index}`;
    if (typeof item !== 'object' || item === null)
      throw validationError(path, 'must be { repId, share }', 'invalid_type');
    const { repId, share } = item as { repId?: unknown; share?: unknown };
    if (typeof repId !== 'string' || repId.length === 0)
      throw validationError(`${path}.repId`, 'must be a rep id', 'invalid_type');
    if (seen.has(repId))
      throw validationError(`${path}.repId`, `${repId} is listed twice`, 'duplicate');
    seen.add(repId);
    if (
      typeof share !== 'string' ||
      !/^\d{1,3}(\.\d{1,4})?$/.test(share) ||
      toDecimal(share).isZero()
    )
      throw validationError(
        `${path}.share`,
        'must be a percent above 0 written as text, e.g. "60"',
        'invalid_share',
      );
    total = total.plus(share);
    return { repId, share };
  });
  if (!total.equals(100))
    throw validationError(
      'splits',
      `the shares sum to ${total.toFixed()} %, not 100 %`,
      'split_total',
    );
  return checked;
}

/**
 * Shares a credited record among reps: its split when it has one, otherwise all to the rep of
 * its owner. Amounts are allocated with `Money.allocate` (never a cent lost or invented); the
 * lines are allocated the same way, each on its own.
 *
 * @example
 * ```ts
 * import { Money } from '@sellkit/core';
 * const deal = { recordId: 'opp_1', ownerId: 'u-ann', customerId: null, amount: Money.of('100', 'EUR'), date: '2026-03-05', label: 'Acme', lines: [] };
 * shareCredit(deal, [{ repId: 'rep_a', share: '33.3333' }, { repId: 'rep_b', share: '66.6667' }], null);
 * // rep_a 33.33 EUR, rep_b 66.67 EUR
 * ```
 */
export function shareCredit(
  credit: SourceCredit,
  splits: readonly SplitInput[],
  ownerRepId: string | null,
): RepShare[] {
  // No split: all to the owner's rep, as is (allocating to one 100 % share changes nothing).
  if (splits.length === 0)
    return ownerRepId
      ? [{ repId: ownerRepId, share: '100', amount: credit.amount, lines: credit.lines }]
      : [];
  const parts: readonly SplitInput[] = splits;
  if (parts.length === 0) return [];
  const ratios = parts.map((part) => part.share);
  const amounts = credit.amount.allocate(ratios);
  const lineParts = credit.lines.map((line) => line.amount.allocate(ratios));
  return parts.map((part, index) => {
    const lines = credit.lines.map((line, at) => ({
      ...line,
      amount: lineParts[at]?.[index] ?? Money.zero(line.amount.currency),
    }));
    const amount = amounts[index] ?? Money.zero(credit.amount.currency);
    return { repId: part.repId, share: part.share, amount, lines };
  });
}

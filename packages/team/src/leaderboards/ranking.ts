import { toDecimal } from '@sellkit/core';

/** An entry to rank: an id and its value (null: no value, ranked last). */
export interface RankInput {
  readonly id: string;
  readonly value: string | null;
}

/**
 * Competition ranking ("1224"): entries with the same value share a rank, and the next value's
 * rank skips as many places as were shared. `order: 'desc'` ranks the largest value first.
 * Entries without a value are left out. Ties keep their input order.
 *
 * @example
 * ```ts
 * competitionRanks([{ id: 'a', value: '9' }, { id: 'b', value: '7' }, { id: 'c', value: '9' }, { id: 'd', value: '5' }]);
 * // [{ id: 'a', rank: 1 }, { id: 'c', rank: 1 }, { id: 'b', rank: 3 }, { id: 'd', rank: 4 }]
 * ```
 */
export function competitionRanks(
  entries: readonly RankInput[],
  order: 'desc' | 'asc' = 'desc',
): { id: string; rank: number; value: string }[] {
  const valued = entries
    .filter((entry): entry is { id: string; value: string } => entry.value !== null)
    .map((entry, index) => ({ ...entry, index, decimal: toDecimal(entry.value) }));
  valued.sort((a, b) => {
    const cmp = order === 'desc' ? b.decimal.cmp(a.decimal) : a.decimal.cmp(b.decimal);
    return cmp === 0 ? a.index - b.index : cmp;
  });
  const ranked: { id: string; rank: number; value: string }[] = [];
  valued.forEach((entry, position) => {
    const before = valued[position - 1];
    const previous = ranked[position - 1];
    const rank =
      before && previous && before.decimal.eq(entry.decimal) ? previous.rank : position + 1;
    ranked.push({ id: entry.id, rank, value: entry.value });
  });
  return ranked;
}

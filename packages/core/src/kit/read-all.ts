import { validationError } from '../errors/sellkit-error.js';
import type { Page } from '../storage/query.js';

/**
 * Every row of a paged read, page after page until the cursor runs out: `page(cursor)` reads
 * one page, spreading `cursor` (`{}` first, then `{ after }`) into its query. For bounded sets a job must see whole
 * (a directory, the records one statement credits); a report aggregates instead.
 *
 * @example
 * ```ts
 * // internal: the rule set applies to every rep whatever the actor may read
 * const reps = scope.internal(scope.model('rep'));
 * const all = await readAll((cursor) => reps.find({ where: { active: true }, limit: 5_000, ...cursor }));
 * ```
 */
export async function readAll<R>(
  page: (cursor: { readonly after?: string }) => Promise<Page<R>>,
): Promise<R[]> {
  const rows: R[] = [];
  let after: string | undefined;
  do {
    const found = await page(after ? { after } : {});
    rows.push(...found.rows);
    after = found.nextCursor ?? undefined;
  } while (after);
  return rows;
}

/**
 * `items` cut into consecutive slices of at most `size` (default 500): for `in` filters that
 * must stay under a database's parameter limit.
 *
 * @example
 * ```ts
 * const dealIds = ['opp_1', 'opp_2', 'opp_3'];
 * // internal: a credit statement reads the lines of every deal it lists
 * const lines = scope.internal(scope.model('opportunityLine'));
 * for (const ids of inChunks(dealIds, 2)) await lines.find({ where: { opportunityId: { in: ids } } });
 * ```
 */
export function inChunks<T>(items: readonly T[], size = 500): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw validationError('size', 'must be a positive integer', 'invalid_size');
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

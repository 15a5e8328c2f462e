import type { Page } from '@sellkit/core';

/** Every row of a query, page by page (10,000 a page, the storage's largest). */
export async function findAll<R>(
  find: (page: { limit: number; after?: string }) => Promise<Page<R>>,
): Promise<R[]> {
  const rows: R[] = [];
  let after: string | undefined;
  do {
    const page = await find(after === undefined ? { limit: 10_000 } : { limit: 10_000, after });
    rows.push(...page.rows);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return rows;
}

import type { AnyModel, InferRecord, SortKey, TenantStorage, Where } from '@sellkit/core';

const PAGE = 10_000;

/**
 * Every record of `model` matching `where`, read page by page. For directory-sized data
 * (thousands of reps or territories), where one round trip per 10,000 rows is cheap.
 */
export async function loadAll<M extends AnyModel>(
  storage: TenantStorage,
  model: M,
  where?: Where<InferRecord<M>>,
  orderBy?: readonly SortKey<InferRecord<M>>[],
): Promise<InferRecord<M>[]> {
  const rows: InferRecord<M>[] = [];
  let after: string | undefined;
  do {
    const page = await storage.find(model, {
      ...(where ? { where } : {}),
      ...(orderBy ? { orderBy } : {}),
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    rows.push(...page.rows);
    after = page.nextCursor ?? undefined;
  } while (after);
  return rows;
}

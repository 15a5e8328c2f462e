import type { AnyModel, InferRecord, SortKey, Where } from '@sellkit/core';
import { type InternalRecords, readAll } from '@sellkit/core/module';

const PAGE = 10_000;

/**
 * Every record of a model matching `where`, read page by page through the caller's records
 * (`scope.internal(model)`, with its reason given where it is taken). For directory-sized data
 * (thousands of reps or territories), where one round trip per 10,000 rows is cheap.
 */
export async function loadAll<M extends AnyModel>(
  rows: InternalRecords<M>,
  where?: Where<InferRecord<M>>,
  orderBy?: readonly SortKey<InferRecord<M>>[],
): Promise<InferRecord<M>[]> {
  return readAll((cursor) =>
    rows.find({
      ...(where ? { where } : {}),
      ...(orderBy ? { orderBy } : {}),
      limit: PAGE,
      ...cursor,
    }),
  );
}

import type {
  AnyModel,
  EventMap,
  FindQuery,
  InferRecord,
  ModuleScope,
  Page,
  SortKey,
} from '@sellkit/core';
import { optionsOf } from './errors.js';

/**
 * A page of the records of a directory model the actor may read, ordered by name unless the
 * query says otherwise. A query that is not an object is `VALIDATION_FAILED` naming `query`.
 *
 * @example
 * ```ts
 * import type { FindQuery } from '@sellkit/core';
 * import { type SalesTeam, salesTeam } from '@sellkit/team';
 * const service = {
 *   list: (page?: FindQuery<SalesTeam>) => listByName(scope, salesTeam, page),
 * };
 * ```
 */
export async function listByName<M extends AnyModel, E extends EventMap>(
  scope: ModuleScope<E>,
  model: M,
  page: FindQuery<InferRecord<M>> | undefined,
): Promise<Page<InferRecord<M>>> {
  const query = optionsOf(page, 'query');
  // Every directory model has a `name`; its generic type cannot show it.
  const byName: readonly SortKey[] = [{ field: 'name', direction: 'asc' }];
  return scope.records(model).find({
    ...query,
    orderBy: query.orderBy ?? (byName as readonly SortKey<InferRecord<M>>[]),
  });
}

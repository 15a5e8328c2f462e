import type { AnyModel, FindQuery, InferRecord, Page, RecordService, Where } from '@sellkit/core';

/** The access-checked reads a record service offers: by id, by page and by count. */
export interface RecordReads<R> {
  get(id: string): Promise<R>;
  maybeGet(id: string): Promise<R | null>;
  find(query?: FindQuery<R>): Promise<Page<R>>;
  count(where?: Where<R>): Promise<number>;
}

/**
 * The reads of a service, delegated to the kernel's record service of its model. `records` is
 * called on every read, so the composed model is looked up when a read runs, not when the
 * service is built.
 *
 * @example
 * ```ts
 * import { company } from '@sellkit/customers';
 * const companies = {
 *   ...recordReads(() => scope.records(company)),
 *   subsidiaries: (id: string) => scope.records(company).find({ where: { parentId: id } }),
 * };
 * ```
 */
export function recordReads<M extends AnyModel>(
  records: () => RecordService<M>,
): RecordReads<InferRecord<M>> {
  return {
    get: (id) => records().get(id),
    maybeGet: (id) => records().maybeGet(id),
    find: (query) => records().find(query),
    count: (where) => records().count(where),
  };
}

import type { Clock } from '../context/clock.js';
import type { AnyModel, InferCreate, InferPatch, InferRecord } from '../model/define-model.js';
import type { SetupReport } from './driver.js';
import type {
  AggregateQuery,
  AggregateRow,
  FindQuery,
  FindResult,
  Page,
  RecordUpdate,
  UpdateManyOptions,
  UpdateManyResult,
  Where,
  WriteOptions,
} from './query.js';

/**
 * Storage for one tenant. There is no tenant parameter anywhere: a `TenantStorage` can only
 * ever see its own tenant's rows.
 *
 * Values are validated against the model before anything is written: unknown fields, wrong
 * types, oversized strings and unknown filter operators are `VALIDATION_FAILED`, and a call
 * that fails writes nothing.
 */
export interface TenantStorage {
  readonly tenantId: string;
  /** Inserts records (all or none) and returns them with ids, versions and timestamps. */
  insert<M extends AnyModel>(
    model: M,
    records: readonly InferCreate<M>[],
  ): Promise<InferRecord<M>[]>;
  /** One record by id, or null. */
  get<M extends AnyModel>(model: M, id: string): Promise<InferRecord<M> | null>;
  /** Several records by id, in no particular order; missing ids are left out. */
  getMany<M extends AnyModel>(model: M, ids: readonly string[]): Promise<InferRecord<M>[]>;
  /** A page of records; with `select`, only those fields (plus `id` and `version`). */
  find<M extends AnyModel, const Q extends FindQuery<InferRecord<M>> = FindQuery<InferRecord<M>>>(
    model: M,
    query?: Q,
  ): Promise<Page<FindResult<InferRecord<M>, Q>>>;
  /** How many records match. */
  count<M extends AnyModel>(model: M, where?: Where<InferRecord<M>>): Promise<number>;
  /**
   * Changes some fields. With `expectedVersion`, a stale version is `CONFLICT`; a missing
   * record is `NOT_FOUND`. The version goes up by one on every update.
   */
  update<M extends AnyModel>(
    model: M,
    id: string,
    patch: InferPatch<M>,
    options?: WriteOptions,
  ): Promise<InferRecord<M>>;
  /**
   * Changes several records, each with its own patch, in one transaction and without reading
   * them first: for jobs that rewrite many rows (re-scoring, re-classifying). Every patch is
   * validated before anything is written; ids must be distinct. An empty patch writes nothing.
   *
   * @example
   * ```ts
   * import { opportunity } from '@sellkit/pipeline';
   * const page = await storage.find(opportunity, { where: { status: 'open' }, limit: 500 });
   * const { written, skipped } = await storage.updateMany(
   *   opportunity,
   *   page.rows.map((row) => ({ id: row.id, expectedVersion: row.version, patch: { score: 80 } })),
   *   { onStale: 'skip' },
   * );
   * ```
   */
  updateMany<M extends AnyModel>(
    model: M,
    updates: readonly RecordUpdate<InferPatch<M>>[],
    options?: UpdateManyOptions,
  ): Promise<UpdateManyResult>;
  /** Deletes a record (`NOT_FOUND` if missing, `CONFLICT` on a stale `expectedVersion`). */
  delete<M extends AnyModel>(model: M, id: string, options?: WriteOptions): Promise<void>;
  /** Grouped sums, counts, averages, minima and maxima, computed by the engine. */
  aggregate<M extends AnyModel>(
    model: M,
    query: AggregateQuery<InferRecord<M>>,
  ): Promise<AggregateRow[]>;
  /** The next number of a gapless sequence (`invoice`, `order`...), starting at 1. */
  nextSequenceValue(name: string): Promise<number>;
  /**
   * Runs `work` atomically: everything it wrote is kept when it resolves and undone when it
   * throws. Nested calls are savepoints.
   */
  transaction<T>(work: (tx: TenantStorage) => Promise<T>): Promise<T>;
  /** True inside a transaction. */
  readonly inTransaction: boolean;
  /**
   * Runs `callback` once the enclosing transaction has committed for good: at once when there
   * is none, after the outermost `transaction()` when called inside one, after the host's own
   * commit when the adapter is bound to a host transaction; never when the work is rolled back.
   * The kernel delivers events with it.
   *
   * @example
   * ```ts
   * import { company } from '@sellkit/customers';
   * await storage.transaction(async (tx) => {
   *   const [created] = await tx.insert(company, [{ name: 'Cancity' }]);
   *   tx.afterCommit(() => console.log('saved', created?.id)); // only if the insert is kept
   * });
   * ```
   */
  afterCommit(callback: () => void): void;
}

/**
 * A storage adapter: a driver wrapped by the kernel. Hosts create one with an adapter factory
 * (`memory()`, `sqlite({ file })`, `postgres({ url })`...) and hand it to `createSellkit`.
 */
export interface StorageAdapter {
  /** The driver's name: `memory`, `sqlite`, `postgres`, `pglite`... */
  readonly name: string;
  /** Makes storage ready for these models (tables, columns, indexes). Idempotent. */
  setup(models: readonly AnyModel[], options?: { dryRun?: boolean }): Promise<SetupReport>;
  /** The storage of one tenant. */
  forTenant(tenantId: string, options?: { clock?: Clock }): TenantStorage;
  close(): Promise<void>;
}

import { type AuditInput, diffRecords } from '../audit/audit.js';
import { SellkitError } from '../errors/sellkit-error.js';
import type { AnyModel, InferCreate, InferPatch, InferRecord } from '../model/define-model.js';
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
} from '../storage/query.js';
import type { TenantStorage } from '../storage/storage.js';

/** Options of an internal update or delete: the row the caller already holds, if any. */
export interface InternalWriteOptions<R> extends WriteOptions {
  /**
   * The record as the caller read it in this transaction: the write does not read it again,
   * and its `version` is the expected version unless `expectedVersion` says otherwise.
   */
  current?: R;
}

/**
 * One model's storage past the actor's access checks: the one, named door for what a module
 * must read or write whatever the actor may see (reference data, internal counters,
 * bookkeeping rows, bulk jobs). Reach it with `scope.internal(model)` and say why on the line
 * above (`// internal: <why>`); a repository test refuses any other raw storage call in a domain
 * package.
 *
 * Reads are not scoped to the actor. Writes are validated by storage, run no plugin hooks and
 * emit no events, and are audited like record-service writes when the model is audited (an
 * `updateMany` writes one audit entry per call, listing the ids and fields it changed).
 */
export interface InternalRecords<M extends AnyModel> {
  get(id: string): Promise<InferRecord<M> | null>;
  getMany(ids: readonly string[]): Promise<InferRecord<M>[]>;
  find<const Q extends FindQuery<InferRecord<M>> = FindQuery<InferRecord<M>>>(
    query?: Q,
  ): Promise<Page<FindResult<InferRecord<M>, Q>>>;
  count(where?: Where<InferRecord<M>>): Promise<number>;
  aggregate(query: AggregateQuery<InferRecord<M>>): Promise<AggregateRow[]>;
  insert(records: readonly InferCreate<M>[]): Promise<InferRecord<M>[]>;
  update(
    id: string,
    patch: InferPatch<M>,
    options?: InternalWriteOptions<InferRecord<M>>,
  ): Promise<InferRecord<M>>;
  updateMany(
    updates: readonly RecordUpdate<InferPatch<M>>[],
    options?: UpdateManyOptions,
  ): Promise<UpdateManyResult>;
  delete(id: string, options?: InternalWriteOptions<InferRecord<M>>): Promise<void>;
}

/** What an internal write needs from its scope: storage, the audit trail and atomicity. */
export interface InternalRecordsHost {
  readonly storage: TenantStorage;
  readonly inTransaction: boolean;
  audit(entry: AuditInput | readonly AuditInput[]): Promise<void>;
  transaction<T>(work: (host: InternalRecordsHost) => Promise<T>): Promise<T>;
}

/** Anything that knows whether a transaction is open and can open one (a scope, a host). */
export interface Transactional<S> {
  readonly inTransaction: boolean;
  transaction<T>(work: (scope: S) => Promise<T>): Promise<T>;
}

/**
 * Runs `work` in the open transaction (no savepoint), or in a new one: a write and its audit
 * entry are one.
 */
export function atomically<S extends Transactional<S>, T>(
  scope: S,
  work: (scope: S) => Promise<T>,
): Promise<T> {
  return scope.inTransaction ? work(scope) : scope.transaction(work);
}

/**
 * The record as the caller holds it (checked to be the one named), or read from storage; null
 * when it is not stored. The record service uses it too.
 */
export async function currentOf<M extends AnyModel>(
  host: Pick<InternalRecordsHost, 'storage'>,
  model: M,
  id: string,
  current: InferRecord<M> | undefined,
): Promise<InferRecord<M> | null> {
  if (current === undefined) return host.storage.get(model, id);
  if (current.id !== id) {
    throw new SellkitError('VALIDATION_FAILED', `current record is ${current.id}, not ${id}`, {
      model: model.name,
      id,
    });
  }
  return current;
}

/** Builds `scope.internal(model)` over one scope's storage and audit trail. */
export function createInternalRecords<M extends AnyModel>(
  host: InternalRecordsHost,
  model: M,
): InternalRecords<M> {
  const storage = host.storage;
  return {
    get: (id) => storage.get(model, id),
    getMany: (ids) => storage.getMany(model, ids),
    find: ((query) => storage.find(model, query)) as InternalRecords<M>['find'],
    count: (where) => storage.count(model, where),
    aggregate: (query) => storage.aggregate(model, query),
    async insert(records) {
      if (!model.audited) return storage.insert(model, records);
      return atomically(host, async (tx) => {
        const created = await tx.storage.insert(model, records);
        await tx.audit(
          created.map((record) => ({
            model: model.name,
            recordId: record.id,
            action: 'create',
            changes: diffRecords(undefined, record),
          })),
        );
        return created;
      });
    },
    async update(id, patch, options = {}) {
      const { current, ...write } = options;
      if (!model.audited && current === undefined) return storage.update(model, id, patch, write);
      return atomically(host, async (tx) => {
        const before = await currentOf(tx, model, id, current);
        const expectedVersion = write.expectedVersion ?? before?.version;
        const after = await tx.storage.update(
          model,
          id,
          patch,
          expectedVersion === undefined ? {} : { expectedVersion },
        );
        const changes = before && model.audited ? diffRecords(before, after) : {};
        if (Object.keys(changes).length > 0) {
          await tx.audit({ model: model.name, recordId: id, action: 'update', changes });
        }
        return after;
      });
    },
    async updateMany(updates, options) {
      if (!model.audited) return storage.updateMany(model, updates, options);
      return atomically(host, async (tx) => {
        const result = await tx.storage.updateMany(model, updates, options);
        if (result.written.length === 0) return result;
        const fields = new Set(updates.flatMap((update) => Object.keys(update.patch ?? {})));
        await tx.audit({
          model: model.name,
          recordId: '*',
          action: 'update-many',
          changes: {
            ids: { before: null, after: result.written.map((row) => row.id) },
            fields: { before: null, after: [...fields].sort() },
          },
        });
        return result;
      });
    },
    async delete(id, options = {}) {
      const { current, ...write } = options;
      const expectedVersion = write.expectedVersion ?? current?.version;
      const versioned = expectedVersion === undefined ? {} : { expectedVersion };
      if (!model.audited) return storage.delete(model, id, versioned);
      return atomically(host, async (tx) => {
        const before = await currentOf(tx, model, id, current);
        await tx.storage.delete(model, id, versioned);
        if (before) {
          await tx.audit({
            model: model.name,
            recordId: id,
            action: 'delete',
            changes: diffRecords(before, undefined),
          });
        }
      });
    },
  };
}

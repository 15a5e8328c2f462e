import type { Clock } from '../context/clock.js';
import { type FieldIssue, SellkitError, validationError } from '../errors/sellkit-error.js';
import { isId, newId } from '../ids/ids.js';
import type { AnyModel, InferRecord } from '../model/define-model.js';
import { modelParser } from '../model/schema.js';
import { finishAggregate } from './aggregate-results.js';
import { decodeCursor, encodeCursor, keysetFilter, planSort } from './cursor.js';
import type { DriverSession, FlatRow } from './driver.js';
import { join } from './filter-node.js';
import { flattenInto, readFlat, unflatten } from './flatten.js';
import { asStorageError, guard, validationFailure } from './guard.js';
import type { ModelInfo } from './model-info.js';
import { planAggregate } from './normalize-aggregate.js';
import { normalizeWhere } from './normalize-filter.js';
import { planProjection, unflattenProjected } from './projection.js';
import type { Page } from './query.js';
import { checkNotReferenced, checkReferences, ID_CHUNK, type Registry } from './references.js';
import type { TenantStorage } from './storage.js';
import { updateMany } from './update-many.js';
import {
  atomically,
  checkExpectedVersion,
  checkId,
  isPlainObject,
  notFound,
  now,
  stale,
  versionOf,
} from './write-checks.js';

/** What every tenant storage of one adapter shares. */
export interface StorageState {
  readonly registry: Registry;
  readonly insertChunkSize: number;
}

/** Default and largest page sizes of `find`. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;
const SEQUENCE_NAME = /^[a-z][a-z0-9_.-]{0,63}$/;

type Loose = Record<string, unknown>;

function resolve(state: StorageState, model: unknown): ModelInfo {
  const name =
    isPlainObject(model) || (typeof model === 'object' && model !== null)
      ? (model as { name?: unknown }).name
      : undefined;
  const info = typeof name === 'string' ? state.registry.get(name) : undefined;
  if (!info) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `model ${typeof name === 'string' ? name : '(not a model)'} is not set up in storage; pass it to setup() first`,
      typeof name === 'string' ? { model: name } : {},
    );
  }
  return info;
}

/** Runs every callback; the first error is thrown after the others have run. */
function runAll(callbacks: readonly (() => void)[], run: (callback: () => void) => void): void {
  let failure: { error: unknown } | undefined;
  for (const callback of callbacks) {
    try {
      run(callback);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}

/** A {@link TenantStorage} over one driver session (the root connection or a transaction). */
export function tenantStorage(
  state: StorageState,
  session: DriverSession,
  tenantId: string,
  clock: Clock,
  /** Callbacks waiting for the transaction this storage belongs to; none outside one. */
  committed?: (() => void)[],
): TenantStorage {
  // Outside the wrapper's transactions the session decides: at once, or after a host's commit.
  const release = (callback: () => void): void => {
    if (session.afterCommit) session.afterCommit(callback);
    else callback();
  };
  const toRecord = <M extends AnyModel>(info: ModelInfo, row: FlatRow) =>
    unflatten(info, row) as InferRecord<M>;

  const storage: TenantStorage = {
    tenantId,
    get inTransaction() {
      return session.inTransaction;
    },

    async insert(model, records) {
      const info = resolve(state, model);
      if (!Array.isArray(records))
        throw validationError('rows', 'must be a list of records', 'invalid_type', {
          model: info.model.name,
        });
      if (records.length === 0) return [];
      const parser = modelParser(info.model);
      const pathOf = (index: number) => (records.length === 1 ? '' : `rows.${index}.`);
      const issues: FieldIssue[] = [];
      const values: Loose[] = [];
      for (let index = 0; index < records.length && issues.length < 100; index += 1) {
        const parsed = parser.create(records[index], issues, pathOf(index));
        if (parsed) values.push(parsed);
      }
      if (issues.length > 0) throw validationFailure(issues, info.model.name);
      const at = now(clock);
      const rows = values.map((value) => {
        const id = typeof value.id === 'string' ? value.id : newId(info.model.idPrefix);
        const row: FlatRow = { ...info.rowTemplate };
        row.id = id;
        row.version = 1;
        row.created_at = at;
        row.updated_at = at;
        return flattenInto(info, value, row);
      });
      const batchIds = new Set(rows.map((row) => row.id as string));
      if (batchIds.size !== rows.length) {
        throw new SellkitError('CONFLICT', 'the batch gives one id to several records', {
          model: info.model.name,
        });
      }
      const hasReferences = info.references.some((reference) =>
        values.some((value) => value[reference.name] !== null),
      );
      const write = async (inner: DriverSession) => {
        await checkReferences(inner, tenantId, state.registry, info, values, pathOf, batchIds);
        for (let start = 0; start < rows.length; start += state.insertChunkSize) {
          await inner.insert(
            tenantId,
            info.layout,
            rows.slice(start, start + state.insertChunkSize),
          );
        }
      };
      if (!hasReferences && rows.length <= state.insertChunkSize) await guard(() => write(session));
      else await atomically(session, write);
      // Built from the validated values: reading Money and decimals back from rows costs more.
      return values.map((value, index) => {
        const record: Loose = { ...info.recordTemplate };
        record.id = rows[index]?.id;
        record.version = 1;
        record.createdAt = new Date(at.getTime());
        record.updatedAt = new Date(at.getTime());
        for (const found of info.declared) record[found.name] = value[found.name] ?? null;
        return record as InferRecord<typeof model>;
      });
    },

    async get(model, id) {
      const info = resolve(state, model);
      if (!isId(checkId(id), info.model.idPrefix)) return null;
      const row = await guard(() => session.get(tenantId, info.layout, id));
      return row ? toRecord(info, row) : null;
    },

    async getMany(model, ids) {
      const info = resolve(state, model);
      if (!Array.isArray(ids))
        throw validationError('ids', 'must be a list of ids', 'invalid_type');
      const wanted = new Set<string>();
      ids.forEach((id: unknown, index) => {
        if (isId(checkId(id, `ids.${index}`), info.model.idPrefix)) wanted.add(id as string);
      });
      if (wanted.size === 0) return [];
      const list = [...wanted];
      const rows: FlatRow[] = [];
      for (let start = 0; start < list.length; start += ID_CHUNK) {
        const chunk = list.slice(start, start + ID_CHUNK);
        rows.push(...(await guard(() => session.getMany(tenantId, info.layout, chunk))));
      }
      return rows.map((row) => toRecord(info, row));
    },

    // One implementation behind the two overloads (whole records, or a projection).
    find: (async (model: AnyModel, query?: unknown): Promise<Page<Loose>> => {
      const info = resolve(state, model);
      const input: Loose = query === undefined || query === null ? {} : (query as Loose);
      if (!isPlainObject(input))
        throw validationError('', 'a find query must be an object', 'invalid_type');
      for (const key of Object.keys(input)) {
        if (!['where', 'orderBy', 'limit', 'after', 'select'].includes(key)) {
          throw validationError(key, `unknown query option ${key}`, 'unknown_field', {
            model: info.model.name,
          });
        }
      }
      const limit = input.limit ?? DEFAULT_PAGE_SIZE;
      if (
        typeof limit !== 'number' ||
        !Number.isInteger(limit) ||
        limit < 1 ||
        limit > MAX_PAGE_SIZE
      ) {
        throw validationError(
          'limit',
          `must be an integer from 1 to ${MAX_PAGE_SIZE}`,
          'invalid_value',
          { model: info.model.name },
        );
      }
      let where = normalizeWhere(info, input.where);
      const plan = planSort(info, input.orderBy);
      const projection = planProjection(info, input.select, plan.columns);
      if (input.after !== undefined && input.after !== null) {
        where = join('and', [where, keysetFilter(plan, decodeCursor(plan, input.after))]);
      }
      const rows = await guard(() =>
        session.find(tenantId, info.layout, {
          where,
          orderBy: plan.orderBy,
          limit: limit + 1,
          ...(projection ? { columns: projection.columns } : {}),
        }),
      );
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      const last = page[page.length - 1];
      const cursorRow: FlatRow = {};
      if (more && last)
        for (const column of plan.columns)
          cursorRow[column.name] = readFlat(column, last[column.name]);
      const result: Page<Loose> = {
        rows: page.map((row) =>
          projection ? unflattenProjected(projection, row) : unflatten(info, row),
        ),
        nextCursor: more && last ? encodeCursor(plan, cursorRow) : null,
      };
      return result;
    }) as TenantStorage['find'],

    async count(model, where) {
      const info = resolve(state, model);
      const filter = normalizeWhere(info, where);
      const result = await guard(() => session.count(tenantId, info.layout, filter));
      const number = Number(result);
      if (!Number.isSafeInteger(number) || number < 0)
        throw asStorageError(new Error(`the driver returned count ${String(result)}`));
      return number;
    },

    async update(model, id, patch, options) {
      const info = resolve(state, model);
      checkId(id);
      const expected = checkExpectedVersion(options);
      const issues: FieldIssue[] = [];
      const changes = modelParser(info.model).patch(patch, issues);
      if (!changes) throw validationFailure(issues, info.model.name);
      if (!isId(id, info.model.idPrefix)) throw notFound(info, id);
      const at = now(clock);
      return atomically(session, async (inner) => {
        const current = await inner.get(tenantId, info.layout, id);
        if (!current) throw notFound(info, id);
        const version = versionOf(current);
        if (expected !== undefined && expected !== version)
          throw stale(info, id, expected, version);
        if (Object.keys(changes).length === 0) return toRecord(info, current);
        await checkReferences(inner, tenantId, state.registry, info, [changes], () => '');
        const row = flattenInto(info, changes, { version: version + 1, updated_at: at });
        const updated = await inner.update(tenantId, info.layout, id, version, row);
        if (!updated) throw stale(info, id, expected ?? version, null);
        return toRecord(info, updated);
      });
    },

    updateMany(model, updates, options) {
      const info = resolve(state, model);
      return updateMany(
        { registry: state.registry, session, tenantId, clock },
        info,
        updates,
        options,
      );
    },

    async delete(model, id, options) {
      const info = resolve(state, model);
      checkId(id);
      const expected = checkExpectedVersion(options);
      if (!isId(id, info.model.idPrefix)) throw notFound(info, id);
      await atomically(session, async (inner) => {
        const current = await inner.get(tenantId, info.layout, id);
        if (!current) throw notFound(info, id);
        const version = versionOf(current);
        if (expected !== undefined && expected !== version)
          throw stale(info, id, expected, version);
        await checkNotReferenced(inner, tenantId, state.registry, info, id);
        const deleted = await inner.delete(tenantId, info.layout, id, version);
        if (!deleted) throw stale(info, id, expected ?? version, null);
      });
    },

    async aggregate(model, query) {
      const info = resolve(state, model);
      const plan = planAggregate(info, query);
      const rows = await guard(() => session.aggregate(tenantId, info.layout, plan.driver));
      return finishAggregate(plan, rows);
    },

    async nextSequenceValue(name) {
      if (typeof name !== 'string' || !SEQUENCE_NAME.test(name)) {
        throw validationError(
          'name',
          'a sequence name is lower-case letters, digits, _ . - (at most 64)',
          'invalid_format',
        );
      }
      const value = await guard(() => session.nextSequenceValue(tenantId, name));
      const number = Number(value);
      if (!Number.isSafeInteger(number) || number < 1)
        throw asStorageError(new Error(`the driver returned sequence value ${String(value)}`));
      return number;
    },

    afterCommit(callback) {
      if (typeof callback !== 'function')
        throw validationError('callback', 'must be a function', 'invalid_type');
      if (committed) committed.push(callback);
      else release(callback);
    },

    async transaction(work) {
      if (typeof work !== 'function')
        throw validationError('work', 'must be a function', 'invalid_type');
      let thrown: { error: unknown } | undefined;
      // A savepoint's callbacks join its parent's only if it is kept.
      const waiting: (() => void)[] = [];
      let result: Awaited<ReturnType<typeof work>>;
      try {
        result = await session.transaction(async (inner) => {
          try {
            return await work(tenantStorage(state, inner, tenantId, clock, waiting));
          } catch (error) {
            thrown = { error };
            throw error;
          }
        });
      } catch (error) {
        // The caller's own error passes through untouched; only the driver's is mapped.
        if (thrown && error === thrown.error) throw error;
        throw asStorageError(error);
      }
      if (committed) committed.push(...waiting);
      else runAll(waiting, release);
      return result;
    },
  };
  return storage;
}

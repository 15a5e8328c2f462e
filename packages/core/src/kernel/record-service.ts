import { forbidden, reachIncludes, reachWhere } from '../access/policy.js';
import { diffRecords } from '../audit/audit.js';
import { notFound } from '../errors/field-issues.js';
import { SellkitError } from '../errors/sellkit-error.js';
import type { AnyModel, InferCreate, InferPatch, InferRecord } from '../model/define-model.js';
import type { AggregateQuery, FindQuery, Where } from '../storage/query.js';
import { atomically, currentOf } from './internal-records.js';
import type { ModelHooks, ModuleScope, RecordService } from './module-scope.js';

type Loose = Record<string, unknown>;

/** The record the caller holds (checked to be the one named), or the stored one: NOT_FOUND when gone. */
async function existing<M extends AnyModel>(
  scope: ModuleScope,
  model: M,
  id: string,
  current: InferRecord<M> | undefined,
): Promise<InferRecord<M>> {
  const found = await currentOf(scope, model, id, current);
  if (!found) throw notFound(model.name, id);
  return found;
}

function scoped<R>(where: Where<R> | undefined, access: Where | undefined): Where<R> | undefined {
  if (!access) return where;
  if (!where) return access as Where<R>;
  return { and: [where, access as Where<R>] } as Where<R>;
}

/** Creates the record service of one model in one scope. */
export function createRecordService<M extends AnyModel>(
  scope: ModuleScope,
  model: M,
  hooks: readonly ModelHooks[],
): RecordService<M> {
  type R = InferRecord<M>;
  const ownerField = model.access.ownerField;

  async function readable(id: string): Promise<R | null> {
    const record = await scope.storage.get(model, id);
    if (!record) return null;
    const reach = await scope.reach('read', model);
    if (!reachIncludes(reach, model, record))
      throw forbidden(scope.context, model.name, 'read', id);
    return record;
  }

  async function createAll(inputs: readonly InferCreate<M>[]): Promise<R[]> {
    if (!Array.isArray(inputs)) {
      throw new SellkitError('VALIDATION_FAILED', 'expected a list of records', {
        model: model.name,
      });
    }
    return atomically(scope, async (tx) => {
      const reach = await tx.reach('create', model);
      const prepared: Loose[] = [];
      for (const input of inputs) {
        if (input === null || typeof input !== 'object') {
          throw new SellkitError('VALIDATION_FAILED', 'a record must be an object', {
            model: model.name,
          });
        }
        let next: Loose = { ...(input as Loose) };
        // A record created without an owner belongs to whoever created it.
        if (ownerField && (next[ownerField] === undefined || next[ownerField] === null)) {
          next[ownerField] = scope.context.actor.id;
        }
        for (const hook of hooks) next = (await hook.beforeCreate?.(next, tx)) ?? next;
        if (!reachIncludes(reach, model, next))
          throw forbidden(scope.context, model.name, 'create');
        prepared.push(next);
      }
      const created = await tx.storage.insert(model, prepared as InferCreate<M>[]);
      if (model.audited) {
        await tx.audit(
          created.map((record) => ({
            model: model.name,
            recordId: record.id,
            action: 'create',
            changes: diffRecords(undefined, record),
          })),
        );
      }
      for (const record of created) {
        for (const hook of hooks) await hook.afterCreate?.(record, tx);
      }
      return created;
    });
  }

  return {
    async create(input) {
      const [record] = await createAll([input]);
      return record as R;
    },
    createMany: createAll,
    async get(id) {
      const record = await readable(id);
      if (!record) throw notFound(model.name, id);
      return record;
    },
    maybeGet: readable,
    find: (async (query?: FindQuery<R> | null) => {
      const access = reachWhere(await scope.reach('read', model), model);
      return scope.storage.find(model, {
        ...query,
        where: scoped(query?.where, access),
      } as FindQuery<R>);
    }) as RecordService<M>['find'],
    async count(where) {
      const access = reachWhere(await scope.reach('read', model), model);
      return scope.storage.count(model, scoped(where, access));
    },
    async aggregate(query) {
      const access = reachWhere(await scope.reach('read', model), model);
      return scope.storage.aggregate(model, {
        ...query,
        where: scoped(query.where, access),
      } as AggregateQuery<R>);
    },
    async update(id, patch, options = {}) {
      return atomically(scope, async (tx) => {
        const before = await existing(tx, model, id, options.current);
        if (options.expectedVersion !== undefined && options.expectedVersion !== before.version) {
          throw new SellkitError(
            'CONFLICT',
            `${model.name} ${id} was changed by someone else (version ${before.version}, expected ${options.expectedVersion})`,
            {
              model: model.name,
              id,
              expectedVersion: options.expectedVersion,
              actualVersion: before.version,
            },
          );
        }
        const reach = await tx.reach('update', model);
        if (!reachIncludes(reach, model, before))
          throw forbidden(scope.context, model.name, 'update', id);
        if (patch === null || typeof patch !== 'object') {
          throw new SellkitError('VALIDATION_FAILED', 'a patch must be an object', {
            model: model.name,
            id,
          });
        }
        let next: Loose = { ...(patch as Loose) };
        for (const hook of hooks)
          next = (await hook.beforeUpdate?.(next, { before, scope: tx })) ?? next;
        if (!reachIncludes(reach, model, { ...before, ...next }))
          throw forbidden(scope.context, model.name, 'update', id);
        const after = await tx.storage.update(model, id, next as InferPatch<M>, {
          expectedVersion: before.version,
        });
        const changes = diffRecords(before, after);
        if (model.audited && Object.keys(changes).length > 0) {
          await tx.audit({ model: model.name, recordId: id, action: 'update', changes });
        }
        for (const hook of hooks) await hook.afterUpdate?.(after, { before, scope: tx });
        return after;
      });
    },
    async delete(id, options = {}) {
      await atomically(scope, async (tx) => {
        const before = await existing(tx, model, id, options.current);
        const reach = await tx.reach('delete', model);
        if (!reachIncludes(reach, model, before))
          throw forbidden(scope.context, model.name, 'delete', id);
        for (const hook of hooks) await hook.beforeDelete?.(before, tx);
        await tx.storage.delete(model, id, {
          expectedVersion: options.expectedVersion ?? before.version,
        });
        if (model.audited) {
          await tx.audit({
            model: model.name,
            recordId: id,
            action: 'delete',
            changes: diffRecords(before, undefined),
          });
        }
        for (const hook of hooks) await hook.afterDelete?.(before, tx);
      });
    },
  };
}

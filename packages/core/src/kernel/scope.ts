import {
  type AccessResolver,
  type AccessRoles,
  contextAccessResolver,
  forbidden,
  reachIncludes,
  resolveReach,
} from '../access/policy.js';
import { type AuditInput, auditEntryModel, toJsonValue } from '../audit/audit.js';
import type { TenantSettingsCache } from '../calendar/settings-cache.js';
import { createTenantCalendar, type TenantCalendar } from '../calendar/tenant-calendar.js';
import type { Clock } from '../context/clock.js';
import type { SellkitContext } from '../context/context.js';
import { isSellkitError, SellkitError } from '../errors/sellkit-error.js';
import type { EventDispatcher } from '../events/event-bus.js';
import { deliveryModel, outboxEventModel } from '../events/outbox-models.js';
import type { AnyModel } from '../model/define-model.js';
import type { TenantStorage } from '../storage/storage.js';
import type { AnyModule } from './definitions.js';
import { createInternalRecords } from './internal-records.js';
import type { ModelHooks, ModuleHandle, ModuleScope } from './module-scope.js';
import { createRecordService } from './record-service.js';

/** What the kernel knows once `createSellkit` has composed modules and plugins. */
export interface KernelRuntime {
  readonly models: ReadonlyMap<string, AnyModel>;
  readonly modules: ReadonlyMap<string, AnyModule>;
  readonly hooks: ReadonlyMap<string, readonly ModelHooks[]>;
  readonly roles: AccessRoles;
  readonly resolver?: (scope: ModuleScope) => AccessResolver;
  readonly bus: EventDispatcher<Record<string, unknown>>;
  /** Event names written to the outbox, or null when the outbox is off. */
  readonly outbox: ((event: string) => boolean) | null;
  readonly clock: Clock;
  /** Tenant settings (time zone, week start, fiscal year) by tenant, cached. */
  readonly tenantSettings: TenantSettingsCache;
  /** Opaque per-kernel extensions (the scoring registry, for instance). */
  readonly extensions: ReadonlyMap<string, unknown>;
}

interface PendingEvent {
  readonly name: string;
  readonly payload: unknown;
}

interface Unit {
  readonly storage: TenantStorage;
  /** Null outside a transaction. */
  readonly buffer: PendingEvent[] | null;
}

/** Creates the root scope of a context. */
export function createScope(
  runtime: KernelRuntime,
  context: SellkitContext,
  storage: TenantStorage,
): ModuleScope {
  return scopeFor(runtime, context, { storage, buffer: null });
}

function scopeFor(
  runtime: KernelRuntime,
  context: SellkitContext,
  unit: Unit,
  calendars: { current?: Promise<TenantCalendar> } = {},
): ModuleScope {
  const clock = context.clock ?? runtime.clock;
  const services = new Map<string, unknown>();
  let resolver: AccessResolver | undefined;

  const scope: ModuleScope = {
    context,
    tenantId: context.tenantId,
    clock,
    calendar() {
      if (!calendars.current) {
        const pending = runtime.tenantSettings
          .get(context.tenantId)
          .then((settings) => createTenantCalendar(settings, clock));
        calendars.current = pending;
        pending.catch(() => {
          if (calendars.current === pending) delete calendars.current;
        });
      }
      return calendars.current;
    },
    storage: unit.storage,
    inTransaction: unit.buffer !== null,
    model(name) {
      const model = runtime.models.get(name);
      if (!model)
        throw new SellkitError('CONFIGURATION_INVALID', `no model named ${name} is registered`, {
          model: name,
        });
      return model;
    },
    records(model) {
      return createRecordService(
        scope,
        scope.model(model.name) as typeof model,
        runtime.hooks.get(model.name) ?? [],
      );
    },
    internal(model) {
      return createInternalRecords(scope, scope.model(model.name) as typeof model);
    },
    async transaction(work) {
      const buffer: PendingEvent[] = [];
      const result = await unit.storage.transaction((tx) =>
        work(scopeFor(runtime, context, { storage: tx, buffer }, calendars)),
      );
      if (unit.buffer) unit.buffer.push(...buffer);
      else if (buffer.length > 0) {
        // After the commit that counts: at once, or after a host's own transaction commits.
        unit.storage.afterCommit(() => {
          const meta = { tenantId: context.tenantId, actorId: context.actor.id, at: clock.now() };
          for (const event of buffer) runtime.bus.dispatch(event.name, event.payload, meta);
        });
      }
      return result;
    },
    async nextSequenceValue(name) {
      if (unit.buffer === null) return scope.transaction((inner) => inner.nextSequenceValue(name));
      return unit.storage.nextSequenceValue(name);
    },
    async emit(event, payload) {
      if (unit.buffer === null) {
        await scope.transaction((inner) => inner.emit(event, payload));
        return;
      }
      if (runtime.outbox?.(event)) {
        await unit.storage.insert(outboxEventModel, [
          {
            event,
            payload: toJsonValue(payload),
            status: 'pending',
            attempts: 0,
            availableAt: clock.now(),
          },
        ]);
      }
      unit.buffer.push({ name: event, payload });
    },
    async emitOnce(key, event, payload) {
      if (unit.buffer === null)
        return scope.transaction((inner) => inner.emitOnce(key, event, payload));
      const seen = await unit.storage.count(deliveryModel, { key });
      if (seen > 0) return false;
      try {
        // A savepoint, so a unique violation from a concurrent process leaves the outer work usable.
        await unit.storage.transaction((tx) =>
          tx.insert(deliveryModel, [{ key, event, at: clock.now() }]),
        );
      } catch (error) {
        if (isSellkitError(error, 'CONFLICT')) return false;
        throw error;
      }
      await scope.emit(event, payload);
      return true;
    },
    async reach(action, model) {
      resolver ??= runtime.resolver?.(scope) ?? contextAccessResolver;
      return resolveReach(runtime.roles, resolver, context, model, action);
    },
    async assertCan(action, model, record) {
      const reach = await scope.reach(action, model);
      const allowed =
        record === undefined ? reach.kind !== 'none' : reachIncludes(reach, model, record);
      if (!allowed)
        throw forbidden(
          context,
          model.name,
          action,
          typeof record?.id === 'string' ? record.id : undefined,
        );
    },
    async audit(entry) {
      const entries: readonly AuditInput[] = Array.isArray(entry) ? entry : [entry as AuditInput];
      if (entries.length === 0) return;
      const at = clock.now();
      const request = context.requestId ? { requestId: context.requestId } : {};
      // One insert for every entry of a write: a createMany of 10,000 rows is one statement, not 10,000.
      await unit.storage.insert(
        auditEntryModel,
        entries.map((one) => ({
          actorId: context.actor.id,
          model: one.model,
          recordId: one.recordId,
          action: one.action,
          changes: one.changes,
          at,
          ...request,
        })),
      );
    },
    use<S>(handle: ModuleHandle<S>): S {
      const moduleId = handle.id;
      if (!services.has(moduleId)) {
        const module = runtime.modules.get(moduleId);
        if (!module?.services) {
          throw new SellkitError('CONFIGURATION_INVALID', `module ${moduleId} is not installed`, {
            module: moduleId,
          });
        }
        services.set(moduleId, module.services(scope));
      }
      // The module installed under the handle's id builds the services the handle names.
      return services.get(moduleId) as S;
    },
    has(handle) {
      return runtime.modules.get(handle.id)?.services !== undefined;
    },
    extension<T>(key: string): T {
      if (!runtime.extensions.has(key)) {
        throw new SellkitError('CONFIGURATION_INVALID', `kernel extension ${key} is not available`);
      }
      return runtime.extensions.get(key) as T;
    },
  };
  return scope;
}

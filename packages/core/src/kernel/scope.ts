import {
  type AccessAction,
  type AccessReach,
  type AccessResolver,
  type AccessRoles,
  contextAccessResolver,
  forbidden,
  reachIncludes,
  resolveReach,
} from '../access/policy.js';
import { auditEntryModel, toJsonValue } from '../audit/audit.js';
import type { TenantSettingsCache } from '../calendar/settings-cache.js';
import { createTenantCalendar, type TenantCalendar } from '../calendar/tenant-calendar.js';
import type { Clock } from '../context/clock.js';
import type { SellkitContext } from '../context/context.js';
import { isSellkitError, SellkitError } from '../errors/sellkit-error.js';
import type { EventDispatcher, EventMap } from '../events/event-bus.js';
import { deliveryModel, outboxEventModel } from '../events/outbox-models.js';
import type { AnyModel } from '../model/define-model.js';
import type { TenantStorage } from '../storage/storage.js';
import type { AnyModule, ModelHooks } from './definitions.js';
import { createInternalRecords, type InternalRecords } from './internal-records.js';
import { createRecordService, type RecordService } from './record-service.js';

/**
 * A typed reference to a module, for another module's services: `scope.use(handle)`. Every
 * module definition is one; a module that must not import another package declares a handle
 * to it with {@link moduleHandle} and the part of its services it relies on.
 */
export interface ModuleHandle<Services> {
  readonly id: string;
  /** The module's service factory (absent on a handle made with {@link moduleHandle}). */
  // Method syntax on purpose: the scope parameter stays bivariant, so every module fits.
  services?(scope: ModuleScope): Services;
}

/**
 * A handle to the module installed under `id`, typed with the services the caller expects.
 *
 * @example
 * ```ts
 * interface Currency { readonly currency: string | null }
 * const catalogHandle = moduleHandle<Currency>('catalog');
 * // in a service: scope.has(catalogHandle) ? scope.use(catalogHandle).currency : null
 * ```
 */
export function moduleHandle<Services>(id: string): ModuleHandle<Services> {
  return { id };
}

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

/**
 * What a module's services receive: one context, bound to the root storage or to a
 * transaction. Everything a service does goes through it, so tenancy, access, audit and
 * after-commit events cannot be forgotten.
 */
export interface ModuleScope<E extends EventMap = Record<string, unknown>> {
  readonly context: SellkitContext;
  readonly tenantId: string;
  readonly clock: Clock;
  /**
   * The tenant's calendar (its time zone, week start and fiscal year) on this scope's clock:
   * "today", local periods, period keys and calendar arithmetic. Resolved once per scope.
   * Invalid tenant settings are `CONFIGURATION_INVALID`.
   *
   * @example
   * ```ts
   * const calendar = await scope.calendar();
   * const due = calendar.shift(calendar.now(), { days: 3 }); // 3 local days later, same time
   * ```
   */
  calendar(): Promise<TenantCalendar>;
  /**
   * Storage of this tenant, bound to the current transaction if any: the kernel's own door.
   * Domain code uses {@link ModuleScope.records} or, past access checks,
   * {@link ModuleScope.internal}; a repository test refuses raw storage calls in domain packages.
   */
  readonly storage: TenantStorage;
  readonly inTransaction: boolean;
  /** A model as composed (with plugin fields). Unknown names are `CONFIGURATION_INVALID`. */
  model(name: string): AnyModel;
  /**
   * Access-checked, validated, audited create/read/update/delete on a model, with the plugins'
   * hooks and after-commit events: the door to data for domain code.
   */
  records<M extends AnyModel>(model: M): RecordService<M>;
  /**
   * The named bypass: one model's storage past the actor's access checks, for reference data,
   * internal counters, bookkeeping rows and bulk jobs. Writes stay validated and audited (no
   * hooks, no events). Say why on the line above each use, as `// internal: <why>`.
   *
   * @example
   * ```ts
   * // internal: the counters move whoever logs the interaction, even a rep who cannot edit it
   * await scope.internal(company).update(id, { interactionCount: 3 }, { current: before });
   * ```
   */
  internal<M extends AnyModel>(model: M): InternalRecords<M>;
  /**
   * Runs `work` atomically. Events emitted inside are delivered after the outermost
   * transaction commits, and dropped if it rolls back. Nested calls are savepoints.
   */
  transaction<T>(work: (scope: ModuleScope<E>) => Promise<T>): Promise<T>;
  /** Emits an event after commit (and writes it to the outbox when enabled). */
  emit<K extends keyof E & string>(event: K, payload: E[K]): Promise<void>;
  /**
   * Emits once per `key` for this tenant, across ticks and processes: the key is recorded in
   * storage with a unique constraint. Returns false when it was already emitted.
   */
  emitOnce<K extends keyof E & string>(key: string, event: K, payload: E[K]): Promise<boolean>;
  /** The actor's reach for an action on a model. */
  reach(action: AccessAction, model: AnyModel): Promise<AccessReach>;
  /** Throws `FORBIDDEN` unless the actor may act on the record (or on the model at all). */
  assertCan(
    action: AccessAction,
    model: AnyModel,
    record?: Readonly<Record<string, unknown>>,
  ): Promise<void>;
  /** Writes an audit entry (records() does this itself; modules use it for custom actions). */
  audit(entry: {
    model: string;
    recordId: string;
    action: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  }): Promise<void>;
  /**
   * Another module's services, bound to this scope (so they join its transaction).
   * `CONFIGURATION_INVALID` when that module is not installed.
   */
  use<S>(handle: ModuleHandle<S>): S;
  /** True when the module is installed (for optional dependencies). */
  has(handle: ModuleHandle<unknown>): boolean;
  /** @deprecated Use {@link ModuleScope.use} with a typed handle. */
  service<S>(moduleId: string): S;
  /** A kernel extension by key (e.g. `scoring`). */
  extension<T>(key: string): T;
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
          for (const event of buffer) runtime.bus.dispatch(event.name, event.payload);
        });
      }
      return result;
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
      await unit.storage.insert(auditEntryModel, [
        {
          actorId: context.actor.id,
          model: entry.model,
          recordId: entry.recordId,
          action: entry.action,
          changes: entry.changes,
          at: clock.now(),
          ...(context.requestId ? { requestId: context.requestId } : {}),
        },
      ]);
    },
    use<S>(handle: ModuleHandle<S>): S {
      return scope.service<S>(handle.id);
    },
    has(handle) {
      return runtime.modules.get(handle.id)?.services !== undefined;
    },
    service<S>(moduleId: string): S {
      if (!services.has(moduleId)) {
        const module = runtime.modules.get(moduleId);
        if (!module?.services) {
          throw new SellkitError('CONFIGURATION_INVALID', `module ${moduleId} is not installed`, {
            module: moduleId,
          });
        }
        services.set(moduleId, module.services(scope));
      }
      return services.get(moduleId) as S;
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

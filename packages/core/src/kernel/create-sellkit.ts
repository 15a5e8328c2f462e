import { type AccessResolver, type AccessRoles, defaultRoles } from '../access/policy.js';
import { type AuditEntry, auditEntryModel } from '../audit/audit.js';
import { tenantSettingsCache } from '../calendar/settings-cache.js';
import type { TenantCalendar } from '../calendar/tenant-calendar.js';
import type { TenantSettings, TenantSettingsResolver } from '../calendar/tenant-settings.js';
import { type Clock, systemClock } from '../context/clock.js';
import { type SellkitContext, validateContext } from '../context/context.js';
import { SellkitError } from '../errors/sellkit-error.js';
import { createEventBus, type EventBus, type HandlerErrorReporter } from '../events/event-bus.js';
import {
  type DrainOptions,
  type DrainReport,
  drainOutbox,
  type OutboxMessage,
} from '../events/outbox.js';
import { deliveryModel, outboxEventModel } from '../events/outbox-models.js';
import { type AnyModel, extendModel } from '../model/define-model.js';
import { createScoringRegistry, type ScoringRegistry } from '../scoring/registry.js';
import { scoringRuleSet } from '../scoring/rule-set-store.js';
import type { Page } from '../storage/query.js';
import type { StorageAdapter } from '../storage/storage.js';
import type { AnyModule, AnyPlugin, ScheduledJob } from './definitions.js';
import type {
  EventsOf,
  ExtendedModels,
  ExtensionsOf,
  ModelsOf,
  RecordServices,
  ServicesOf,
} from './facade-types.js';
import type { ModelHooks, ModuleScope } from './module-scope.js';
import { createScheduler, runJobs, type SellkitScheduler, type TickReport } from './scheduler.js';
import { createScope, type KernelRuntime } from './scope.js';

export type { TickReport } from './scheduler.js';

/** Options of {@link createSellkit}. */
export interface SellkitOptions<
  Modules extends readonly AnyModule[],
  Plugins extends readonly AnyPlugin[],
> {
  storage: StorageAdapter;
  modules?: Modules;
  plugins?: Plugins;
  access?: {
    /**
     * Role grants. A role named here replaces that role's grants from {@link defaultRoles} and
     * the modules (so a host can also narrow a role); other roles are kept.
     */
    roles?: AccessRoles;
    /** Resolves team and territory scopes; defaults to the team module's, else the context. */
    resolver?: AccessResolver;
  };
  /** Write events to the outbox for at-least-once delivery: all of them, or the names listed. */
  outbox?: boolean | { events: readonly string[] };
  clock?: Clock;
  /**
   * Each tenant's time zone, week start, fiscal year start, locale and country (sync or async,
   * asked once per tenant, cached). Default: `UTC`, Monday, January. Invalid settings are
   * `CONFIGURATION_INVALID` on the first call that needs them. Example:
   * `tenantSettings: (tenantId) => ({ timeZone: 'Asia/Shanghai', fiscalYearStartMonth: 4 })`.
   */
  tenantSettings?: TenantSettingsResolver;
  /** Where failing event handlers are reported (default `console.error`). */
  onHandlerError?: HandlerErrorReporter;
  /**
   * The scoring registry every module's and plugin's `scoring` contributions are added to
   * (a fresh one by default). Services reach it as `scope.extension('scoring')`.
   */
  scoring?: ScoringRegistry;
  /** Kernel extensions by key. */
  extensions?: Readonly<Record<string, unknown>>;
}

/** The kernel's own services on every scoped facade. */
export interface KernelFacade<Models> {
  readonly context: SellkitContext;
  /** The tenant's calendar (time zone, weeks, fiscal year) on the context's clock. */
  calendar(): Promise<TenantCalendar>;
  /** Typed, access-checked, audited record services for every model (plugin fields included). */
  readonly records: RecordServices<Models>;
  /** The audit trail (needs read access to `auditEntry`: admins by default). */
  readonly audit: {
    history(model: string, recordId: string): Promise<AuditEntry[]>;
    find(query?: {
      model?: string;
      actorId?: string;
      limit?: number;
      after?: string;
    }): Promise<Page<AuditEntry>>;
  };
  readonly outbox: {
    /** Delivers pending events at least once; see `drainOutbox`. */
    drain(
      deliver: (message: OutboxMessage) => Promise<void>,
      options?: DrainOptions,
    ): Promise<DrainReport>;
  };
  readonly scheduler: {
    /**
     * Runs every module's and plugin's scheduled jobs for **this tenant** as of `now` (default:
     * the clock). Call it once per tenant, or use `crm.scheduler.tickAll(tenantIds, { actor })`.
     */
    tick(now?: Date): Promise<TickReport>;
  };
  /** Runs `work` atomically; events are delivered after commit. */
  transaction<T>(work: (scope: ModuleScope) => Promise<T>): Promise<T>;
  /** The underlying scope, for advanced use and module authors. */
  readonly scope: ModuleScope;
}

/** A scoped facade: module services by module id, plus the kernel's. */
export type ScopedSellkit<
  Modules extends readonly AnyModule[],
  Plugins extends readonly AnyPlugin[],
> = ServicesOf<Modules> &
  KernelFacade<ExtendedModels<ModelsOf<Modules, Plugins>, ExtensionsOf<Plugins>>>;

/** A composed Sellkit instance. */
export interface Sellkit<
  Modules extends readonly AnyModule[],
  Plugins extends readonly AnyPlugin[],
> {
  /** The only door to data: every call made through the result runs as `context`. */
  as(context: SellkitContext): ScopedSellkit<Modules, Plugins>;
  /** Events of every module, delivered after commit. */
  readonly events: EventBus<EventsOf<Modules>>;
  /** Every model as composed (plugin fields merged). */
  readonly models: ExtendedModels<ModelsOf<Modules, Plugins>, ExtensionsOf<Plugins>>;
  readonly storage: StorageAdapter;
  /** Scoring operators and facts from every module and plugin. */
  readonly scoring: ScoringRegistry;
  /** A tenant's checked settings (from `tenantSettings`, defaults filled in). */
  tenantSettings(tenantId: string): Promise<TenantSettings>;
  /** Forgets cached tenant settings (one tenant or all), e.g. after a tenant changed its zone. */
  forgetTenantSettings(tenantId?: string): void;
  /** Ticks the scheduled jobs of many tenants: `crm.scheduler.tickAll(tenantIds, { actor })`. */
  readonly scheduler: SellkitScheduler;
  close(): Promise<void>;
}

// Rule sets are stored by the kernel, so every module scoring with them shares one table.
const KERNEL_MODELS: readonly AnyModel[] = [
  auditEntryModel,
  outboxEventModel,
  deliveryModel,
  scoringRuleSet,
];

function composeModels(
  modules: readonly AnyModule[],
  plugins: readonly AnyPlugin[],
  extra: readonly AnyModel[],
): Map<string, AnyModel> {
  const models = new Map<string, AnyModel>();
  const add = (model: AnyModel, owner: string) => {
    if (models.has(model.name)) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${model.name} is declared twice (again by ${owner})`,
        { model: model.name },
      );
    }
    models.set(model.name, model);
  };
  for (const model of [...KERNEL_MODELS, ...extra]) add(model, 'the kernel');
  for (const module of modules)
    for (const model of Object.values(module.models ?? {})) add(model, `module ${module.id}`);
  for (const plugin of plugins)
    for (const model of Object.values(plugin.models ?? {})) add(model, `plugin ${plugin.id}`);
  for (const plugin of plugins) {
    for (const [name, fields] of Object.entries(plugin.extend ?? {})) {
      const model = models.get(name);
      if (!model) {
        throw new SellkitError(
          'CONFIGURATION_INVALID',
          `plugin ${plugin.id} extends unknown model ${name}`,
          { model: name, plugin: plugin.id },
        );
      }
      models.set(name, extendModel(model, fields));
    }
  }
  return models;
}

function checkUnique(kind: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id))
      throw new SellkitError('CONFIGURATION_INVALID', `${kind} ${id} is installed twice`);
    seen.add(id);
  }
}

/** The default roles widened, model by model, with every module's grants. */
function widenRoles(base: AccessRoles, modules: readonly AnyModule[]): AccessRoles {
  const roles: Record<string, AccessRoles[string]> = { ...base };
  for (const module of modules) {
    for (const [role, grants] of Object.entries(module.roles ?? {})) {
      roles[role] = { ...(Object.hasOwn(roles, role) ? roles[role] : {}), ...grants };
    }
  }
  return roles;
}

/**
 * Composes storage, modules and plugins into one instance and makes storage ready for every
 * model. Call once at start-up; then `crm.as(context)` per request.
 *
 * @example
 * ```ts
 * import { customers } from '@sellkit/customers';
 * const loyalty = definePlugin({
 *   id: 'loyalty',
 *   extend: { company: { loyaltyTier: field.enum(['gold', 'silver'] as const) } },
 * });
 * const crm = await createSellkit({ storage: memory(), modules: [customers()], plugins: [loyalty] });
 * crm.events.on('customer.created', (event) => console.log(event.id));
 * const acme = crm.as({ tenantId: 'acme', actor: { id: 'u-7', roles: ['sales-rep'] } });
 * crm.events.on('customer.created', (event) => {
 *   if (event.model === 'company') console.log(event.company.name); // a union: check `model`
 * });
 * const company = await acme.customers.companies.create({ name: 'Cancity' });
 * await acme.records.company.update(company.id, { loyaltyTier: 'gold' });
 * ```
 */
export async function createSellkit<
  const Modules extends readonly AnyModule[] = [],
  const Plugins extends readonly AnyPlugin[] = [],
>(options: SellkitOptions<Modules, Plugins>): Promise<Sellkit<Modules, Plugins>> {
  if (!options?.storage || typeof options.storage.forTenant !== 'function') {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'createSellkit needs a storage adapter, e.g. memory() or sqlite({ file })',
    );
  }
  const modules = (options.modules ?? []) as readonly AnyModule[];
  const plugins = (options.plugins ?? []) as readonly AnyPlugin[];
  checkUnique(
    'module',
    modules.map((module) => module.id),
  );
  checkUnique(
    'plugin',
    plugins.map((plugin) => plugin.id),
  );
  const extraModels = Object.values(options.extensions ?? {}).flatMap((extension) =>
    extension !== null &&
    typeof extension === 'object' &&
    'models' in extension &&
    Array.isArray(extension.models)
      ? (extension.models as AnyModel[])
      : [],
  );
  const models = composeModels(modules, plugins, extraModels);
  await options.storage.setup([...models.values()]);

  const hooks = new Map<string, ModelHooks[]>();
  for (const plugin of plugins) {
    for (const [name, modelHooks] of Object.entries(plugin.hooks ?? {})) {
      if (!models.has(name))
        throw new SellkitError(
          'CONFIGURATION_INVALID',
          `plugin ${plugin.id} hooks unknown model ${name}`,
        );
      hooks.set(name, [...(hooks.get(name) ?? []), modelHooks]);
    }
  }
  const bus = createEventBus<Record<string, unknown>>(options.onHandlerError);
  for (const plugin of plugins) {
    for (const [event, handler] of Object.entries(plugin.on ?? {})) {
      if (handler) bus.on(event, handler as (payload: unknown) => void);
    }
  }
  const roles: AccessRoles = { ...widenRoles(defaultRoles, modules), ...options.access?.roles };
  const resolverModule = modules.find((module) => module.accessResolver);
  const hostResolver = options.access?.resolver;
  const outboxOption = options.outbox ?? false;
  const settings = tenantSettingsCache(options.tenantSettings);
  // Contributions are validated here, so a bad operator or fact fails at start-up.
  const scoring = options.scoring ?? createScoringRegistry();
  for (const part of [...modules, ...plugins]) scoring.use(part.scoring);
  const runtime: KernelRuntime = {
    models,
    modules: new Map(modules.map((module) => [module.id, module])),
    hooks,
    roles,
    ...(hostResolver
      ? { resolver: () => hostResolver }
      : resolverModule
        ? { resolver: (scope: ModuleScope) => resolverModule.accessResolver!(scope) }
        : {}),
    bus,
    outbox:
      outboxOption === false
        ? null
        : outboxOption === true
          ? () => true
          : (event) => outboxOption.events.includes(event),
    clock: options.clock ?? systemClock,
    tenantSettings: settings,
    extensions: new Map<string, unknown>([
      ...Object.entries(options.extensions ?? {}),
      ['scoring', scoring],
    ]),
  };
  const jobs: [string, ScheduledJob][] = [
    ...modules.flatMap((module) =>
      Object.entries(module.jobs ?? {}).map(
        ([name, job]) => [`${module.id}.${name}`, job] as [string, ScheduledJob],
      ),
    ),
    ...plugins.flatMap((plugin) =>
      Object.entries(plugin.jobs ?? {}).map(
        ([name, job]) => [`${plugin.id}.${name}`, job] as [string, ScheduledJob],
      ),
    ),
  ];

  const instance: Sellkit<Modules, Plugins> = {
    // The bus is untyped inside the kernel; the facade narrows it to the modules' merged map.
    events: bus as unknown as EventBus<EventsOf<Modules>>,
    models: Object.fromEntries(models) as Sellkit<Modules, Plugins>['models'],
    storage: options.storage,
    scoring,
    tenantSettings: (tenantId) => settings.get(tenantId),
    forgetTenantSettings: (tenantId) => settings.forget(tenantId),
    scheduler: createScheduler(
      (tenantId, actor, now) => instance.as({ tenantId, actor }).scheduler.tick(now),
      (tenantId, actor) => validateContext({ tenantId, actor }),
      () => runtime.clock.now(),
    ),
    close: () => options.storage.close(),
    as(input) {
      const context = validateContext(input);
      const scope = createScope(
        runtime,
        context,
        options.storage.forTenant(context.tenantId, { clock: context.clock ?? runtime.clock }),
      );
      const facade: Record<string, unknown> = {
        context,
        scope,
        calendar: () => scope.calendar(),
        transaction: (work: (inner: ModuleScope) => Promise<unknown>) => scope.transaction(work),
        audit: {
          history: async (model: string, recordId: string) =>
            (
              await scope.records(auditEntryModel).find({
                where: { model, recordId },
                orderBy: [{ field: 'id', direction: 'asc' }],
                limit: 10_000,
              })
            ).rows,
          find: (
            query: { model?: string; actorId?: string; limit?: number; after?: string } = {},
          ) =>
            scope.records(auditEntryModel).find({
              where: {
                ...(query.model ? { model: query.model } : {}),
                ...(query.actorId ? { actorId: query.actorId } : {}),
              },
              orderBy: [{ field: 'id', direction: 'desc' }],
              ...(query.limit === undefined ? {} : { limit: query.limit }),
              ...(query.after === undefined ? {} : { after: query.after }),
            }),
        },
        outbox: {
          drain: (
            deliver: (message: OutboxMessage) => Promise<void>,
            drainOptions?: DrainOptions,
          ) => drainOutbox(scope.storage, scope.clock, deliver, drainOptions),
        },
        scheduler: {
          tick: (now: Date = scope.clock.now()): Promise<TickReport> => runJobs(jobs, scope, now),
        },
      };
      const records: Record<string, unknown> = {};
      for (const model of models.values()) {
        Object.defineProperty(records, model.name, {
          enumerable: true,
          get: () => scope.records(model),
        });
      }
      facade.records = records;
      for (const module of modules) {
        if (!module.services) continue;
        Object.defineProperty(facade, module.id, {
          enumerable: true,
          get: () => scope.use(module),
        });
      }
      return facade as ScopedSellkit<Modules, Plugins>;
    },
  };
  return instance;
}

import type { AccessAction, AccessReach } from '../access/policy.js';
import type { AuditInput } from '../audit/audit.js';
import type { TenantCalendar } from '../calendar/tenant-calendar.js';
import type { Clock } from '../context/clock.js';
import type { SellkitContext } from '../context/context.js';
import type { EventMap } from '../events/event-bus.js';
import type { AnyModel, InferCreate, InferPatch, InferRecord } from '../model/define-model.js';
import type {
  AggregateQuery,
  AggregateRow,
  FindQuery,
  FindResult,
  Page,
  Where,
} from '../storage/query.js';
import type { TenantStorage } from '../storage/storage.js';
import type { InternalRecords, InternalWriteOptions } from './internal-records.js';

// The types a module's code is written against, in one file so the kernel's implementation
// files (scope, record service, definitions) can all depend on them without depending on
// each other.

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
   * const pageCounter = defineModel({
   *   name: 'pageCounter',
   *   idPrefix: 'cnt',
   *   fields: { visits: field.integer({ required: true }) },
   * });
   * // internal: the counter moves for every visitor, whoever may edit the page
   * const counters = scope.internal(pageCounter);
   * const current = await counters.get('cnt_1');
   * if (current) await counters.update(current.id, { visits: current.visits + 1 }, { current });
   * ```
   */
  internal<M extends AnyModel>(model: M): InternalRecords<M>;
  /**
   * Runs `work` atomically. Events emitted inside are delivered after the outermost
   * transaction commits, and dropped if it rolls back. Nested calls are savepoints.
   */
  transaction<T>(work: (scope: ModuleScope<E>) => Promise<T>): Promise<T>;
  /**
   * The next number of a gapless per-tenant sequence, starting at 1, taken in this scope's
   * transaction: a rollback gives the number back, so no number is lost or used twice, even
   * with concurrent writers. Name sequences after the module, in lower-case letters, digits and
   * `_ . -` (`orders.sales-order`, `billing.invoice-2026`).
   *
   * @example
   * ```ts
   * const number = await scope.transaction(async (tx) => {
   *   const n = await tx.nextSequenceValue('orders.sales-order');
   *   return `SO-${String(n).padStart(6, '0')}`;
   * });
   * ```
   */
  nextSequenceValue(name: string): Promise<number>;
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
  /**
   * Writes an audit entry, or several in one statement (records() does this itself; modules
   * use it for custom actions).
   */
  audit(entry: AuditInput | readonly AuditInput[]): Promise<void>;
  /**
   * Another module's services, bound to this scope (so they join its transaction).
   * `CONFIGURATION_INVALID` when that module is not installed.
   */
  use<S>(handle: ModuleHandle<S>): S;
  /** True when the module is installed (for optional dependencies). */
  has(handle: ModuleHandle<unknown>): boolean;
  /** A kernel extension by key (e.g. `scoring`). */
  extension<T>(key: string): T;
}

/**
 * Create, read, update and delete on one model, with access checks, plugin hooks, an audit
 * entry per change and atomicity. Reads are scoped to what the actor may see, in the storage
 * engine (a rep's `find` only ever returns their own records).
 *
 * Inside a transaction (`scope.transaction`, or a module service's own) a write joins it
 * without a savepoint of its own: when it fails, the whole transaction fails. A caller that
 * catches a write's error and goes on wraps that call in `scope.transaction` (a savepoint).
 * `update` and `delete` take the row the caller already read as `{ current }`, so it is not
 * read again; its version is then the expected version.
 */
export interface RecordService<M extends AnyModel> {
  create(input: InferCreate<M>): Promise<InferRecord<M>>;
  /** Creates all or none. */
  createMany(inputs: readonly InferCreate<M>[]): Promise<InferRecord<M>[]>;
  /** `NOT_FOUND` when missing, `FORBIDDEN` when out of the actor's reach. */
  get(id: string): Promise<InferRecord<M>>;
  /** Like get, but null when missing. */
  maybeGet(id: string): Promise<InferRecord<M> | null>;
  /** A page of what the actor may read; with `select`, only those fields plus `id` and `version`. */
  find<const Q extends FindQuery<InferRecord<M>> = FindQuery<InferRecord<M>>>(
    query?: Q,
  ): Promise<Page<FindResult<InferRecord<M>, Q>>>;
  count(where?: Where<InferRecord<M>>): Promise<number>;
  aggregate(query: AggregateQuery<InferRecord<M>>): Promise<AggregateRow[]>;
  /** With `expectedVersion`, a stale version is `CONFLICT` and nothing changes. */
  update(
    id: string,
    patch: InferPatch<M>,
    options?: InternalWriteOptions<InferRecord<M>>,
  ): Promise<InferRecord<M>>;
  delete(id: string, options?: InternalWriteOptions<InferRecord<M>>): Promise<void>;
}

/** Hooks a plugin runs around writes to one model, inside the write's transaction. */
export interface ModelHooks {
  /** May return a changed input; throwing refuses the create. */
  beforeCreate?(
    input: Record<string, unknown>,
    scope: ModuleScope,
  ): Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>;
  afterCreate?(record: Readonly<Record<string, unknown>>, scope: ModuleScope): void | Promise<void>;
  /** May return a changed patch; throwing refuses the update. */
  beforeUpdate?(
    patch: Record<string, unknown>,
    context: { before: Readonly<Record<string, unknown>>; scope: ModuleScope },
  ): Record<string, unknown> | undefined | Promise<Record<string, unknown> | undefined>;
  afterUpdate?(
    record: Readonly<Record<string, unknown>>,
    context: { before: Readonly<Record<string, unknown>>; scope: ModuleScope },
  ): void | Promise<void>;
  beforeDelete?(
    record: Readonly<Record<string, unknown>>,
    scope: ModuleScope,
  ): void | Promise<void>;
  afterDelete?(record: Readonly<Record<string, unknown>>, scope: ModuleScope): void | Promise<void>;
}

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

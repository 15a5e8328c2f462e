import type { AccessResolver, AccessRoles } from '../access/policy.js';
import { SellkitError } from '../errors/sellkit-error.js';
import type { EventMap, EventMeta } from '../events/event-bus.js';
import type { AnyModel, FieldMap } from '../model/define-model.js';
import type { ModelHooks, ModuleScope } from './module-scope.js';

/** A job the scheduler runs on `tick(now)` for one tenant. Use `scope.emitOnce` for exactly-once. */
// Declared through a method so the scope parameter stays bivariant and every module fits `AnyModule`.
export type ScheduledJob<E extends EventMap = Record<string, unknown>> = {
  run(scope: ModuleScope<E>, now: Date): Promise<void>;
}['run'];

/**
 * Operators and facts a module or plugin adds to the scoring engine. Typed loosely here on
 * purpose: the scoring engine validates each one when it is registered.
 */
export interface ScoringContribution {
  readonly operators?: readonly { readonly name: string }[];
  readonly facts?: readonly { readonly name: string }[];
}

/**
 * A domain module: models, the events it emits, and its services. Build one with
 * {@link defineModule} from a factory so hosts can pass options.
 */
export interface ModuleDefinition<
  Id extends string = string,
  Models extends Readonly<Record<string, AnyModel>> = Readonly<Record<string, AnyModel>>,
  Events extends EventMap = EventMap,
  Services = unknown,
> {
  readonly id: Id;
  /** Models keyed by their name. */
  readonly models?: Models;
  /** Phantom: the typed event map the module emits (`{} as CustomerEvents`). */
  readonly events?: Events;
  /** Builds the module's services for one scope (one context, maybe one transaction). */
  // Method syntax on purpose: parameters stay bivariant, so any module fits `AnyModule`.
  services?(scope: ModuleScope<Events>): Services;
  readonly jobs?: Readonly<Record<string, ScheduledJob<Events>>>;
  readonly scoring?: ScoringContribution;
  /** A module that knows the organisation (the team module) resolves team and territory scopes. */
  accessResolver?(scope: ModuleScope): AccessResolver;
  /**
   * Role grants the module adds. A role that already exists (a default role, or another
   * module's) is widened model by model: `{ 'sales-rep': { tag: { read: 'all' } } }` lets reps
   * read tags and keeps the rest of what reps may do. A host's `access.roles` still win.
   */
  readonly roles?: AccessRoles;
}

/** Any module. */
export type AnyModule = ModuleDefinition<
  string,
  Readonly<Record<string, AnyModel>>,
  EventMap,
  unknown
>;

/**
 * A plugin: extends models with fields, hooks into writes, listens to events, and adds scoring
 * operators and facts. A plain object, checked with `satisfies` or built with {@link definePlugin}.
 */
export interface PluginDefinition<
  Id extends string = string,
  Extends extends Readonly<Record<string, FieldMap>> = Readonly<Record<string, FieldMap>>,
> {
  readonly id: Id;
  /** New fields on existing models: `{ company: { loyaltyTier: field.enum([...]) } }`. */
  readonly extend?: Extends;
  /** Whole new models the plugin owns. */
  readonly models?: Readonly<Record<string, AnyModel>>;
  readonly hooks?: Readonly<Record<string, ModelHooks>>;
  /** Event name → handler, run after commit like any subscriber. */
  readonly on?: PluginEventHandlers;
  readonly scoring?: ScoringContribution;
  readonly jobs?: Readonly<Record<string, ScheduledJob>>;
}

/**
 * Every module's events, merged by declaration merging, so plugins get typed handlers for
 * events of modules they do not import. Each module package adds its map:
 *
 * ```ts
 * declare module '@sellkit/core' {
 *   interface SellkitEventRegistry extends CustomerEvents {}
 * }
 * ```
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in module packages.
export interface SellkitEventRegistry {}

/** Typed handlers for known events, plus any other event name. */
export type PluginEventHandlers = {
  readonly [K in keyof SellkitEventRegistry]?: (
    payload: SellkitEventRegistry[K],
    meta: EventMeta,
  ) => void | Promise<void>;
} & Readonly<
  Record<string, ((payload: never, meta: EventMeta) => void | Promise<void>) | undefined>
>;

/** Any plugin. */
export type AnyPlugin = PluginDefinition<string, Readonly<Record<string, FieldMap>>>;

const ID = /^[a-z][a-z0-9-]{1,47}$/;

function checkId(kind: string, id: unknown): void {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `${kind} id "${String(id)}" must be 2 to 48 lower-case letters, digits or dashes`,
    );
  }
}

/**
 * Declares a module. Returns the same object, checked.
 *
 * @example
 * ```ts
 * const note = defineModel({
 *   name: 'note',
 *   idPrefix: 'note',
 *   fields: { body: field.text({ required: true, maxLength: 2000 }), companyId: field.text() },
 * });
 * interface NoteEvents {
 *   'note.added': { noteId: string };
 * }
 * export function notes() {
 *   return defineModule({
 *     id: 'notes',
 *     models: { note },
 *     events: {} as NoteEvents,
 *     services: (scope) => ({
 *       async add(body: string) {
 *         const created = await scope.records(note).create({ body });
 *         await scope.emit('note.added', { noteId: created.id });
 *         return created;
 *       },
 *     }),
 *   });
 * }
 * // createSellkit({ storage, modules: [notes()] }).as(context).notes.add('Call back Monday')
 * ```
 */
export function defineModule<
  const Id extends string,
  const Models extends Readonly<Record<string, AnyModel>> = Readonly<Record<never, AnyModel>>,
  Events extends EventMap = Record<never, never>,
  Services = Record<never, never>,
>(
  definition: ModuleDefinition<Id, Models, Events, Services>,
): ModuleDefinition<Id, Models, Events, Services> {
  checkId('module', definition.id);
  for (const [key, model] of Object.entries(definition.models ?? {})) {
    if (key !== model.name) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `module ${definition.id}: models must be keyed by name (${key} ≠ ${model.name})`,
      );
    }
  }
  return definition;
}

/**
 * Declares a plugin. Returns the same object, checked.
 *
 * @example
 * ```ts
 * import type { CustomerEvents } from '@sellkit/customers';
 * export const loyalty = definePlugin({
 *   id: 'loyalty',
 *   extend: { company: { loyaltyTier: field.enum(['gold', 'silver'] as const) } },
 *   on: {
 *     'customer.created': (event: CustomerEvents['customer.created']) => console.log(event.id),
 *   },
 * });
 * ```
 */
export function definePlugin<
  const Id extends string,
  const Extends extends Readonly<Record<string, FieldMap>> = Readonly<Record<never, FieldMap>>,
>(definition: PluginDefinition<Id, Extends>): PluginDefinition<Id, Extends> {
  checkId('plugin', definition.id);
  return definition;
}

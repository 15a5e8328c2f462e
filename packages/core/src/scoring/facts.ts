import type { TenantCalendar } from '../calendar/tenant-calendar.js';
import { SellkitError } from '../errors/sellkit-error.js';
import { isDefinitionOf, NAME_PATTERN } from './operators/define-operator.js';

/** What a computed fact's `compute` receives besides the facts. */
export interface FactContext {
  /** The evaluation's `now`. */
  readonly now: Date;
  /**
   * The local calendar date of `now` in the tenant's time zone (`YYYY-MM-DD`): what "today"
   * means for day counts. UTC when the evaluation was given no calendar.
   */
  readonly today: string;
  /** The tenant calendar of the evaluation (a UTC calendar when none was given). */
  readonly calendar: TenantCalendar;
  /** The value of another computed fact; only names listed in `dependsOn` may be read. */
  get(name: string): unknown;
}

/**
 * A computed fact: derived from the facts, computed at most once per evaluation and only when
 * a rule set names it (`$name` in a condition) or depends on it.
 */
export interface FactDefinition<T = unknown> {
  readonly kind: 'fact';
  /** camelCase, unique in a registry. Rule sets write `$name`. */
  readonly name: string;
  readonly description?: string;
  /** Other computed facts this one reads through `context.get`. */
  readonly dependsOn: readonly string[];
  /** True when `compute` returns a Promise: rule sets naming it must use `scoreAsync`. */
  readonly async: boolean;
  compute(facts: Readonly<Record<string, unknown>>, context: FactContext): T | Promise<T>;
}

/** A computed fact with its value type erased. */
export type AnyFactDefinition = FactDefinition<unknown>;

interface FactInputBase {
  name: string;
  description?: string;
  dependsOn?: readonly string[];
}

/** What {@link defineFact} takes for a synchronous fact. */
export interface SyncFactInput<T> extends FactInputBase {
  async?: false;
  compute(facts: Readonly<Record<string, unknown>>, context: FactContext): T;
}

/** What {@link defineFact} takes for an asynchronous fact. */
export interface AsyncFactInput<T> extends FactInputBase {
  async: true;
  compute(facts: Readonly<Record<string, unknown>>, context: FactContext): Promise<T>;
}

function invalid(message: string, fact: string): SellkitError {
  return new SellkitError('CONFIGURATION_INVALID', message, { fact: fact.slice(0, 60) });
}

/**
 * Declares a computed fact. Synchronous facts keep `score` synchronous; an `async: true`
 * fact makes the rule sets that name it asynchronous (`scoreAsync`).
 *
 * @example
 * ```ts
 * const daysSinceLastInteraction = defineFact({
 *   name: 'daysSinceLastInteraction',
 *   compute: (facts, { now }) => {
 *     const last = facts.lastInteractionAt;
 *     return last instanceof Date ? Math.floor((now.getTime() - last.getTime()) / 86_400_000) : null;
 *   },
 * });
 * // a rule: { "fact": "$daysSinceLastInteraction", "operator": "gt", "value": 30 }
 * ```
 */
export function defineFact<T>(input: SyncFactInput<T>): FactDefinition<T>;
export function defineFact<T>(input: AsyncFactInput<T>): FactDefinition<T>;
export function defineFact<T>(input: SyncFactInput<T> | AsyncFactInput<T>): FactDefinition<T> {
  const name: unknown = input?.name;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw invalid(
      `fact name "${String(name).slice(0, 60)}" must be camelCase (at most 48 characters)`,
      String(name),
    );
  }
  if (typeof input.compute !== 'function') throw invalid(`fact ${name} needs compute`, name);
  const dependsOn: unknown = input.dependsOn ?? [];
  if (
    !Array.isArray(dependsOn) ||
    !dependsOn.every((dependency) => typeof dependency === 'string')
  ) {
    throw invalid(`fact ${name}: dependsOn must list fact names`, name);
  }
  if (dependsOn.includes(name)) throw invalid(`fact ${name} depends on itself`, name);
  return Object.freeze({
    kind: 'fact' as const,
    name,
    ...(input.description === undefined ? {} : { description: input.description }),
    dependsOn: Object.freeze([...(dependsOn as string[])]),
    async: input.async === true,
    compute: input.compute,
  });
}

/** True for an object built by {@link defineFact}. */
export function isFactDefinition(value: unknown): value is AnyFactDefinition {
  return isDefinitionOf(value, 'fact', 'compute');
}

/**
 * The computed facts `names` need, dependencies first. An unknown dependency or a cycle is
 * `CONFIGURATION_INVALID` (with the cycle in `details.cycle`). With `allowUnknown`, unknown
 * dependencies are skipped: a registry checks for cycles before every fact is registered.
 */
export function factsInOrder(
  names: Iterable<string>,
  lookup: (name: string) => AnyFactDefinition | undefined,
  options: { allowUnknown?: boolean } = {},
): AnyFactDefinition[] {
  const order: AnyFactDefinition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: readonly string[]): void => {
    const seen = state.get(name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `computed facts form a cycle: ${cycle.join(' → ')}`,
        { fact: name, cycle },
      );
    }
    const definition = lookup(name);
    if (!definition) {
      if (options.allowUnknown) return;
      const from = trail[trail.length - 1];
      throw invalid(
        from === undefined
          ? `unknown computed fact ${name}`
          : `computed fact ${from} depends on unknown fact ${name}`,
        name,
      );
    }
    state.set(name, 'visiting');
    for (const dependency of definition.dependsOn) visit(dependency, [...trail, name]);
    state.set(name, 'done');
    order.push(definition);
  };
  for (const name of names) visit(name, []);
  return order;
}

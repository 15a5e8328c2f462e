import type { z } from 'zod';
import type { TenantCalendar } from '../../calendar/tenant-calendar.js';
import { SellkitError } from '../../errors/sellkit-error.js';
import type { Money } from '../../money/money.js';
import type { FactKind } from '../values.js';

/** The TypeScript type of a fact value of kind `K`. */
export type FactValueOf<K extends FactKind> = {
  string: string;
  number: number;
  boolean: boolean;
  date: Date;
  money: Money;
  array: readonly unknown[];
  object: Readonly<Record<string, unknown>>;
}[K];

// Method-style bivariance, so an operator typed for its own values still fits a registry.
type AcceptsFunction<Prepared, K> = {
  bivarianceHack(value: Prepared): readonly K[];
}['bivarianceHack'];

/** What an operator's `test` receives besides the fact and its prepared value. */
export interface OperatorContext {
  /** The evaluation's `now`, in milliseconds since the epoch (read once per evaluation). */
  now(): number;
  /** The tenant calendar relative dates are counted in (UTC when none was given). */
  calendar(): TenantCalendar;
  /**
   * Refuses the fact: throws `VALIDATION_FAILED` naming the rule, the condition's path and the
   * fact. Use it when a fact has an accepted kind but an unusable value (an unparsable date).
   */
  invalid(message: string): never;
}

/**
 * A scoring operator. The rule-side value is checked by `value` (zod) and turned once, at
 * compile time, into whatever `test` needs by `prepare`; `test` then runs on every evaluation.
 *
 * Facts that are missing (undefined or null) never reach `test`: the condition is false, or
 * `onMissing(value)` when given. Facts of a kind not in `accepts` are `VALIDATION_FAILED`.
 */
export interface OperatorDefinition<
  Value = unknown,
  Prepared = Value,
  K extends FactKind = FactKind,
> {
  readonly kind: 'operator';
  /** camelCase, unique in a registry. */
  readonly name: string;
  readonly description?: string;
  /** The fact kinds accepted, fixed or depending on the prepared value. */
  readonly accepts: readonly K[] | AcceptsFunction<Prepared, K>;
  /** Validates the rule-side value (a zod schema; its issue paths are kept). */
  readonly value: z.ZodType<Value>;
  /** Turns the value into what `test` uses; may throw `VALIDATION_FAILED`. */
  prepare?(value: Value): Prepared;
  test(fact: FactValueOf<K>, value: Prepared, context: OperatorContext): boolean;
  /** The result for a missing fact; false when not given. */
  onMissing?(value: Prepared): boolean;
  /** For `explain`: why the condition is false although the fact has an accepted kind. */
  why?(fact: FactValueOf<K>, value: Prepared): string | undefined;
}

/** An operator with its types erased, as a registry holds it. */
export type AnyOperatorDefinition = OperatorDefinition<unknown, unknown, FactKind>;

/** Operator and computed-fact names: camelCase, at most 48 characters. */
export const NAME_PATTERN = /^[a-z][A-Za-z0-9]{0,47}$/;

/**
 * Declares a scoring operator for a plugin. Returns the definition, checked and frozen.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const divisibleBy = defineOperator({
 *   name: 'divisibleBy',
 *   accepts: ['number'],
 *   value: z.number().int().positive(),
 *   test: (fact, divisor) => fact % divisor === 0,
 * });
 * ```
 */
export function defineOperator<Value, Prepared = Value, const K extends FactKind = FactKind>(
  definition: Omit<OperatorDefinition<Value, Prepared, K>, 'kind'> & { kind?: 'operator' },
): OperatorDefinition<Value, Prepared, K> {
  const raw: unknown = definition;
  if (typeof raw !== 'object' || raw === null) {
    throw new SellkitError('CONFIGURATION_INVALID', 'an operator definition must be an object');
  }
  if (typeof definition.name !== 'string' || !NAME_PATTERN.test(definition.name)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `operator name "${String(definition.name).slice(0, 60)}" must be camelCase (at most 48 characters)`,
      { operator: String(definition.name).slice(0, 60) },
    );
  }
  const accepts: unknown = definition.accepts;
  if (
    typeof definition.test !== 'function' ||
    (typeof accepts !== 'function' && !Array.isArray(accepts)) ||
    typeof definition.value?.safeParse !== 'function'
  ) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `operator ${definition.name} needs accepts (kinds), value (a zod schema) and test`,
      { operator: definition.name },
    );
  }
  return Object.freeze({ ...definition, kind: 'operator' as const });
}

/** True for an object built by {@link defineOperator}. */
export function isOperatorDefinition(value: unknown): value is AnyOperatorDefinition {
  return isDefinitionOf(value, 'operator', 'test');
}

/** True for an object of `kind` whose `method` is a function (an operator's or a fact's). */
export function isDefinitionOf(value: unknown, kind: string, method: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const definition = value as Record<string, unknown>;
  return definition.kind === kind && typeof definition[method] === 'function';
}

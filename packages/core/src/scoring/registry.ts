import { SellkitError } from '../errors/sellkit-error.js';
import type { ScoringContribution } from '../kernel/definitions.js';
import { type AnyFactDefinition, factsInOrder, isFactDefinition } from './facts.js';
import { BUILTIN_OPERATORS } from './operators/builtins.js';
import {
  type AnyOperatorDefinition,
  isOperatorDefinition,
  NAME_PATTERN,
} from './operators/define-operator.js';

/**
 * Operators and computed facts a rule set may name. Modules and plugins contribute to it
 * (the kernel feeds their `scoring` contributions through `use`); compiled rule sets keep
 * the definitions they were compiled with.
 */
export interface ScoringRegistry {
  /** Adds an operator under `name` (its own name unless given). Names are never replaced. */
  operator(definition: AnyOperatorDefinition): ScoringRegistry;
  operator(name: string, definition: AnyOperatorDefinition): ScoringRegistry;
  /** Adds a computed fact under `name` (its own name unless given). */
  fact(definition: AnyFactDefinition): ScoringRegistry;
  fact(name: string, definition: AnyFactDefinition): ScoringRegistry;
  /** Adds a module's or plugin's operators and facts: all of them, or none on error. */
  use(contribution: ScoringContribution | undefined): ScoringRegistry;
  getOperator(name: string): AnyOperatorDefinition | undefined;
  getFact(name: string): AnyFactDefinition | undefined;
  hasOperator(name: string): boolean;
  hasFact(name: string): boolean;
  operatorNames(): string[];
  factNames(): string[];
}

function checkName(kind: 'operator' | 'fact', name: unknown): string {
  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `${kind} name "${String(name).slice(0, 60)}" must be camelCase (at most 48 characters)`,
      { [kind]: String(name).slice(0, 60) },
    );
  }
  return name;
}

function resolveArgs<T extends { readonly name: string }>(
  kind: 'operator' | 'fact',
  first: string | T,
  second: T | undefined,
  isDefinition: (value: unknown) => value is T,
): T {
  const definition = typeof first === 'string' ? second : first;
  if (!isDefinition(definition)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `not a${kind === 'operator' ? 'n operator' : ' fact'} definition: build it with define${kind === 'operator' ? 'Operator' : 'Fact'}`,
    );
  }
  const name = checkName(kind, typeof first === 'string' ? first : definition.name);
  return name === definition.name ? definition : Object.freeze({ ...definition, name });
}

/**
 * Creates a registry holding the built-in operators.
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
 * const employeesPerSite = defineFact({
 *   name: 'employeesPerSite',
 *   compute: (facts) => Number(facts.employees) / Math.max(1, Number(facts.sites)),
 * });
 * const registry = createScoringRegistry().operator(divisibleBy).fact(employeesPerSite);
 * const compiled = compileRuleSet(ruleSet, { registry });
 * ```
 */
export function createScoringRegistry(): ScoringRegistry {
  const operators = new Map<string, AnyOperatorDefinition>(
    BUILTIN_OPERATORS.map((definition) => [definition.name, definition]),
  );
  const facts = new Map<string, AnyFactDefinition>();

  // `CONFIGURATION_INVALID` for a name registered already, or twice in `list`.
  const refuseTaken = (
    kind: 'operator' | 'fact',
    list: readonly { readonly name: string }[],
    taken: ReadonlyMap<string, unknown>,
  ): void => {
    const names = new Set<string>();
    for (const { name } of list) {
      if (taken.has(name) || names.has(name)) {
        throw new SellkitError('CONFIGURATION_INVALID', `${kind} ${name} is already registered`, {
          [kind]: name,
        });
      }
      names.add(name);
    }
  };

  const addOperators = (list: readonly AnyOperatorDefinition[]): void => {
    refuseTaken('operator', list, operators);
    for (const definition of list) operators.set(definition.name, definition);
  };

  const addFacts = (list: readonly AnyFactDefinition[]): void => {
    refuseTaken('fact', list, facts);
    const added = new Map(list.map((definition) => [definition.name, definition]));
    // Dependencies may be registered later; cycles among the known facts are refused now.
    const lookup = (name: string) => added.get(name) ?? facts.get(name);
    factsInOrder(added.keys(), lookup, { allowUnknown: true });
    for (const definition of list) facts.set(definition.name, definition);
  };

  const registry: ScoringRegistry = {
    operator(first: string | AnyOperatorDefinition, second?: AnyOperatorDefinition) {
      addOperators([resolveArgs('operator', first, second, isOperatorDefinition)]);
      return registry;
    },
    fact(first: string | AnyFactDefinition, second?: AnyFactDefinition) {
      addFacts([resolveArgs('fact', first, second, isFactDefinition)]);
      return registry;
    },
    use(contribution) {
      const newOperators = (contribution?.operators ?? []).map((definition) =>
        resolveArgs(
          'operator',
          definition as AnyOperatorDefinition,
          undefined,
          isOperatorDefinition,
        ),
      );
      const newFacts = (contribution?.facts ?? []).map((definition) =>
        resolveArgs('fact', definition as AnyFactDefinition, undefined, isFactDefinition),
      );
      const before = new Map(operators);
      addOperators(newOperators);
      try {
        addFacts(newFacts);
      } catch (error) {
        operators.clear();
        for (const [name, definition] of before) operators.set(name, definition);
        throw error;
      }
      return registry;
    },
    getOperator: (name) => operators.get(name),
    getFact: (name) => facts.get(name),
    hasOperator: (name) => operators.has(name),
    hasFact: (name) => facts.has(name),
    operatorNames: () => [...operators.keys()],
    factNames: () => [...facts.keys()],
  };
  return registry;
}

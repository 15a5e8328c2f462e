import { isSellkitError, type SellkitError } from '../errors/sellkit-error.js';
import { type CompiledRuleSet, type CompileOptions, compileRuleSet } from './compile.js';
import type { Condition, RuleSet } from './schema.js';

/** A one-rule rule set around a condition (tests only). */
export function oneRule(condition: Condition, id = 'r1'): RuleSet {
  return { id: 'test', version: 1, rules: [{ id, condition, outcome: { points: 1 } }], bands: [] };
}

/** The same rule set compiled both ways (tests only). */
export function bothModes(ruleSet: RuleSet, options: CompileOptions = {}): CompiledRuleSet[] {
  return [
    compileRuleSet(ruleSet, { ...options, mode: 'function' }),
    compileRuleSet(ruleSet, { ...options, mode: 'closures' }),
  ];
}

/** What one evaluation gave, in every mode and in explain: fired or the error (tests only). */
export function outcomes(
  ruleSet: RuleSet,
  facts: object,
  now?: string,
  options: CompileOptions = {},
): (boolean | SellkitError)[] {
  const evaluate = now === undefined ? {} : { now };
  return bothModes(ruleSet, options).flatMap((compiled) =>
    [
      () => compiled.score(facts, evaluate).total === 1,
      () => compiled.explain(facts, evaluate).total === 1,
    ].map((run) => {
      try {
        return run();
      } catch (error) {
        if (isSellkitError(error)) return error;
        throw error;
      }
    }),
  );
}

export type { CompiledRuleSet, CompileMode, CompileOptions, EvaluateOptions } from './compile.js';
export { compileRuleSet } from './compile.js';
export { defineRuleSet } from './define-rule-set.js';
export type { ConditionTrace, Explanation, FactRead, RuleExplanation } from './explain.js';
export type { AnyFactDefinition, FactContext, FactDefinition } from './facts.js';
export { defineFact } from './facts.js';
export type {
  AnyOperatorDefinition,
  FactValueOf,
  OperatorContext,
  OperatorDefinition,
} from './operators/define-operator.js';
export { defineOperator } from './operators/define-operator.js';
export { unsafePatternReason } from './operators/safe-regex.js';
export type { ScoringRegistry } from './registry.js';
export { createScoringRegistry } from './registry.js';
export type { ScoreResult } from './result.js';
export type { RuleSetScope, RuleSetStatus, RuleSetStore, StoredRuleSet } from './rule-set-store.js';
export { createRuleSetStore, scoringRuleSet } from './rule-set-store.js';
export type {
  AllCondition,
  AnyCondition,
  Band,
  Condition,
  FactCondition,
  NotCondition,
  Rule,
  RuleOutcome,
  RuleSet,
} from './schema.js';
export { ruleSetSchema } from './schema.js';
export type { FactKind } from './values.js';

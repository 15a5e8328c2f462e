// Names the fragments of docs/scoring.md take from their surroundings (type-checked only).
import {
  type Clock,
  createScoringRegistry,
  defineRuleSet,
  type ModuleScope,
  type RuleSet,
} from '@sellkit/core';

/** A rule set as JSON, e.g. the "lead-priority" example of the guide. */
export declare const json: unknown;
export declare const ruleSet: RuleSet;
export const registry = createScoringRegistry();
export declare const clock: Clock;
export declare const now: Date;
export declare const opportunity: Record<string, unknown>;
export declare const company: Record<string, unknown>;
export declare const facts: Record<string, unknown>;
export declare const list: readonly Record<string, unknown>[];
export declare const scope: ModuleScope;
export const leadPriority = defineRuleSet(json);
// Imported by the guide's earlier blocks.
export { compileRuleSet, createRuleSetStore } from '@sellkit/core';

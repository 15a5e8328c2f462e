import type { FactReference } from './fact-path.js';
import type { AnyFactDefinition } from './facts.js';
import type { AnyOperatorDefinition } from './operators/define-operator.js';
import type { RuleSet } from './schema.js';
import type { FactKind } from './values.js';

/** A validated fact condition, ready to evaluate. */
export interface PlanLeaf {
  readonly kind: 'fact';
  /** Position among all leaves of the rule set. */
  readonly index: number;
  readonly rule: number;
  readonly ruleId: string;
  /** Where it sits in the rule set: `rules.3.condition.all.1`. */
  readonly path: string;
  readonly fact: FactReference;
  readonly operator: AnyOperatorDefinition;
  /** The rule-side value as written, and as the operator prepared it. */
  readonly value: unknown;
  readonly prepared: unknown;
  /** The fact kinds accepted, or `any` (exists, isEmpty). */
  readonly accepts: ReadonlySet<FactKind> | 'any';
}

/** A validated `all` or `any`. */
export interface PlanGroup {
  readonly kind: 'all' | 'any';
  readonly path: string;
  readonly children: readonly PlanNode[];
}

/** A validated `not`. */
export interface PlanNot {
  readonly kind: 'not';
  readonly path: string;
  readonly child: PlanNode;
}

export type PlanNode = PlanLeaf | PlanGroup | PlanNot;

export interface PlanRule {
  readonly index: number;
  readonly id: string;
  readonly description: string;
  readonly points: number;
  readonly tag: string | undefined;
  readonly condition: PlanNode;
}

/** A band with its lower bound made explicit (-Infinity for the catch-all band). */
export interface PlanBand {
  readonly label: string;
  readonly min: number;
  readonly priority: number;
}

/** A rule set checked against a registry: what both compilers and `explain` work from. */
export interface Plan {
  readonly ruleSet: RuleSet;
  readonly rules: readonly PlanRule[];
  readonly leaves: readonly PlanLeaf[];
  /** Highest `min` first. */
  readonly bands: readonly PlanBand[];
  /** The computed facts needed, dependencies first; a fact's slot is its position here. */
  readonly facts: readonly AnyFactDefinition[];
  /** True when evaluation reads `now` (relative dates, plugin operators, computed facts). */
  readonly usesNow: boolean;
  /** True when a needed computed fact is asynchronous. */
  readonly isAsync: boolean;
}

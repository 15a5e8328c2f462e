import type { TenantCalendar } from '../calendar/tenant-calendar.js';
import { type FactReader, factReader } from './compile-closures.js';
import type { Plan, PlanLeaf, PlanNode } from './plan.js';
import { resultBuilder, type ScoreResult } from './result.js';
import { type Evaluation, evaluationFactory, generalTest, type LeafTest } from './runtime.js';

/** How one condition went. */
export interface ConditionTrace {
  /** Where it sits in the rule set: `rules.0.condition.all.1`. */
  readonly path: string;
  readonly kind: 'all' | 'any' | 'not' | 'fact';
  /** null when it was not evaluated because an earlier sibling decided the outcome. */
  readonly result: boolean | null;
  /** Fact conditions: the fact, operator and rule-side value as written, and the fact read. */
  readonly fact?: string;
  readonly operator?: string;
  readonly value?: unknown;
  readonly actual?: unknown;
  /** Why a fact condition is false when the values alone do not say (missing, currency...). */
  readonly reason?: string;
  readonly children?: readonly ConditionTrace[];
}

/** One fact a rule read, with the value it had. */
export interface FactRead {
  readonly fact: string;
  readonly value: unknown;
}

/** How one rule went. */
export interface RuleExplanation {
  readonly id: string;
  readonly description: string;
  readonly fired: boolean;
  /** The points it gave: its points when fired, else 0. */
  readonly points: number;
  /** The tag it gave, or null. */
  readonly tag: string | null;
  /** The facts its evaluated conditions read, in order, each once. */
  readonly facts: readonly FactRead[];
  readonly condition: ConditionTrace;
}

/** A score with the story of every rule. */
export interface Explanation extends ScoreResult {
  readonly rules: readonly RuleExplanation[];
}

interface Trace {
  readonly facts: FactRead[];
}

type Tracer = (evaluation: Evaluation, trace: Trace) => ConditionTrace;

function skipped(node: PlanNode): ConditionTrace {
  switch (node.kind) {
    case 'fact':
      return {
        path: node.path,
        kind: 'fact',
        result: null,
        fact: node.fact.source,
        operator: node.operator.name,
        value: node.value,
      };
    case 'not':
      return { path: node.path, kind: 'not', result: null, children: [skipped(node.child)] };
    default:
      return {
        path: node.path,
        kind: node.kind,
        result: null,
        children: node.children.map(skipped),
      };
  }
}

function reasonFor(leaf: PlanLeaf, actual: unknown, result: boolean): string | undefined {
  if (result) return undefined;
  if (leaf.fact.blocked) return 'prototype members are never read';
  if (actual === undefined || actual === null) {
    return leaf.operator.onMissing ? undefined : 'the fact is missing';
  }
  return leaf.operator.why?.(actual as never, leaf.prepared);
}

function leafTracer(plan: Plan, leaf: PlanLeaf): Tracer {
  const read: FactReader = factReader(plan, leaf);
  const test: LeafTest = generalTest(plan.ruleSet.id, leaf);
  const { path, value } = leaf;
  const fact = leaf.fact.source;
  const operator = leaf.operator.name;
  return (evaluation, trace) => {
    const actual = read(evaluation);
    if (!trace.facts.some((read) => read.fact === fact)) trace.facts.push({ fact, value: actual });
    const result = test(actual, evaluation);
    const reason = reasonFor(leaf, actual, result);
    // Object literals, not spreads: spreading a shared base object is far slower in V8.
    return reason === undefined
      ? { path, kind: 'fact', result, fact, operator, value, actual }
      : { path, kind: 'fact', result, fact, operator, value, actual, reason };
  };
}

function tracer(plan: Plan, node: PlanNode): Tracer {
  if (node.kind === 'fact') return leafTracer(plan, node);
  if (node.kind === 'not') {
    const child = tracer(plan, node.child);
    return (evaluation, trace) => {
      const inner = child(evaluation, trace);
      return { path: node.path, kind: 'not', result: !inner.result, children: [inner] };
    };
  }
  const children = node.children.map((child) => ({ node: child, trace: tracer(plan, child) }));
  const decisive = node.kind === 'any';
  return (evaluation, trace) => {
    const traces: ConditionTrace[] = [];
    let result = !decisive;
    for (const child of children) {
      if (result === decisive) {
        traces.push(skipped(child.node));
        continue;
      }
      const inner = child.trace(evaluation, trace);
      traces.push(inner);
      if (inner.result === decisive) result = decisive;
    }
    return { path: node.path, kind: node.kind, result, children: traces };
  };
}

/** The run function of `explain`: scores like the compiled rule set and records every step. */
export type ExplainFunction = (
  facts: Readonly<Record<string, unknown>>,
  now: number,
  values: unknown[] | undefined,
  calendar: TenantCalendar | undefined,
) => Explanation;

/** Builds the explaining evaluator of a plan (short-circuits exactly as scoring does). */
export function compileExplain(plan: Plan): ExplainFunction {
  const rules = plan.rules.map((rule) => ({ rule, trace: tracer(plan, rule.condition) }));
  const create = evaluationFactory(plan);
  const result = resultBuilder(plan);
  return (facts, now, values, calendar) => {
    const evaluation = create(facts, now, values, calendar);
    let total = 0;
    let tags: string[] | null = null;
    const fired: string[] = [];
    const explained: RuleExplanation[] = [];
    for (const { rule, trace } of rules) {
      const reads: Trace = { facts: [] };
      const condition = trace(evaluation, reads);
      const hit = condition.result === true;
      if (hit) {
        total += rule.points;
        fired.push(rule.id);
        if (rule.tag !== undefined) {
          tags ??= [];
          tags.push(rule.tag);
        }
      }
      explained.push({
        id: rule.id,
        description: rule.description,
        fired: hit,
        points: hit ? rule.points : 0,
        tag: hit && rule.tag !== undefined ? rule.tag : null,
        facts: reads.facts,
        condition,
      });
    }
    const score = result(total, fired, tags);
    return {
      ruleSetId: score.ruleSetId,
      ruleSetVersion: score.ruleSetVersion,
      total: score.total,
      band: score.band,
      priority: score.priority,
      tags: score.tags,
      fired: score.fired,
      rules: explained,
    };
  };
}

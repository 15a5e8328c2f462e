import type { RunFunction } from './compile-function.js';
import { readPath } from './fact-path.js';
import { fastTestOf } from './operators/inline.js';
import type { Plan, PlanLeaf, PlanNode } from './plan.js';
import { resultBuilder } from './result.js';
import { computedFact, type Evaluation, evaluationFactory, generalTest } from './runtime.js';

/** Reads a leaf's fact value for one evaluation. */
export type FactReader = (evaluation: Evaluation) => unknown;

/** The reader of one leaf's fact: own properties only, computed facts through the memo. */
export function factReader(plan: Plan, leaf: PlanLeaf): FactReader {
  const reference = leaf.fact;
  if (reference.blocked) return () => undefined;
  if (reference.computed === undefined) {
    const [first = '', second = '', third] = reference.segments;
    // One- and two-segment paths (`stage`, `company.industry`) are most paths: no loop for them.
    if (reference.segments.length === 1) {
      return (evaluation) => {
        const facts = evaluation.facts;
        return Object.hasOwn(facts, first) ? facts[first] : undefined;
      };
    }
    if (third === undefined) {
      return (evaluation) => {
        const facts = evaluation.facts;
        const parent = Object.hasOwn(facts, first) ? facts[first] : undefined;
        return typeof parent === 'object' && parent !== null && Object.hasOwn(parent, second)
          ? (parent as Record<string, unknown>)[second]
          : undefined;
      };
    }
    return (evaluation) => readPath(evaluation.facts, reference);
  }
  const slot = plan.facts.findIndex((definition) => definition.name === reference.computed);
  if (reference.segments.length === 0) return (evaluation) => computedFact(evaluation, slot);
  return (evaluation) => readPath(computedFact(evaluation, slot), reference);
}

type Test = (evaluation: Evaluation) => boolean;

function nodeTest(plan: Plan, node: PlanNode): Test {
  switch (node.kind) {
    case 'fact': {
      const read = factReader(plan, node);
      const test = generalTest(plan.ruleSet.id, node);
      const fast = fastTestOf(node.operator, node.prepared);
      if (fast === undefined) return (evaluation) => test(read(evaluation), evaluation);
      return (evaluation) => {
        const value = read(evaluation);
        const result = fast(value);
        return result === undefined ? test(value, evaluation) : result;
      };
    }
    case 'not': {
      const child = nodeTest(plan, node.child);
      return (evaluation) => !child(evaluation);
    }
    case 'all': {
      const children = node.children.map((child) => nodeTest(plan, child));
      if (children.length === 2) {
        const [a, b] = children as [Test, Test];
        return (evaluation) => a(evaluation) && b(evaluation);
      }
      return (evaluation) => {
        for (const child of children) if (!child(evaluation)) return false;
        return true;
      };
    }
    case 'any': {
      const children = node.children.map((child) => nodeTest(plan, child));
      return (evaluation) => {
        for (const child of children) if (child(evaluation)) return true;
        return false;
      };
    }
  }
}

/**
 * Compiles a plan into composed closures: no code generation, for hosts whose content security
 * policy (or edge runtime) forbids `new Function`.
 */
export function compileToClosures(plan: Plan): RunFunction {
  const rules = plan.rules.map((rule) => ({ rule, test: nodeTest(plan, rule.condition) }));
  const create = evaluationFactory(plan);
  const result = resultBuilder(plan);
  return (facts, now, values, calendar) => {
    const evaluation = create(facts, now, values, calendar);
    let total = 0;
    let tags: string[] | null = null;
    const fired: string[] = [];
    for (const { rule, test } of rules) {
      if (!test(evaluation)) continue;
      total += rule.points;
      fired.push(rule.id);
      if (rule.tag !== undefined) {
        tags ??= [];
        tags.push(rule.tag);
      }
    }
    return result(total, fired, tags);
  };
}

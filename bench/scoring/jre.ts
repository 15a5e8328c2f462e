import type { Condition, RuleSet } from '@sellkit/core';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';

const OPERATORS: Record<string, string> = {
  eq: 'equal',
  ne: 'notEqual',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  in: 'in',
  notIn: 'notIn',
  contains: 'contains',
};

function toJre(condition: Condition): NestedCondition {
  if ('all' in condition) return { all: condition.all.map(toJre) };
  if ('any' in condition) return { any: condition.any.map(toJre) };
  if ('not' in condition) return { not: toJre(condition.not) };
  const operator = OPERATORS[condition.operator];
  if (!operator) throw new Error(`json-rules-engine has no ${condition.operator}`);
  // `opportunity.amount` becomes fact `opportunity` with JSONPath `$.amount`, jre's own way.
  const [fact, ...path] = condition.fact.split('.');
  return {
    fact: fact as string,
    operator,
    value: condition.value as never,
    ...(path.length > 0 ? { path: `$.${path.join('.')}` } : {}),
  };
}

function topLevel(condition: Condition): TopLevelCondition {
  const converted = toJre(condition);
  return 'all' in converted || 'any' in converted || 'not' in converted
    ? (converted as TopLevelCondition)
    : { all: [converted] };
}

/** The same rule set as a json-rules-engine 7 engine: one jre rule per rule, event type = rule id. */
export function jreEngine(ruleSet: RuleSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const rule of ruleSet.rules) {
    engine.addRule({
      name: rule.id,
      conditions: topLevel(rule.condition),
      event: { type: rule.id, params: { points: rule.outcome.points ?? 0 } },
    });
  }
  return engine;
}

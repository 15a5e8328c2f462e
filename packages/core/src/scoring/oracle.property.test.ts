import fc from 'fast-check';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import type { Condition, RuleSet } from './schema.js';
import { bothModes } from './test-helpers.js';

// json-rules-engine 7 is the oracle: on the operators and facts both engines share, the same
// rules must fire. Facts are typed per name so every condition is well-typed for both engines.
const JRE: Record<string, string> = {
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

const number = fc.integer({ min: -5, max: 5 });
const word = fc.constantFrom('a', 'b', 'c', 'd');

// A fact condition: one of `facts`, one of `operators`, a generated value.
const leafOf = <V>(facts: string[], operators: string[], value: fc.Arbitrary<V>) =>
  fc.record({ fact: fc.constantFrom(...facts), operator: fc.constantFrom(...operators), value });
const numberLeaf = leafOf(['n1', 'n2'], ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'], number);
const numberList = fc.array(number, { minLength: 1, maxLength: 9 });
const numberListLeaf = leafOf(['n1', 'n2'], ['in', 'notIn'], numberList);
const wordLeaf = leafOf(['s1', 's2'], ['eq', 'ne'], word);
const wordList = fc.array(word, { minLength: 1, maxLength: 9 });
const wordListLeaf = leafOf(['s1', 's2'], ['in', 'notIn'], wordList);
const containsLeaf = leafOf(['tags'], ['contains'], word);
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  numberLeaf,
  numberListLeaf,
  wordLeaf,
  wordListLeaf,
  containsLeaf,
);

// all / any / not nested freely, up to three levels deep.
function tree(depth: number): fc.Arbitrary<Condition> {
  if (depth === 0) return leaf;
  const child = tree(depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ all: fc.array(child, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ any: fc.array(child, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ not: child }) },
  );
}

const facts = fc.record({
  n1: number,
  n2: number,
  s1: word,
  s2: word,
  tags: fc.uniqueArray(word, { maxLength: 4 }),
});

function toJre(condition: Condition): NestedCondition {
  if ('all' in condition) return { all: condition.all.map(toJre) };
  if ('any' in condition) return { any: condition.any.map(toJre) };
  if ('not' in condition) return { not: toJre(condition.not) };
  return {
    fact: condition.fact,
    operator: JRE[condition.operator] as string,
    value: condition.value as never,
  };
}

function topLevel(condition: Condition): TopLevelCondition {
  const converted = toJre(condition);
  return 'all' in converted || 'any' in converted || 'not' in converted
    ? (converted as TopLevelCondition)
    : { all: [converted] };
}

describe('json-rules-engine as an oracle', () => {
  it('fires the same rules on generated rule sets and facts (1,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(tree(3), { minLength: 1, maxLength: 6 }),
        facts,
        async (conditions, input) => {
          const ruleSet: RuleSet = {
            id: 'oracle',
            version: 1,
            rules: conditions.map((condition, index) => ({
              id: `rule-${index}`,
              condition,
              outcome: { points: 1 },
            })),
            bands: [],
          };
          const engine = new Engine([], { allowUndefinedFacts: true });
          for (const rule of ruleSet.rules) {
            engine.addRule({ conditions: topLevel(rule.condition), event: { type: rule.id } });
          }
          const { events } = await engine.run({ ...input });
          const expected = events.map((event) => event.type).sort();
          for (const compiled of bothModes(ruleSet)) {
            expect([...compiled.score(input).fired].sort()).toEqual(expected);
            expect([...compiled.explain(input).fired].sort()).toEqual(expected);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

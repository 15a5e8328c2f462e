import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Money } from '../money/money.js';
import { compileRuleSet } from './compile.js';
import type { Condition, RuleSet } from './schema.js';
import { bothModes } from './test-helpers.js';

const leadPriority: RuleSet = {
  id: 'lead-priority',
  version: 3,
  rules: [
    {
      id: 'big-deal',
      description: 'Deals of 100k EUR and more',
      condition: {
        fact: 'opportunity.amount',
        operator: 'gte',
        value: { amount: '100000.00', currency: 'EUR' },
      },
      outcome: { points: 30 },
    },
    {
      id: 'key-industry',
      condition: {
        any: [
          { fact: 'company.industry', operator: 'in', value: ['medical', 'manufacturing'] },
          { fact: 'company.tags', operator: 'contains', value: 'key account' },
        ],
      },
      outcome: { points: 15, tag: 'key' },
    },
    {
      id: 'stale',
      condition: {
        all: [
          {
            fact: 'opportunity.lastActivityAt',
            operator: 'olderThan',
            value: { n: 30, unit: 'day' },
          },
          { not: { fact: 'opportunity.stage', operator: 'eq', value: 'won' } },
        ],
      },
      outcome: { points: -20, tag: 'follow-up' },
    },
    {
      id: 'tagged-again',
      condition: { fact: 'company.tags', operator: 'contains', value: 'key account' },
      outcome: { tag: 'key' },
    },
  ],
  bands: [
    { label: 'hot', min: 40, priority: 1 },
    { label: 'warm', min: 10, priority: 2 },
    { label: 'cold', priority: 3 },
  ],
};

const now = '2026-06-01T00:00:00Z';
const hot = {
  opportunity: {
    amount: Money.of('150000', 'EUR'),
    stage: 'proposal',
    lastActivityAt: new Date('2026-05-30'),
  },
  company: { industry: 'medical', tags: ['key account'] },
};
const stale = {
  opportunity: {
    amount: Money.of('5000', 'EUR'),
    stage: 'qualified',
    lastActivityAt: '2026-01-15',
  },
  company: { industry: 'retail', tags: [] },
};

describe('compiled rule sets', () => {
  it('score totals, bands, priorities, tags and fired rules, with the rule set id and version', () => {
    for (const compiled of bothModes(leadPriority)) {
      expect(compiled.score(hot, { now })).toEqual({
        ruleSetId: 'lead-priority',
        ruleSetVersion: 3,
        total: 45,
        band: 'hot',
        priority: 1,
        tags: ['key'],
        fired: ['big-deal', 'key-industry', 'tagged-again'],
      });
      expect(compiled.score(stale, { now })).toMatchObject({
        total: -20,
        band: 'cold',
        priority: 3,
        tags: ['follow-up'],
        fired: ['stale'],
      });
      expect(compiled.scoreMany([hot, stale, {}], { now }).map((result) => result.band)).toEqual([
        'hot',
        'cold',
        'cold',
      ]);
    }
  });

  it('gives no band when none covers the total', () => {
    const noFloor = { ...leadPriority, bands: [{ label: 'hot', min: 40, priority: 1 }] };
    for (const compiled of bothModes(noFloor)) {
      expect(compiled.score(stale, { now })).toMatchObject({ band: null, priority: null });
    }
  });

  it('explains every rule: fired or not, points given, facts read, and each condition', () => {
    const explanation = bothModes(leadPriority)[0]?.explain(stale, { now });
    expect(explanation).toMatchObject({ total: -20, fired: ['stale'], ruleSetVersion: 3 });
    const [bigDeal, keyIndustry, staleRule, tagged] = explanation?.rules ?? [];
    expect(bigDeal).toMatchObject({
      id: 'big-deal',
      description: 'Deals of 100k EUR and more',
      fired: false,
      points: 0,
      tag: null,
    });
    expect(bigDeal?.facts).toEqual([
      { fact: 'opportunity.amount', value: Money.of('5000', 'EUR') },
    ]);
    expect(keyIndustry?.condition.children?.map((child) => child.result)).toEqual([false, false]);
    expect(staleRule).toMatchObject({ fired: true, points: -20, tag: 'follow-up' });
    expect(staleRule?.facts.map((read) => read.fact)).toEqual([
      'opportunity.lastActivityAt',
      'opportunity.stage',
    ]);
    expect(tagged?.condition).toMatchObject({
      operator: 'contains',
      value: 'key account',
      actual: [],
      result: false,
    });

    const shortCircuit = bothModes(leadPriority)[1]?.explain(hot, { now });
    const staleTrace = shortCircuit?.rules[2]?.condition;
    expect(staleTrace?.children?.map((child) => child.result)).toEqual([false, null]);
    expect(shortCircuit?.rules[2]?.facts).toHaveLength(1);
    const missing = bothModes(leadPriority)[0]?.explain({}, { now });
    expect(missing?.rules[0]?.condition.reason).toBe('the fact is missing');
  });

  it('refuses facts that are not objects, with a path', () => {
    const [compiled] = bothModes(leadPriority);
    expect(() => compiled?.score(null as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => compiled?.scoreMany([hot, 7 as never], { now })).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({
          issues: [expect.objectContaining({ path: 'facts.1' })],
        }),
      }),
    );
    expect(() => compiled?.scoreMany('x' as never)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  describe('where new Function is forbidden', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('falls back to closures by default, and refuses an explicit function mode', () => {
      vi.stubGlobal('Function', function forbidden() {
        throw new EvalError('Code generation from strings disallowed for this context');
      });
      const compiled = compileRuleSet(leadPriority);
      expect(compiled.mode).toBe('closures');
      expect(compiled.score(hot, { now }).total).toBe(45);
      expect(() => compileRuleSet(leadPriority, { mode: 'function' })).toThrow(
        expect.objectContaining({ code: 'UNSUPPORTED' }),
      );
    });
  });
});

// Both compilers and explain must agree on every rule set and every fact, errors included.
const FACTS = ['a', 'b', 'c', 'n.x'] as const;
const scalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('a', 'b', 'c'),
  fc.boolean(),
);
const factValue = fc.oneof(
  scalar,
  fc.constant(undefined),
  fc.constant(null),
  fc.array(fc.constantFrom('a', 'b', 1), { maxLength: 3 }),
  fc.constantFrom('', 'ab', 'ba'),
  fc.constant({}),
  fc.constantFrom(new Date('2026-01-01T00:00:00Z'), '2025-12-30', '2026-02-01T00:00:00Z'),
  fc.constantFrom(Money.of('5', 'EUR'), Money.of('5', 'USD')),
);
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom('eq', 'ne'),
    value: scalar,
  }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom('lt', 'lte', 'gt', 'gte'),
    value: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b')),
  }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom('in', 'notIn'),
    value: fc.array(scalar, { minLength: 1, maxLength: 8 }),
  }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constant('contains'),
    value: fc.constantFrom('a', 1),
  }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constant('between'),
    value: fc.constant([-1, 1]),
  }),
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom('exists', 'isEmpty') }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom('startsWith', 'matches'),
    value: fc.constantFrom('a', 'b'),
  }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom('before', 'after'),
    value: fc.constant('2026-01-01'),
  }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom('withinLast', 'olderThan'),
    value: fc.constant({ n: 10, unit: 'day' }),
  }),
  fc.record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom('gte', 'eq'),
    value: fc.constant({ amount: '5', currency: 'EUR' }),
  }),
);
const condition = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
})).node;

function run(thunk: () => unknown): unknown {
  try {
    return thunk();
  } catch (error) {
    return {
      error: (error as { code?: string }).code,
      path: (error as { details?: { path?: string } }).details?.path,
    };
  }
}

describe('function mode, closures mode and explain', () => {
  it('agree on every generated rule set and facts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(condition, fc.integer({ min: -5, max: 5 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.record({ a: factValue, b: factValue, c: factValue, n: fc.record({ x: factValue }) }),
        (rules, facts) => {
          const ruleSet: RuleSet = {
            id: 'property',
            version: 1,
            rules: rules.map(([node, points], index) => ({
              id: `r${index}`,
              condition: node,
              outcome: { points },
            })),
            bands: [
              { label: 'up', min: 1, priority: 1 },
              { label: 'down', priority: 2 },
            ],
          };
          const [compiled, closures] = bothModes(ruleSet);
          const options = { now: '2026-01-05T00:00:00Z' };
          const expected = run(() => compiled?.score(facts, options));
          expect(run(() => closures?.score(facts, options))).toEqual(expected);
          const explained = run(() => {
            const { rules: _rules, ...score } = compiled?.explain(facts, options) ?? { rules: [] };
            return score;
          });
          expect(explained).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

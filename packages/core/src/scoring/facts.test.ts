import { describe, expect, it } from 'vitest';
import { compileRuleSet } from './compile.js';
import { defineFact } from './facts.js';
import { createScoringRegistry } from './registry.js';
import type { RuleSet } from './schema.js';
import { bothModes } from './test-helpers.js';

const DAY = 86_400_000;

function counting() {
  const calls = { days: 0, engagement: 0, unused: 0 };
  const days = defineFact({
    name: 'daysSinceLastInteraction',
    compute: (facts, { now }) => {
      calls.days += 1;
      const last = facts.lastInteractionAt;
      return last instanceof Date ? Math.floor((now.getTime() - last.getTime()) / DAY) : null;
    },
  });
  const engagement = defineFact({
    name: 'engagement',
    dependsOn: ['daysSinceLastInteraction'],
    compute: (_facts, context) => {
      calls.engagement += 1;
      const days = context.get('daysSinceLastInteraction');
      return { level: typeof days === 'number' && days < 7 ? 'active' : 'dormant' };
    },
  });
  const unused = defineFact({
    name: 'unused',
    compute: () => {
      calls.unused += 1;
      return 1;
    },
  });
  const registry = createScoringRegistry().fact(days).fact(engagement).fact(unused);
  return { calls, registry };
}

const ruleSet: RuleSet = {
  id: 'engagement',
  version: 2,
  rules: [
    {
      id: 'stale',
      condition: { fact: '$daysSinceLastInteraction', operator: 'gt', value: 30 },
      outcome: { points: -5 },
    },
    {
      id: 'fresh',
      condition: { fact: '$daysSinceLastInteraction', operator: 'lte', value: 3 },
      outcome: { points: 5 },
    },
    {
      id: 'active',
      condition: { fact: '$engagement.level', operator: 'eq', value: 'active' },
      outcome: { tag: 'active' },
    },
  ],
  bands: [],
};

describe('computed facts', () => {
  it('computes each needed fact at most once per evaluation, lazily, in both modes', () => {
    for (const mode of ['function', 'closures'] as const) {
      const { calls, registry } = counting();
      const compiled = compileRuleSet(ruleSet, { registry, mode });
      const now = new Date('2026-03-10T00:00:00Z');
      const result = compiled.score(
        { lastInteractionAt: new Date('2026-03-08T00:00:00Z') },
        { now },
      );
      expect(result).toMatchObject({ total: 5, tags: ['active'], fired: ['fresh', 'active'] });
      expect(calls).toEqual({ days: 1, engagement: 1, unused: 0 });
      compiled.scoreMany([{}, {}, {}], { now });
      expect(calls).toEqual({ days: 4, engagement: 4, unused: 0 });
    }
  });

  it('skips facts a short-circuited condition never reaches', () => {
    const { calls, registry } = counting();
    const lazy: RuleSet = {
      ...ruleSet,
      rules: [
        {
          id: 'only-big',
          condition: {
            all: [
              { fact: 'amount', operator: 'gt', value: 100 },
              { fact: '$daysSinceLastInteraction', operator: 'gt', value: 1 },
            ],
          },
          outcome: { points: 1 },
        },
      ],
    };
    for (const compiled of bothModes(lazy, { registry })) compiled.score({ amount: 5 });
    expect(calls.days).toBe(0);
  });

  it('keeps scoring synchronous with synchronous facts, and asks for scoreAsync otherwise', async () => {
    const { registry } = counting();
    expect(compileRuleSet(ruleSet, { registry }).isAsync).toBe(false);
    const remote = defineFact({
      name: 'crmScore',
      async: true,
      compute: async (facts) => (typeof facts.id === 'string' ? facts.id.length * 10 : 0),
    });
    const derived = defineFact({
      name: 'crmScoreDoubled',
      dependsOn: ['crmScore'],
      compute: (_facts, context) => Number(context.get('crmScore')) * 2,
    });
    registry.fact(remote).fact(derived);
    const asyncSet: RuleSet = {
      ...ruleSet,
      rules: [
        {
          id: 'remote',
          condition: { fact: '$crmScoreDoubled', operator: 'gte', value: 60 },
          outcome: { points: 3 },
        },
      ],
    };
    for (const mode of ['function', 'closures'] as const) {
      const compiled = compileRuleSet(asyncSet, { registry, mode });
      expect(compiled.isAsync).toBe(true);
      expect(() => compiled.score({ id: 'abc' })).toThrow(
        expect.objectContaining({ code: 'UNSUPPORTED' }),
      );
      expect(await compiled.scoreAsync({ id: 'abc' })).toMatchObject({ total: 3 });
      expect(
        (await compiled.scoreManyAsync([{ id: 'a' }, { id: 'abcd' }])).map((r) => r.total),
      ).toEqual([0, 3]);
      expect((await compiled.explainAsync({ id: 'abc' })).rules[0]?.facts).toEqual([
        { fact: '$crmScoreDoubled', value: 60 },
      ]);
    }
    // Synchronous rule sets work through the async twins too.
    expect(await compileRuleSet(ruleSet, { registry }).scoreAsync({})).toMatchObject({ total: 0 });
  });

  it('refuses a fact that returns a Promise without being declared async, or reads undeclared facts', () => {
    const sneaky = defineFact({
      name: 'sneaky',
      compute: () => Promise.resolve(1) as unknown as number,
    });
    const nosy = defineFact({ name: 'nosy', compute: (_facts, context) => context.get('sneaky') });
    const registry = createScoringRegistry().fact(sneaky).fact(nosy);
    const sneakySet: RuleSet = {
      ...ruleSet,
      rules: [
        { id: 's', condition: { fact: '$sneaky', operator: 'exists' }, outcome: { points: 1 } },
      ],
    };
    const nosySet: RuleSet = {
      ...ruleSet,
      rules: [
        { id: 'n', condition: { fact: '$nosy', operator: 'exists' }, outcome: { points: 1 } },
      ],
    };
    for (const compiled of bothModes(sneakySet, { registry })) {
      expect(() => compiled.score({})).toThrow(
        expect.objectContaining({ code: 'CONFIGURATION_INVALID' }),
      );
    }
    for (const compiled of bothModes(nosySet, { registry })) {
      expect(() => compiled.score({})).toThrow(
        expect.objectContaining({ code: 'CONFIGURATION_INVALID' }),
      );
    }
  });

  it('wraps a failing compute in a SellkitError naming the fact', () => {
    const broken = defineFact({
      name: 'broken',
      compute: () => {
        throw new TypeError('boom');
      },
    });
    const registry = createScoringRegistry().fact(broken);
    const set: RuleSet = {
      ...ruleSet,
      rules: [
        { id: 'b', condition: { fact: '$broken', operator: 'exists' }, outcome: { points: 1 } },
      ],
    };
    for (const compiled of bothModes(set, { registry })) {
      expect(() => compiled.score({})).toThrow(
        expect.objectContaining({ code: 'CONFIGURATION_INVALID', details: { fact: 'broken' } }),
      );
    }
  });

  it('checks fact definitions', () => {
    expect(() => defineFact({ name: 'Bad Name', compute: () => 1 })).toThrow(
      expect.objectContaining({ code: 'CONFIGURATION_INVALID' }),
    );
    expect(() => defineFact({ name: 'self', dependsOn: ['self'], compute: () => 1 })).toThrow(
      /depends on itself/,
    );
    const a = defineFact({ name: 'a', dependsOn: ['b'], compute: () => 1 });
    const b = defineFact({ name: 'b', dependsOn: ['c'], compute: () => 1 });
    const c = defineFact({ name: 'c', dependsOn: ['a'], compute: () => 1 });
    const registry = createScoringRegistry().fact(a).fact(b);
    expect(() => registry.fact(c)).toThrow(
      expect.objectContaining({
        code: 'CONFIGURATION_INVALID',
        details: expect.objectContaining({ cycle: ['c', 'a', 'b', 'c'] }),
      }),
    );
    expect(registry.hasFact('c')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../kernel/definitions.js';
import { compileRuleSet } from './compile.js';
import { defineFact } from './facts.js';
import { defineOperator } from './operators/define-operator.js';
import { createScoringRegistry } from './registry.js';
import { oneRule } from './test-helpers.js';

const divisibleBy = defineOperator({
  name: 'divisibleBy',
  accepts: ['number'],
  value: z.number().int().positive(),
  test: (fact, divisor) => fact % divisor === 0,
});

describe('scoring registry', () => {
  it('starts with the built-in operators and no facts', () => {
    const registry = createScoringRegistry();
    expect(registry.operatorNames()).toEqual(
      expect.arrayContaining(['eq', 'between', 'matches', 'withinLast', 'olderThan', 'isEmpty']),
    );
    expect(registry.factNames()).toEqual([]);
  });

  it('adds operators and facts, never replacing a name', () => {
    const registry = createScoringRegistry().operator(divisibleBy);
    expect(registry.getOperator('divisibleBy')).toBe(divisibleBy);
    expect(() => registry.operator(divisibleBy)).toThrow(
      expect.objectContaining({ code: 'CONFIGURATION_INVALID' }),
    );
    expect(() => registry.operator({ ...divisibleBy, name: 'eq' })).toThrow(/already registered/);
    registry.operator('multipleOf', divisibleBy);
    expect(registry.getOperator('multipleOf')?.name).toBe('multipleOf');
    expect(() => registry.operator('x y', divisibleBy)).toThrow(/camelCase/);
    expect(() => registry.operator({ name: 'fake' } as never)).toThrow(/defineOperator/);
  });

  it('takes a plugin contribution whole or not at all', () => {
    const tier = defineFact({ name: 'tier', compute: () => 'gold' });
    const plugin = definePlugin({
      id: 'loyalty',
      scoring: { operators: [divisibleBy], facts: [tier] },
    });
    const registry = createScoringRegistry().use(plugin.scoring ?? {});
    expect(registry.hasOperator('divisibleBy') && registry.hasFact('tier')).toBe(true);

    const fresh = createScoringRegistry();
    const clash = defineFact({ name: 'tier', compute: () => 1 });
    fresh.fact(clash);
    expect(() => fresh.use({ operators: [divisibleBy], facts: [tier] })).toThrow(
      /already registered/,
    );
    expect(fresh.hasOperator('divisibleBy')).toBe(false);
  });

  it('lets compiled rule sets keep the definitions they were compiled with', () => {
    const registry = createScoringRegistry().operator(divisibleBy);
    const compiled = compileRuleSet(oneRule({ fact: 'n', operator: 'divisibleBy', value: 3 }), {
      registry,
    });
    expect(compiled.score({ n: 9 }).total).toBe(1);
    expect(compiled.score({ n: 10 }).total).toBe(0);
    expect(() => compiled.score({ n: 'nine' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() =>
      compileRuleSet(oneRule({ fact: 'n', operator: 'divisibleBy', value: 0 }), { registry }),
    ).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ path: 'rules.0.condition.value' }),
      }),
    );
    expect(() => compileRuleSet(oneRule({ fact: 'n', operator: 'divisibleBy', value: 3 }))).toThrow(
      /unknown operator/,
    );
  });

  it('turns a plugin operator that throws into a SellkitError with the rule and path', () => {
    const fragile = defineOperator({
      name: 'fragile',
      accepts: ['string'],
      value: z.string(),
      test: () => {
        throw new RangeError('plugin bug');
      },
    });
    const registry = createScoringRegistry().operator(fragile);
    const compiled = compileRuleSet(oneRule({ fact: 'a', operator: 'fragile', value: 'x' }), {
      registry,
    });
    expect(() => compiled.score({ a: 'b' })).toThrow(
      expect.objectContaining({
        code: 'CONFIGURATION_INVALID',
        details: expect.objectContaining({ ruleId: 'r1' }),
      }),
    );
  });

  it('gives plugin operators the evaluation now and a way to refuse a fact', () => {
    const sameDay = defineOperator({
      name: 'sameDayAsNow',
      accepts: ['string'],
      value: z.boolean().optional(),
      test: (fact, _value, context) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(fact)) context.invalid('is not a YYYY-MM-DD date');
        return new Date(context.now()).toISOString().slice(0, 10) === fact;
      },
    });
    const registry = createScoringRegistry().operator(sameDay);
    for (const mode of ['function', 'closures'] as const) {
      const compiled = compileRuleSet(oneRule({ fact: 'day', operator: 'sameDayAsNow' }), {
        registry,
        mode,
      });
      expect(compiled.score({ day: '2026-05-01' }, { now: '2026-05-01T10:00:00Z' }).total).toBe(1);
      expect(() => compiled.score({ day: 'May 1st' })).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          message: expect.stringMatching(/not a YYYY-MM-DD/),
        }),
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isSellkitError, type SellkitError } from '../errors/sellkit-error.js';
import { compileRuleSet } from './compile.js';
import { defineRuleSet } from './define-rule-set.js';
import { defineFact } from './facts.js';
import { createScoringRegistry } from './registry.js';
import { ruleSetSchema } from './schema.js';

const base = {
  id: 'lead',
  version: 1,
  rules: [
    {
      id: 'big',
      description: 'big deals',
      condition: { all: [{ fact: 'opportunity.amount', operator: 'gte', value: 1000 }] },
      outcome: { points: 10 },
    },
  ],
  bands: [
    { label: 'hot', min: 10, priority: 1 },
    { label: 'cold', priority: 3 },
  ],
};

function withCondition(condition: unknown, extra: Record<string, unknown> = {}) {
  return { ...base, rules: [{ id: 'r1', condition, outcome: { points: 1 }, ...extra }] };
}

function failure(input: unknown, registry = createScoringRegistry()): SellkitError {
  try {
    defineRuleSet(input, { registry });
  } catch (error) {
    if (isSellkitError(error)) return error;
    throw error;
  }
  throw new Error('expected a validation failure');
}

function paths(error: SellkitError): string[] {
  return (error.details.issues ?? []).map((issue) => issue.path);
}

describe('rule set validation', () => {
  it('accepts a valid rule set and returns it deeply frozen, leaving the input alone', () => {
    const input = structuredClone(base);
    const ruleSet = defineRuleSet(input);
    expect(ruleSet.rules[0]?.id).toBe('big');
    expect(Object.isFrozen(ruleSet.rules[0]?.condition)).toBe(true);
    expect(Object.isFrozen(input.rules)).toBe(false);
    expect(ruleSetSchema.safeParse(input).success).toBe(true);
  });

  it('reports structural problems with field paths', () => {
    const error = failure({ ...base, version: 0, rules: [{ id: '', condition: {}, outcome: {} }] });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(paths(error)).toEqual(
      expect.arrayContaining(['version', 'rules.0.id', 'rules.0.condition', 'rules.0.outcome']),
    );
  });

  it('names unknown keys deep in a condition tree', () => {
    const error = failure(
      withCondition({ all: [{ any: [{ fact: 'a', operater: 'eq', value: 1 }] }] }),
    );
    expect(paths(error)).toContain('rules.0.condition.all.0.any.0.operater');
  });

  it('refuses a condition with two forms or half a leaf', () => {
    expect(
      paths(
        failure(
          withCondition({
            all: [{ fact: 'a', operator: 'eq', value: 1 }],
            not: { fact: 'a', operator: 'exists' },
          }),
        ),
      ),
    ).toContain('rules.0.condition');
    expect(paths(failure(withCondition({ fact: 'a' })))).toContain('rules.0.condition.operator');
    expect(paths(failure(withCondition({ all: [] })))).toContain('rules.0.condition.all');
  });

  it('refuses unknown operators with the known list, and the rule id', () => {
    const error = failure(withCondition({ fact: 'a', operator: 'gtt', value: 1 }));
    expect(error.details.ruleId).toBe('r1');
    expect(error.details.issues?.[0]).toMatchObject({
      path: 'rules.0.condition.operator',
      reason: 'unknown_operator',
    });
    expect(error.message).toContain('gte');
  });

  it('refuses unknown computed facts, and bad fact paths', () => {
    expect(
      failure(withCondition({ fact: '$nope', operator: 'exists' })).details.issues?.[0],
    ).toMatchObject({
      path: 'rules.0.condition.fact',
      reason: 'unknown_fact',
    });
    expect(
      failure(withCondition({ fact: 'a..b', operator: 'exists' })).details.issues?.[0]?.reason,
    ).toBe('invalid_fact');
    expect(
      failure(withCondition({ fact: 'a b', operator: 'exists' })).details.issues?.[0]?.reason,
    ).toBe('invalid_fact');
  });

  it.each([
    ['lt', 'a', true, 'rules.0.condition.value'],
    ['between', 'a', [5, 1], 'rules.0.condition.value'],
    ['between', 'a', [1, 'x'], 'rules.0.condition.value.1'],
    [
      'between',
      'a',
      [
        { amount: '1', currency: 'EUR' },
        { amount: '2', currency: 'USD' },
      ],
      'rules.0.condition.value.1.currency',
    ],
    ['in', 'a', [], 'rules.0.condition.value'],
    ['in', 'a', 'x', 'rules.0.condition.value'],
    ['withinLast', 'a', { n: 3, unit: 'fortnight' }, 'rules.0.condition.value.unit'],
    ['withinLast', 'a', { n: -1, unit: 'day' }, 'rules.0.condition.value.n'],
    ['before', 'a', '2026-02-30', 'rules.0.condition.value'],
    ['matches', 'a', '(a+)+$', 'rules.0.condition.value'],
    ['matches', 'a', '(', 'rules.0.condition.value'],
    ['matches', 'a', 'x'.repeat(201), 'rules.0.condition.value'],
    ['eq', 'a', { amount: '1.001', currency: 'EUR' }, 'rules.0.condition.value.amount'],
    ['eq', 'a', { amount: '1', currency: 'XXX' }, 'rules.0.condition.value.currency'],
    ['eq', 'a', undefined, 'rules.0.condition.value'],
    ['exists', 'a', 'yes', 'rules.0.condition.value'],
  ])('refuses %s with value %j at its path', (operator, fact, value, path) => {
    const error = failure(withCondition({ fact, operator, value }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(paths(error)).toContain(path);
    expect(error.details.ruleId).toBe('r1');
  });

  it('refuses points that are not integers within ±1,000,000', () => {
    for (const points of [1.5, 1_000_001, -1_000_001]) {
      const error = failure({ ...base, rules: [{ ...base.rules[0], outcome: { points } }] });
      expect(paths(error)).toContain('rules.0.outcome.points');
    }
  });

  it('refuses duplicate rule ids and inconsistent bands', () => {
    const error = failure({
      ...base,
      rules: [base.rules[0], base.rules[0]],
      bands: [
        { label: 'a', priority: 1 },
        { label: 'a', min: 1, priority: 1 },
        { label: 'b', min: 1, priority: 2 },
        { label: 'c', priority: 2 },
      ],
    });
    expect(paths(error)).toEqual(
      expect.arrayContaining(['rules.1.id', 'bands.1.label', 'bands.2.min', 'bands.3.min']),
    );
  });

  it('refuses absurd nesting without overflowing the stack', () => {
    let condition: unknown = { fact: 'a', operator: 'exists' };
    for (let level = 0; level < 5000; level += 1) condition = { not: condition };
    expect(failure(withCondition(condition)).details.issues?.[0]?.reason).toBe('too_big');
    let moderate: unknown = { fact: 'a', operator: 'exists' };
    for (let level = 0; level < 20; level += 1) moderate = { not: moderate };
    expect(failure(withCondition(moderate)).details.issues?.[0]?.reason).toBe('too_deep');
  });

  it('refuses non-JSON input and non-objects', () => {
    expect(failure(withCondition({ fact: 'a', operator: 'eq', value: () => 1 })).code).toBe(
      'VALIDATION_FAILED',
    );
    for (const input of [null, 42, 'rules', []])
      expect(failure(input).code).toBe('VALIDATION_FAILED');
    const trap = {
      get id(): string {
        throw new TypeError('trap');
      },
    };
    expect(failure(trap).code).toBe('VALIDATION_FAILED');
  });

  it('reports a cycle between computed facts at compile time with the rule and path', () => {
    // Registered one by one, a cycle is only complete with its last member: refused there.
    const registry = createScoringRegistry().fact(
      defineFact({ name: 'a', dependsOn: ['b'], compute: (_facts, context) => context.get('b') }),
    );
    expect(() =>
      registry.fact(
        defineFact({ name: 'b', dependsOn: ['a'], compute: (_facts, context) => context.get('a') }),
      ),
    ).toThrow(expect.objectContaining({ code: 'CONFIGURATION_INVALID' }));
    // A dependency that never got registered is reported at compile time, on the rule.
    const error = (() => {
      try {
        compileRuleSet(withCondition({ fact: '$a', operator: 'exists' }) as never, { registry });
      } catch (caught) {
        return caught as SellkitError;
      }
      throw new Error('expected failure');
    })();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.ruleId).toBe('r1');
    expect(error.details.issues?.[0]).toMatchObject({
      path: 'rules.0.condition.fact',
      reason: 'unknown_fact',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import { compileRuleSet } from '../compile.js';
import { oneRule, outcomes } from '../test-helpers.js';

const NOW = '2026-03-31T12:00:00.000Z';

type Case = [operator: string, value: unknown, fact: unknown, expected: boolean | 'error'];

const cases: Case[] = [
  ['eq', 5, 5, true],
  ['eq', 5, 6, false],
  ['eq', 'retail', 'retail', true],
  ['eq', true, true, true],
  ['eq', 5, Number.NaN, false],
  ['eq', 5, '5', 'error'],
  ['eq', 'a', { a: 1 }, 'error'],
  ['ne', 5, 6, true],
  ['ne', 5, 5, false],
  ['ne', 5, Number.NaN, true],
  ['ne', 'a', undefined, false],
  ['lt', 10, 9, true],
  ['lt', 10, 10, false],
  ['lte', 10, 10, true],
  ['gt', 10, 11, true],
  ['gte', 10, 10, true],
  ['gt', 'b', 'c', true],
  ['lt', 10, { amount: 1 }, 'error'],
  ['lt', 10, [1], 'error'],
  ['lt', 10, null, false],
  ['lt', 10, undefined, false],
  ['between', [1, 3], 1, true],
  ['between', [1, 3], 3, true],
  ['between', [1, 3], 4, false],
  ['between', ['b', 'd'], 'c', true],
  ['between', [1, 3], 'x', 'error'],
  ['in', ['a', 'b'], 'b', true],
  ['in', ['a', 'b'], 'c', false],
  ['in', [1, 'a', true], true, true],
  ['in', ['1'], 1, false],
  ['in', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'h', true],
  ['in', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'z', false],
  ['in', ['a'], ['a'], 'error'],
  ['notIn', ['a', 'b'], 'c', true],
  ['notIn', ['a', 'b'], 'a', false],
  ['notIn', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 'z', true],
  ['notIn', ['a'], undefined, false],
  ['notIn', ['a'], { x: 1 }, 'error'],
  ['contains', 'ret', 'retail', true],
  ['contains', 'x', 'retail', false],
  ['contains', 'erp', ['crm', 'erp'], true],
  ['contains', 'bi', ['crm', 'erp'], false],
  ['contains', 3, [1, 2, 3], true],
  ['contains', 3, '123', 'error'],
  ['contains', 'a', 5, 'error'],
  ['startsWith', 'Ac', 'Acme', true],
  ['startsWith', 'ac', 'Acme', false],
  ['startsWith', 'A', 7, 'error'],
  ['matches', '^ac', 'acme', true],
  ['matches', { pattern: '^AC', flags: 'i' }, 'acme', true],
  ['matches', '^b', 'acme', false],
  ['matches', 'z$', `${'a'.repeat(1000)}z`, false],
  ['matches', 'z$', `${'a'.repeat(998)}z`, true],
  ['matches', 'a', 5, 'error'],
  ['exists', undefined, 0, true],
  ['exists', undefined, null, false],
  ['exists', undefined, undefined, false],
  ['exists', false, undefined, true],
  ['exists', true, () => 1, true],
  ['isEmpty', undefined, '', true],
  ['isEmpty', undefined, [], true],
  ['isEmpty', undefined, {}, true],
  ['isEmpty', undefined, null, true],
  ['isEmpty', undefined, 'x', false],
  ['isEmpty', undefined, 0, false],
  ['isEmpty', false, [1], true],
  ['before', '2026-01-01', '2025-12-31', true],
  ['before', '2026-01-01', new Date('2026-01-01T00:00:00Z'), false],
  ['before', '2026-01-01T10:00:00+02:00', '2026-01-01T07:59:59Z', true],
  ['after', '2026-01-01', new Date('2026-01-01T00:00:01Z'), true],
  ['after', '2026-01-01', 'yesterday', 'error'],
  ['after', '2026-01-01', new Date('nope'), 'error'],
  ['after', '2026-01-01', 20260101, 'error'],
  ['withinLast', { n: 7, unit: 'day' }, '2026-03-25', true],
  ['withinLast', { n: 7, unit: 'day' }, '2026-03-24T11:59:59Z', false],
  ['withinLast', { n: 1, unit: 'week' }, new Date('2026-03-24T12:00:00Z'), true],
  ['withinLast', { n: 1, unit: 'month' }, '2026-02-28T12:00:00Z', true],
  ['withinLast', { n: 1, unit: 'month' }, '2026-02-28T11:59:59Z', false],
  ['withinLast', { n: 1, unit: 'year' }, '2025-03-31T12:00:00Z', true],
  ['withinLast', { n: 7, unit: 'day' }, '2026-04-01', false],
  ['olderThan', { n: 30, unit: 'day' }, '2026-02-28', true],
  ['olderThan', { n: 30, unit: 'day' }, new Date('2026-03-30T00:00:00Z'), false],
  ['olderThan', { n: 2, unit: 'year' }, '2024-03-31', true],
  ['olderThan', { n: 1, unit: 'month' }, 'soon', 'error'],
];

describe('built-in operators', () => {
  it.each(cases)('%s %j on %j gives %s in every mode', (operator, value, fact, expected) => {
    const ruleSet = oneRule({
      fact: 'subject.value',
      operator,
      ...(value === undefined ? {} : { value }),
    });
    const results = outcomes(ruleSet, { subject: { value: fact } }, NOW);
    for (const result of results) {
      if (expected === 'error') {
        expect(result).toMatchObject({
          code: 'VALIDATION_FAILED',
          details: { ruleId: 'r1', path: 'rules.0.condition', fact: 'subject.value' },
        });
      } else {
        expect(result).toBe(expected);
      }
    }
  });

  it('compares money exactly, and never across currencies', () => {
    const limit = { amount: '1000.00', currency: 'EUR' };
    const cases: [string, unknown, unknown, boolean][] = [
      ['gte', limit, Money.of('1000', 'EUR'), true],
      ['gt', limit, Money.of('1000.00', 'EUR'), false],
      ['gt', limit, Money.of('1000.01', 'EUR'), true],
      ['eq', limit, { amount: '1000', currency: 'EUR' }, true],
      ['lt', limit, Money.of('999.99', 'EUR'), true],
      ['lt', limit, Money.of('1', 'USD'), false],
      ['ne', limit, Money.of('5', 'USD'), false],
      ['ne', limit, Money.of('5', 'EUR'), true],
      ['between', [limit, { amount: '2000', currency: 'EUR' }], Money.of('1500', 'EUR'), true],
      ['between', [limit, { amount: '2000', currency: 'EUR' }], Money.of('1500', 'CHF'), false],
    ];
    for (const [operator, value, fact, expected] of cases) {
      for (const result of outcomes(oneRule({ fact: 'deal.amount', operator, value }), {
        deal: { amount: fact },
      })) {
        expect(result).toBe(expected);
      }
    }
    const wrong = outcomes(oneRule({ fact: 'amount', operator: 'gt', value: limit }), {
      amount: 1000,
    });
    for (const result of wrong) expect(result).toMatchObject({ code: 'VALIDATION_FAILED' });
    const notMoney = outcomes(oneRule({ fact: 'amount', operator: 'gt', value: limit }), {
      amount: { amount: 1 },
    });
    for (const result of notMoney) expect(result).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('explains why money in another currency does not match', () => {
    const compiled = compileRuleSet(
      oneRule({ fact: 'amount', operator: 'gte', value: { amount: '10', currency: 'EUR' } }),
    );
    const explanation = compiled.explain({ amount: Money.of('500', 'USD') });
    expect(explanation.rules[0]?.condition).toMatchObject({ result: false });
    expect(explanation.rules[0]?.condition.reason).toMatch(/currency USD differs from EUR/);
  });

  it('measures relative dates from the evaluation now, the compile clock, or the system clock', () => {
    const ruleSet = oneRule({ fact: 'at', operator: 'withinLast', value: { n: 1, unit: 'day' } });
    const facts = { at: '2026-03-31T00:00:00Z' };
    const clock = { now: () => new Date('2026-03-31T06:00:00Z') };
    expect(compileRuleSet(ruleSet, { clock }).score(facts).total).toBe(1);
    expect(
      compileRuleSet(ruleSet, { clock }).score(facts, { now: new Date('2026-04-05') }).total,
    ).toBe(0);
    expect(compileRuleSet(ruleSet).score({ at: new Date() }).total).toBe(1);
    expect(() => compileRuleSet(ruleSet).score(facts, { now: 'not a date' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('treats missing facts as false for every comparison, and not() as true', () => {
    for (const operator of ['eq', 'ne', 'lt', 'gt', 'in', 'notIn', 'contains']) {
      const value = operator === 'in' || operator === 'notIn' ? [1] : 1;
      const ruleSet = oneRule({ not: { fact: 'missing.deep', operator, value } });
      for (const result of outcomes(ruleSet, {})) expect(result).toBe(true);
    }
  });
});

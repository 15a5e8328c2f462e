// The worked example of docs/scoring.md, kept here so the guide cannot drift from the code.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { definePlugin } from '../kernel/definitions.js';
import { Money } from '../money/money.js';
import { compileRuleSet } from './compile.js';
import { defineRuleSet } from './define-rule-set.js';
import { defineFact } from './facts.js';
import { defineOperator } from './operators/define-operator.js';
import { createScoringRegistry } from './registry.js';

// --- the plugin -------------------------------------------------------------------------------
const hasAnyOf = defineOperator({
  name: 'hasAnyOf',
  description: 'the fact (a list) shares at least one item with the value (a list)',
  accepts: ['array'],
  value: z.array(z.string().max(100)).min(1).max(50),
  prepare: (items) => new Set(items),
  test: (fact, wanted) => fact.some((item) => typeof item === 'string' && wanted.has(item)),
});

const daysSinceLastInteraction = defineFact({
  name: 'daysSinceLastInteraction',
  description: 'whole days since the last logged interaction; null when there is none',
  compute: (facts, { now }) => {
    const company = facts.company as { lastInteractionAt?: unknown } | undefined;
    const last = company?.lastInteractionAt;
    return last instanceof Date ? Math.floor((now.getTime() - last.getTime()) / 86_400_000) : null;
  },
});

const industryScoring = definePlugin({
  id: 'industry-scoring',
  scoring: { operators: [hasAnyOf], facts: [daysSinceLastInteraction] },
});

// The rule pack: plain JSON, shipped with the plugin, validated against a registry that has
// the plugin's operator and fact.
const industryPackJson = {
  id: 'industry-pack',
  version: 1,
  description: 'Manufacturing and medical accounts with an ERP footprint',
  rules: [
    {
      id: 'erp-footprint',
      description: 'Runs one of the ERPs we integrate with',
      condition: {
        fact: 'company.systems',
        operator: 'hasAnyOf',
        value: ['sap', 'navision', 'odoo'],
      },
      outcome: { points: 20, tag: 'integration' },
    },
    {
      id: 'target-industry',
      description: 'Manufacturing or medical, 50 employees or more',
      condition: {
        all: [
          { fact: 'company.industry', operator: 'in', value: ['manufacturing', 'medical'] },
          { fact: 'company.employees', operator: 'gte', value: 50 },
        ],
      },
      outcome: { points: 15 },
    },
    {
      id: 'big-budget',
      description: 'Budget of 50,000 EUR or more',
      condition: {
        fact: 'company.budget',
        operator: 'gte',
        value: { amount: '50000.00', currency: 'EUR' },
      },
      outcome: { points: 10 },
    },
    {
      id: 'gone-quiet',
      description: 'No interaction for 60 days',
      condition: { fact: '$daysSinceLastInteraction', operator: 'gt', value: 60 },
      outcome: { points: -25, tag: 'reactivate' },
    },
  ],
  bands: [
    { label: 'hot', min: 35, priority: 1 },
    { label: 'warm', min: 15, priority: 2 },
    { label: 'cold', priority: 3 },
  ],
};

describe('the scoring guide example', () => {
  it('registers the plugin, validates the pack, scores and explains', () => {
    const registry = createScoringRegistry().use(industryScoring.scoring);
    const industryPack = defineRuleSet(industryPackJson, { registry });
    const compiled = compileRuleSet(industryPack, { registry });

    const company = {
      industry: 'manufacturing',
      employees: 120,
      systems: ['sap', 'excel'],
      budget: Money.of('80000', 'EUR'),
      lastInteractionAt: new Date('2026-04-20T00:00:00Z'),
    };
    const result = compiled.score({ company }, { now: new Date('2026-05-01T00:00:00Z') });
    expect(result).toEqual({
      ruleSetId: 'industry-pack',
      ruleSetVersion: 1,
      total: 45,
      band: 'hot',
      priority: 1,
      tags: ['integration'],
      fired: ['erp-footprint', 'target-industry', 'big-budget'],
    });

    const why = compiled.explain({ company: { ...company, budget: Money.of('90000', 'USD') } });
    expect(why.rules.find((rule) => rule.id === 'big-budget')?.condition.reason).toContain(
      'currency USD',
    );

    expect(() => defineRuleSet(industryPackJson)).toThrow(/unknown operator "hasAnyOf"/);
  });
});

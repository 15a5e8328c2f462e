import {
  compileRuleSet,
  createScoringRegistry,
  defineRuleSet,
  isSellkitError,
} from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { dealHealthPack, dealHealthRegistry } from './deal-health-plugin.js';
import { run } from './scored-deal.js';

describe('scoring-plugin example', () => {
  it('scores a deal with the plugin rule pack and explains every rule', async () => {
    const report = await run();
    expect(report).toMatchObject({ score: 55, band: 'hot', priority: 1 });
    expect(report.tags).toEqual(['referral', 'competitive']);
    expect(report.stored).toMatchObject({
      ruleSetId: 'deal-health',
      ruleSetVersion: 1,
      source: 'default',
      total: 55,
      band: 'hot',
      reasons: [
        { rule: 'large-deal', points: 25, text: 'Deal of 50,000 USD or more' },
        { rule: 'budget-confirmed', points: 20, text: 'Budget confirmed' },
        { rule: 'referral', points: 10, text: 'Came through a referral' },
        { rule: 'fresh', points: 15, text: 'Engaged in the last 30 days' },
        {
          rule: 'strong-competitor',
          points: -15,
          text: 'A competitor that usually wins is in the deal',
        },
      ],
    });
    expect(report.rules).toEqual([
      { rule: 'large-deal', fired: true, points: 25, facts: ['opportunity.amount = 57852.00 USD'] },
      {
        rule: 'budget-confirmed',
        fired: true,
        points: 20,
        facts: ['opportunity.budgetConfirmed = true'],
      },
      { rule: 'referral', fired: true, points: 10, facts: ['opportunity.source = "referral"'] },
      // The plugin's computed fact: 2026-11-20 to 2026-12-03 09:00 is 13 whole days.
      { rule: 'fresh', fired: true, points: 15, facts: ['$dealAgeDays = 13'] },
      { rule: 'stalled', fired: false, points: 0, facts: ['$dealAgeDays = 13'] },
      // The plugin's operator, ignoring case: "globex" matches "Globex".
      {
        rule: 'strong-competitor',
        fired: true,
        points: -15,
        facts: ['opportunity.competitors = ["globex"]'],
      },
    ]);
  });

  it('explains a false condition of the plugin operator with its own reason', () => {
    const registry = dealHealthRegistry();
    const compiled = compileRuleSet(defineRuleSet(dealHealthPack, { registry }), { registry });
    const explanation = compiled.explain(
      { opportunity: { competitors: ['Umbrella'], engageDate: '2026-01-02' } },
      { now: new Date('2026-06-01T00:00:00Z') },
    );
    const rule = explanation.rules.find((entry) => entry.id === 'strong-competitor');
    expect(rule?.condition).toMatchObject({
      result: false,
      operator: 'sharesAnyOf',
      actual: ['Umbrella'],
      reason: 'none of [Umbrella] is one of [globex, initech] (ignoring case)',
    });
    expect(explanation).toMatchObject({ total: -20, band: 'cold', tags: ['stalled'] });
  });

  it('refuses the rule pack without the plugin: its operator and fact are unknown', () => {
    const error = (() => {
      try {
        return defineRuleSet(dealHealthPack, { registry: createScoringRegistry() });
      } catch (caught) {
        return caught;
      }
    })();
    if (!isSellkitError(error, 'VALIDATION_FAILED')) throw new Error('expected VALIDATION_FAILED');
    expect(error.details.issues?.map((issue) => [issue.path, issue.message])).toEqual([
      ['rules.3.condition.fact', expect.stringContaining('unknown computed fact $dealAgeDays')],
      ['rules.4.condition.fact', expect.stringContaining('unknown computed fact $dealAgeDays')],
      ['rules.5.condition.operator', expect.stringContaining('unknown operator "sharesAnyOf"')],
    ]);
  });
});

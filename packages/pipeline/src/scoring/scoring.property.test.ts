import { compileRuleSet, createScoringRegistry, Money } from '@sellkit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWinModel, TOTAL } from '../predictive/win-model.js';
import { PIPELINE_FACTS } from './computed-facts.js';
import { defaultPriorityRuleSet } from './default-rule-set.js';
import type { ScorableOpportunity } from './facts.js';
import { createScorer } from './scorer.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const registry = createScoringRegistry();
for (const fact of PIPELINE_FACTS) registry.fact(fact);
const compiled = compileRuleSet(defaultPriorityRuleSet(), { registry });
const model = buildWinModel(
  [
    { feature: TOTAL, value: TOTAL, won: 30, lost: 20 },
    { feature: 'source', value: 'referral', won: 20, lost: 2 },
    { feature: 'source', value: 'web', won: 2, lost: 15 },
  ],
  ['source'],
  1,
);
const scorer = createScorer(compiled, model, 'default');

const deal = fc.record({
  budgetConfirmed: fc.boolean(),
  cents: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }),
  competitors: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
  closeIn: fc.option(fc.integer({ min: -200, max: 200 }), { nil: null }),
  activityAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  source: fc.constantFrom('referral', 'web', 'trade show', null),
});

function opportunityOf(input: {
  budgetConfirmed: boolean;
  cents: number | null;
  competitors: string[];
  closeIn: number | null;
  activityAgo: number | null;
  source: string | null;
}): ScorableOpportunity {
  return {
    kind: 'opportunity',
    title: 'Deal',
    stage: 'prospecting',
    status: 'open',
    probability: 10,
    source: input.source,
    budgetConfirmed: input.budgetConfirmed,
    competitors: input.competitors,
    expectedCloseDate:
      input.closeIn === null
        ? null
        : new Date(NOW.getTime() + input.closeIn * DAY).toISOString().slice(0, 10),
    engageDate: null,
    lastActivityAt:
      input.activityAgo === null ? null : new Date(NOW.getTime() - input.activityAgo * DAY),
    ownerId: 'rep-1',
    territoryId: null,
    industry: null,
    primaryProductId: null,
    productIds: [],
    companyId: null,
    pipelineId: 'pln_1',
    amount: input.cents === null ? null : Money.fromMinor(input.cents, 'USD'),
  };
}

describe('priority scoring', () => {
  it('a score is the sum of its reasons, and its band follows the thresholds', () => {
    fc.assert(
      fc.property(fc.array(deal, { minLength: 1, maxLength: 20 }), (inputs) => {
        const deals = inputs.map(opportunityOf);
        const scores = scorer.scoreMany(deals, NOW);
        scores.forEach((fields, index) => {
          const sum = fields.scoreExplanation.reasons.reduce(
            (total, reason) => total + reason.points,
            0,
          );
          expect(fields.score).toBe(sum);
          const band = fields.score >= 50 ? 'hot' : fields.score >= 25 ? 'warm' : 'cold';
          expect(fields.band).toBe(band);
          expect(fields.priority).toBe({ hot: 1, warm: 2, cold: 3 }[band]);
          const explained = scorer.explain(deals[index] as ScorableOpportunity, NOW);
          expect(explained.total).toBe(fields.score);
          expect(explained.rules.filter((rule) => rule.fired).map((rule) => rule.id)).toEqual(
            fields.scoreExplanation.reasons.map((reason) => reason.rule),
          );
        });
      }),
      { numRuns: 500 },
    );
  });

  it('scores the same deal the same, alone or in a batch', () => {
    fc.assert(
      fc.property(fc.array(deal, { minLength: 2, maxLength: 10 }), (inputs) => {
        const deals = inputs.map(opportunityOf);
        const batch = scorer.scoreMany(deals, NOW);
        deals.forEach((item, index) => {
          expect(scorer.scoreMany([item], NOW)[0]).toEqual(batch[index]);
        });
      }),
      { numRuns: 200 },
    );
  });
});

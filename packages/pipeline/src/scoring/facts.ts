import type { Money } from '@sellkit/core';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { featureValues, type WinModel } from '../predictive/win-model.js';

/** The fields of a deal that scoring reads: what a bulk re-score selects of each deal. */
export const SCORABLE_FIELDS = Object.freeze([
  'kind',
  'title',
  'stage',
  'status',
  'probability',
  'source',
  'budgetConfirmed',
  'competitors',
  'expectedCloseDate',
  'engageDate',
  'lastActivityAt',
  'ownerId',
  'territoryId',
  'industry',
  'primaryProductId',
  'productIds',
  'companyId',
  'pipelineId',
  'amount',
] as const) satisfies readonly (keyof Opportunity)[];

/** A deal as scoring sees it: the {@link SCORABLE_FIELDS} (a stored opportunity fits). */
export type ScorableOpportunity = Pick<
  Opportunity,
  Exclude<(typeof SCORABLE_FIELDS)[number], 'amount'>
> & { readonly amount: Money | null };

/**
 * The facts a priority rule set is evaluated on:
 *
 * - `opportunity.*`: the deal's fields, plus `competitorCount`;
 * - `$daysToClose`, `$daysSinceActivity`, `$winProbability`: computed facts;
 * - `features`, `winModel`: what `$winProbability` reads (not meant for rules).
 *
 * @example
 * ```ts
 * import { compileRuleSet } from '@sellkit/core';
 * const deal = await rep.pipeline.opportunities.get(id);
 * const facts = opportunityFacts(deal, null); // null: no win model yet
 * const compiled = compileRuleSet(defaultPriorityRuleSet(), { registry });
 * compiled.explain(facts).rules.filter((rule) => rule.fired);
 * ```
 */
export function opportunityFacts(
  deal: ScorableOpportunity,
  model: WinModel | null,
): Record<string, unknown> {
  const competitors = deal.competitors ?? [];
  return {
    opportunity: {
      kind: deal.kind,
      title: deal.title,
      stage: deal.stage,
      status: deal.status,
      amount: deal.amount,
      probability: deal.probability,
      source: deal.source,
      budgetConfirmed: deal.budgetConfirmed,
      competitors,
      competitorCount: competitors.length,
      expectedCloseDate: deal.expectedCloseDate,
      engageDate: deal.engageDate,
      lastActivityAt: deal.lastActivityAt,
      ownerId: deal.ownerId,
      territoryId: deal.territoryId,
      industry: deal.industry,
      primaryProductId: deal.primaryProductId,
      productIds: deal.productIds ?? [],
      companyId: deal.companyId,
      pipelineId: deal.pipelineId,
    },
    features: model ? featureValues(deal, model.features) : {},
    winModel: model,
  };
}

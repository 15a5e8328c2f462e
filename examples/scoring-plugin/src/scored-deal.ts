import { catalog } from '@sellkit/catalog';
import {
  createSellkit,
  createTestClock,
  defineRuleSet,
  type Explanation,
  Money,
  memory,
} from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { pipeline, type ScoreExplanation } from '@sellkit/pipeline';
import { dealHealth, dealHealthPack, dealHealthRegistry } from './deal-health-plugin.js';

/** When the example runs: fixed, so the deal's age (and its score) is always the same. */
export const EXAMPLE_NOW = '2026-12-03T09:00:00.000Z';

/** One rule of the explanation, as printed. */
export interface RuleLine {
  readonly rule: string;
  readonly fired: boolean;
  readonly points: number;
  /** The facts the rule read, `fact = value`. */
  readonly facts: readonly string[];
  /** Why a condition was false when the values alone do not say. */
  readonly reason?: string;
}

/** What the example scored and why. */
export interface ScoredDealReport {
  readonly dealId: string;
  readonly score: number | null;
  readonly band: string | null;
  readonly priority: number | null;
  readonly tags: readonly string[];
  /** The explanation stored on the deal: one reason per rule that gave points. */
  readonly stored: ScoreExplanation | null;
  /** The full explanation (`explainScore`): every rule, fired or not, and the facts it read. */
  readonly rules: readonly RuleLine[];
}

function show(value: unknown): string {
  if (Money.isMoney(value)) return `${value.toString()} ${value.currency}`;
  return JSON.stringify(value);
}

function firstReason(condition: Explanation['rules'][number]['condition']): string | undefined {
  if (condition.reason) return condition.reason;
  for (const child of condition.children ?? []) {
    const reason = firstReason(child);
    if (reason) return reason;
  }
  return undefined;
}

/** Turns the engine's explanation into one line per rule. */
export function ruleLines(explanation: Explanation): RuleLine[] {
  return explanation.rules.map((rule) => {
    const reason = rule.fired ? undefined : firstReason(rule.condition);
    return {
      rule: rule.id,
      fired: rule.fired,
      points: rule.points,
      facts: rule.facts.map((read) => `${read.fact} = ${show(read.value)}`),
      ...(reason ? { reason } : {}),
    };
  });
}

/**
 * Installs the `deal-health` plugin, hands its registry and rule pack to the pipeline's
 * scoring, creates one deal and returns its score with the explanation.
 */
export async function run(): Promise<ScoredDealReport> {
  // The pipeline scores with the registry passed to pipeline(); the pack is validated against
  // it here, so an unknown operator or fact fails at start-up.
  const registry = dealHealthRegistry();
  const ruleSet = defineRuleSet(dealHealthPack, { registry });
  const crm = await createSellkit({
    storage: memory(),
    clock: createTestClock(EXAMPLE_NOW),
    modules: [
      customers(),
      catalog({ currency: 'USD' }),
      pipeline({ scoring: { registry, ruleSet } }),
    ],
    plugins: [dealHealth], // the kernel's own registry (crm.scoring) gets the plugin's parts too
  });
  try {
    const rep = crm.as({ tenantId: 'acme', actor: { id: 'rep-1', roles: ['sales-rep'] } });
    const company = await rep.customers.companies.create({ name: 'Cancity', industry: 'retail' });
    const deal = await rep.pipeline.opportunities.create({
      title: 'Cancity: 12 GTX Pro',
      companyId: company.id,
      source: 'referral',
      amount: Money.of('57852.00', 'USD'),
      budgetConfirmed: true,
      engageDate: '2026-11-20',
      competitors: ['globex'],
    });
    const explanation = await rep.pipeline.opportunities.explainScore(deal.id);
    return {
      dealId: deal.id,
      score: deal.score,
      band: deal.band,
      priority: deal.priority,
      tags: explanation.tags,
      stored: deal.scoreExplanation,
      rules: ruleLines(explanation),
    };
  } finally {
    await crm.close();
  }
}

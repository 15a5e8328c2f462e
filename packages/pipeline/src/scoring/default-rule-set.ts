import type { RuleSet } from '@sellkit/core';

/** The id under which the pipeline keeps its priority rule set. */
export const PRIORITY_RULE_SET_ID = 'pipeline-priority';

/** Thresholds of the default rule set. Amounts are decimal strings in `currency`. */
export interface DefaultRuleSetOptions {
  /** Currency of the deal-size thresholds; deals in another currency get no size points. */
  readonly currency?: string;
  readonly largeDeal?: string;
  readonly mediumDeal?: string;
  /** "Close date near": within this many days. Default 30. */
  readonly nearCloseDays?: number;
  /** "Recent engagement": activity within this many days. Default 14. */
  readonly recentDays?: number;
}

/**
 * The rule set every tenant starts with: budget confirmed, close date near (or passed), deal
 * size, competitors, recent engagement (or silence), and the learned win probability. Bands:
 * hot (50 points or more, priority 1), warm (25, priority 2), cold (priority 3).
 *
 * @example
 * ```ts
 * const rules = defaultPriorityRuleSet({ currency: 'EUR', largeDeal: '100000', mediumDeal: '20000' });
 * pipeline({ scoring: { ruleSet: rules } });
 * ```
 */
export function defaultPriorityRuleSet(options: DefaultRuleSetOptions = {}): RuleSet {
  const currency = options.currency ?? 'USD';
  const large = options.largeDeal ?? '50000';
  const medium = options.mediumDeal ?? '5000';
  const near = options.nearCloseDays ?? 30;
  const recent = options.recentDays ?? 14;
  return {
    id: PRIORITY_RULE_SET_ID,
    version: 1,
    description: 'Default opportunity priority',
    rules: [
      {
        id: 'budget-confirmed',
        description: 'Budget confirmed',
        condition: { fact: 'opportunity.budgetConfirmed', operator: 'eq', value: true },
        outcome: { points: 20 },
      },
      {
        id: 'close-date-near',
        description: `Expected to close within ${near} days`,
        condition: {
          all: [
            { fact: '$daysToClose', operator: 'gte', value: 0 },
            { fact: '$daysToClose', operator: 'lte', value: near },
          ],
        },
        outcome: { points: 15 },
      },
      {
        id: 'close-date-passed',
        description: 'Expected close date has passed',
        condition: { fact: '$daysToClose', operator: 'lt', value: 0 },
        outcome: { points: -10 },
      },
      {
        id: 'large-deal',
        description: `Large deal (${large} ${currency} or more)`,
        condition: {
          fact: 'opportunity.amount',
          operator: 'gte',
          value: { amount: large, currency },
        },
        outcome: { points: 25 },
      },
      {
        id: 'medium-deal',
        description: `Mid-size deal (${medium} to ${large} ${currency})`,
        condition: {
          all: [
            { fact: 'opportunity.amount', operator: 'gte', value: { amount: medium, currency } },
            { fact: 'opportunity.amount', operator: 'lt', value: { amount: large, currency } },
          ],
        },
        outcome: { points: 10 },
      },
      {
        id: 'no-competitors',
        description: 'No competitor in the deal',
        condition: { fact: 'opportunity.competitorCount', operator: 'eq', value: 0 },
        outcome: { points: 5 },
      },
      {
        id: 'crowded',
        description: 'Two or more competitors',
        condition: { fact: 'opportunity.competitorCount', operator: 'gte', value: 2 },
        outcome: { points: -10 },
      },
      {
        id: 'recent-engagement',
        description: `Engaged in the last ${recent} days`,
        condition: {
          fact: 'opportunity.lastActivityAt',
          operator: 'withinLast',
          value: { n: recent, unit: 'day' },
        },
        outcome: { points: 15 },
      },
      {
        id: 'gone-quiet',
        description: 'No activity for 60 days',
        condition: {
          fact: 'opportunity.lastActivityAt',
          operator: 'olderThan',
          value: { n: 60, unit: 'day' },
        },
        outcome: { points: -10 },
      },
      {
        id: 'likely-win',
        description: 'Deals like this one are usually won',
        condition: { fact: '$winProbability', operator: 'gte', value: 0.6 },
        outcome: { points: 10 },
      },
      {
        id: 'unlikely-win',
        description: 'Deals like this one are usually lost',
        condition: { fact: '$winProbability', operator: 'lte', value: 0.25 },
        outcome: { points: -10 },
      },
    ],
    bands: [
      { label: 'hot', min: 50, priority: 1 },
      { label: 'warm', min: 25, priority: 2 },
      { label: 'cold', priority: 3 },
    ],
  };
}

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
  /**
   * The language of the rules' descriptions (the reasons a score explains itself with): `zh`
   * (any `zh-*` tag) for Chinese, English otherwise.
   */
  readonly locale?: string;
}

/** The rules' descriptions, in English and Chinese. */
interface RuleTexts {
  readonly ruleSet: string;
  readonly budget: string;
  readonly closeNear: (days: number) => string;
  readonly closePassed: string;
  readonly large: (amount: string, currency: string) => string;
  readonly medium: (from: string, to: string, currency: string) => string;
  readonly noCompetitors: string;
  readonly crowded: string;
  readonly recent: (days: number) => string;
  readonly quiet: (days: number) => string;
  readonly likelyWin: string;
  readonly unlikelyWin: string;
}

const ENGLISH: RuleTexts = {
  ruleSet: 'Default opportunity priority',
  budget: 'Budget confirmed',
  closeNear: (days) => `Expected to close within ${days} days`,
  closePassed: 'Expected close date has passed',
  large: (amount, currency) => `Large deal (${amount} ${currency} or more)`,
  medium: (from, to, currency) => `Mid-size deal (${from} to ${to} ${currency})`,
  noCompetitors: 'No competitor in the deal',
  crowded: 'Two or more competitors',
  recent: (days) => `Engaged in the last ${days} days`,
  quiet: (days) => `No activity for ${days} days`,
  likelyWin: 'Deals like this one are usually won',
  unlikelyWin: 'Deals like this one are usually lost',
};

const CHINESE: RuleTexts = {
  ruleSet: '默认商机优先级',
  budget: '预算已确认',
  closeNear: (days) => `预计 ${days} 天内成交`,
  closePassed: '预计成交日期已过',
  large: (amount, currency) => `大额商机（${amount} ${currency} 及以上）`,
  medium: (from, to, currency) => `中等商机（${from} 至 ${to} ${currency}）`,
  noCompetitors: '没有竞争对手',
  crowded: '两个及以上竞争对手',
  recent: (days) => `近 ${days} 天内有互动`,
  quiet: (days) => `${days} 天没有活动`,
  likelyWin: '同类商机通常赢单',
  unlikelyWin: '同类商机通常丢单',
};

/**
 * The rule set every tenant starts with: budget confirmed, close date near (or passed), deal
 * size, competitors, recent engagement (or silence), and the learned win probability. Bands:
 * hot (50 points or more, priority 1), warm (25, priority 2), cold (priority 3).
 *
 * @example
 * ```ts
 * const rules = defaultPriorityRuleSet({ currency: 'EUR', largeDeal: '100000', mediumDeal: '20000' });
 * pipeline({ scoring: { ruleSet: rules } });
 * // A Chinese tenant: thresholds in CNY, reasons in Chinese.
 * defaultPriorityRuleSet({ currency: 'CNY', largeDeal: '350000', mediumDeal: '35000', locale: 'zh-CN' });
 * ```
 */
export function defaultPriorityRuleSet(options: DefaultRuleSetOptions = {}): RuleSet {
  const currency = options.currency ?? 'USD';
  const large = options.largeDeal ?? '50000';
  const medium = options.mediumDeal ?? '5000';
  const near = options.nearCloseDays ?? 30;
  const recent = options.recentDays ?? 14;
  const text = /^zh\b/i.test(options.locale ?? '') ? CHINESE : ENGLISH;
  return {
    id: PRIORITY_RULE_SET_ID,
    version: 1,
    description: text.ruleSet,
    rules: [
      {
        id: 'budget-confirmed',
        description: text.budget,
        condition: { fact: 'opportunity.budgetConfirmed', operator: 'eq', value: true },
        outcome: { points: 20 },
      },
      {
        id: 'close-date-near',
        description: text.closeNear(near),
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
        description: text.closePassed,
        condition: { fact: '$daysToClose', operator: 'lt', value: 0 },
        outcome: { points: -10 },
      },
      {
        id: 'large-deal',
        description: text.large(large, currency),
        condition: {
          fact: 'opportunity.amount',
          operator: 'gte',
          value: { amount: large, currency },
        },
        outcome: { points: 25 },
      },
      {
        id: 'medium-deal',
        description: text.medium(medium, large, currency),
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
        description: text.noCompetitors,
        condition: { fact: 'opportunity.competitorCount', operator: 'eq', value: 0 },
        outcome: { points: 5 },
      },
      {
        id: 'crowded',
        description: text.crowded,
        condition: { fact: 'opportunity.competitorCount', operator: 'gte', value: 2 },
        outcome: { points: -10 },
      },
      {
        id: 'recent-engagement',
        description: text.recent(recent),
        condition: {
          fact: 'opportunity.lastActivityAt',
          operator: 'withinLast',
          value: { n: recent, unit: 'day' },
        },
        outcome: { points: 15 },
      },
      {
        id: 'gone-quiet',
        description: text.quiet(60),
        condition: {
          fact: 'opportunity.lastActivityAt',
          operator: 'olderThan',
          value: { n: 60, unit: 'day' },
        },
        outcome: { points: -10 },
      },
      {
        id: 'likely-win',
        description: text.likelyWin,
        condition: { fact: '$winProbability', operator: 'gte', value: 0.6 },
        outcome: { points: 10 },
      },
      {
        id: 'unlikely-win',
        description: text.unlikelyWin,
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

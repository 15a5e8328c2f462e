import {
  createScoringRegistry,
  defineFact,
  defineOperator,
  type PluginDefinition,
  type ScoringRegistry,
} from '@sellkit/core';
import { z } from 'zod';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An operator: the fact (a list of strings) shares at least one item with the value (a list),
 * ignoring case. Competitor names typed by sellers ("globex", "GLOBEX") still match.
 */
export const sharesAnyOf = defineOperator({
  name: 'sharesAnyOf',
  description: 'the fact (a list) shares at least one item with the value, ignoring case',
  accepts: ['array'],
  value: z.array(z.string().min(1).max(100)).min(1).max(50),
  prepare: (items) => new Set(items.map((item) => item.toLowerCase())),
  test: (fact, wanted) =>
    fact.some((item) => typeof item === 'string' && wanted.has(item.toLowerCase())),
  why: (fact, wanted) =>
    `none of [${fact.join(', ')}] is one of [${[...wanted].join(', ')}] (ignoring case)`,
});

/**
 * A computed fact: whole days since the deal's engage date at the evaluation's `now`; null
 * when the deal has no engage date (rules on it are then false).
 */
export const dealAgeDays = defineFact({
  name: 'dealAgeDays',
  description: 'whole days since the engage date; null without one',
  compute: (facts, { now }) => {
    const deal = facts.opportunity as { engageDate?: unknown } | undefined;
    const match = typeof deal?.engageDate === 'string' ? DATE.exec(deal.engageDate) : null;
    if (!match) return null;
    const engaged = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return Math.floor((now.getTime() - engaged) / DAY_MS);
  },
});

/** The plugin: a plain object, checked against the kernel's type. */
export const dealHealth = {
  id: 'deal-health',
  scoring: { operators: [sharesAnyOf], facts: [dealAgeDays] },
} satisfies PluginDefinition;

/** Competitors that usually win against us. */
export const STRONG_COMPETITORS = ['Globex', 'Initech'] as const;

/**
 * The rule pack the plugin ships: a priority rule set for the pipeline, plain JSON that uses
 * the plugin's operator and computed fact beside built-in ones.
 */
export const dealHealthPack = {
  id: 'deal-health',
  version: 1,
  description: 'Deal health: size, budget, source, age and competition',
  rules: [
    {
      id: 'large-deal',
      description: 'Deal of 50,000 USD or more',
      condition: {
        fact: 'opportunity.amount',
        operator: 'gte',
        value: { amount: '50000.00', currency: 'USD' },
      },
      outcome: { points: 25 },
    },
    {
      id: 'budget-confirmed',
      description: 'Budget confirmed',
      condition: { fact: 'opportunity.budgetConfirmed', operator: 'eq', value: true },
      outcome: { points: 20 },
    },
    {
      id: 'referral',
      description: 'Came through a referral',
      condition: { fact: 'opportunity.source', operator: 'eq', value: 'referral' },
      outcome: { points: 10, tag: 'referral' },
    },
    {
      id: 'fresh',
      description: 'Engaged in the last 30 days',
      condition: { fact: '$dealAgeDays', operator: 'lte', value: 30 },
      outcome: { points: 15 },
    },
    {
      id: 'stalled',
      description: 'Engaged more than 120 days ago',
      condition: { fact: '$dealAgeDays', operator: 'gt', value: 120 },
      outcome: { points: -20, tag: 'stalled' },
    },
    {
      id: 'strong-competitor',
      description: 'A competitor that usually wins is in the deal',
      condition: {
        fact: 'opportunity.competitors',
        operator: 'sharesAnyOf',
        value: [...STRONG_COMPETITORS],
      },
      outcome: { points: -15, tag: 'competitive' },
    },
  ],
  bands: [
    { label: 'hot', min: 50, priority: 1 },
    { label: 'warm', min: 25, priority: 2 },
    { label: 'cold', priority: 3 },
  ],
};

/** A scoring registry with the plugin's operator and fact (the built-ins are always there). */
export function dealHealthRegistry(): ScoringRegistry {
  return createScoringRegistry().use(dealHealth.scoring);
}

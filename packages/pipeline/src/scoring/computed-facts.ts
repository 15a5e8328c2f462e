import { defineFact } from '@sellkit/core';
import { winProbability as probabilityOf, type WinModel } from '../predictive/win-model.js';

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function opportunityOf(
  facts: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> | null {
  const value = Object.hasOwn(facts, 'opportunity') ? facts.opportunity : undefined;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/** Whole days from the UTC day of `now` to a `YYYY-MM-DD` date (negative when it is past). */
export function daysUntil(date: unknown, now: Date): number | null {
  if (typeof date !== 'string' || !DATE.test(date)) return null;
  const target = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(target)) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((target - today) / DAY);
}

/**
 * `$daysToClose`: days from today to the expected close date (negative once it has passed),
 * null without one. Rules use it for "the close date is near".
 */
export const daysToCloseFact = defineFact({
  name: 'daysToClose',
  description: 'Days from today to the expected close date (negative when past).',
  compute: (facts, { now }) => daysUntil(opportunityOf(facts)?.expectedCloseDate, now),
});

/** `$daysSinceActivity`: whole days since the last activity on the deal, null if none. */
export const daysSinceActivityFact = defineFact({
  name: 'daysSinceActivity',
  description: 'Whole days since the last activity on the deal.',
  compute: (facts, { now }) => {
    const last = opportunityOf(facts)?.lastActivityAt;
    return last instanceof Date ? Math.floor((now.getTime() - last.getTime()) / DAY) : null;
  },
});

function isWinModel(value: unknown): value is WinModel {
  return (
    value !== null &&
    typeof value === 'object' &&
    (value as { counts?: unknown }).counts instanceof Map &&
    Array.isArray((value as { features?: unknown }).features)
  );
}

/**
 * `$winProbability`: the chance (0 to 1) that the deal is won, learned by naive Bayes from
 * the tenant's own won and lost deals. Null while there is no history. It reads the model
 * and the deal's feature values the pipeline puts in the facts (`winModel`, `features`).
 */
export const winProbabilityFact = defineFact({
  name: 'winProbability',
  description: "Learned probability that the deal is won (naive Bayes over the tenant's history).",
  compute: (facts) => {
    const model = Object.hasOwn(facts, 'winModel') ? facts.winModel : undefined;
    const features = Object.hasOwn(facts, 'features') ? facts.features : undefined;
    if (!isWinModel(model) || features === null || typeof features !== 'object') return null;
    return probabilityOf(model, features as Record<string, string>);
  },
});

/** The computed facts the pipeline contributes to the scoring engine. */
export const PIPELINE_FACTS = Object.freeze([
  daysToCloseFact,
  daysSinceActivityFact,
  winProbabilityFact,
]);

import { calendarDaysBetween, defineFact, isCalendarDate } from '@sellkit/core';
import { winProbability as probabilityOf, type WinModel } from '../predictive/win-model.js';

// Elapsed time since an instant: a duration in 24-hour days, the same in every zone.
const DAY_MS = 86_400_000;

function opportunityOf(
  facts: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> | null {
  const value = Object.hasOwn(facts, 'opportunity') ? facts.opportunity : undefined;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

/**
 * Whole calendar days from `today` (the tenant's local date) to a `YYYY-MM-DD` date, negative
 * when it is past; null for anything that is not a real calendar date.
 */
export function daysUntil(date: unknown, today: string): number | null {
  if (!isCalendarDate(date)) return null;
  return calendarDaysBetween(today, date);
}

/**
 * `$daysToClose`: days from today to the expected close date (negative once it has passed),
 * null without one. "Today" is the tenant's local date (`context.today`, from the calendar the
 * evaluation is given), so a deal closing tomorrow in Shanghai is 1 day away there all day long.
 * Rules use it for "the close date is near".
 */
export const daysToCloseFact = defineFact({
  name: 'daysToClose',
  description: 'Days from today to the expected close date (negative when past).',
  compute: (facts, { today }) => daysUntil(opportunityOf(facts)?.expectedCloseDate, today),
});

/**
 * `$daysSinceActivity`: whole 24-hour days elapsed since the last activity on the deal (an
 * instant, so the same in every zone), null if none.
 */
export const daysSinceActivityFact = defineFact({
  name: 'daysSinceActivity',
  description: 'Whole days since the last activity on the deal.',
  compute: (facts, { now }) => {
    const last = opportunityOf(facts)?.lastActivityAt;
    return last instanceof Date ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null;
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

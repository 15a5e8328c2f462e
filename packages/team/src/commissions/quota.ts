import { type EventMap, type ModuleScope, Money, SellkitError } from '@sellkit/core';
import { quotaTarget, quotaTargets } from '../quotas/quota-lookup.js';

/** A quota in force (the shape of the kpi helper's `quotaTarget`). */
export interface CommissionQuotaTarget {
  /** Exact decimal. */
  readonly target: string;
  readonly currency: string | null;
  readonly quotaId: string;
}

/** Finds the quota of a rep, measure and period: `quotaTarget` from the quotas concept. */
export type QuotaLookup = (
  scope: ModuleScope<EventMap>,
  query: {
    readonly subjectType: 'rep' | 'team' | 'territory';
    readonly subjectId: string;
    readonly measure: string;
    readonly periodKey: string;
  },
) => Promise<CommissionQuotaTarget | null>;

/**
 * The quotas concept's lookup (the default): the rep's quota in force for the measure and
 * period (`quotaTarget`).
 */
export const defaultQuotaLookup: QuotaLookup = (scope, query) => quotaTarget(scope, query);

/**
 * The lookup statements use for many reps at once: with the default lookup, the quotas of the
 * reps asked about (`needs`: a rep and the measure its plan reads) are read in a few batches up
 * front, giving the same targets; a host's own lookup is asked rep by rep as before.
 *
 * @example
 * ```ts
 * const lookup = await batchedQuotaLookup(defaultQuotaLookup, scope, {
 *   needs: [{ repId: 'rep_1', measure: 'won-revenue' }],
 *   periodKey: '2026-Q1',
 * });
 * await lookup(scope, { subjectType: 'rep', subjectId: 'rep_1', measure: 'won-revenue', periodKey: '2026-Q1' });
 * ```
 */
export async function batchedQuotaLookup(
  lookup: QuotaLookup,
  scope: ModuleScope<EventMap>,
  query: { needs: readonly { repId: string; measure: string }[]; periodKey: string },
): Promise<QuotaLookup> {
  if (lookup !== defaultQuotaLookup || query.needs.length === 0) return lookup;
  const repsOf = new Map<string, string[]>();
  for (const need of query.needs) {
    const list = repsOf.get(need.measure) ?? [];
    list.push(need.repId);
    repsOf.set(need.measure, list);
  }
  const found = new Map<string, Map<string, CommissionQuotaTarget | null>>();
  for (const [measure, repIds] of repsOf) {
    found.set(
      measure,
      await quotaTargets(scope, {
        subjectType: 'rep',
        subjectIds: repIds,
        measure,
        periodKey: query.periodKey,
      }),
    );
  }
  return (inner, asked) => {
    const known =
      asked.subjectType === 'rep' && asked.periodKey === query.periodKey
        ? found.get(asked.measure)
        : undefined;
    return known?.has(asked.subjectId)
      ? Promise.resolve(known.get(asked.subjectId) ?? null)
      : lookup(inner, asked);
  };
}

/**
 * A rep's quota for a plan, as Money in the plan's currency; null when there is none. A quota
 * in another currency than the plan's is `CURRENCY_MISMATCH` (there is no conversion).
 */
export async function planQuota(
  lookup: QuotaLookup,
  scope: ModuleScope<EventMap>,
  query: { repId: string; measure: string; periodKey: string; currency: string; planKey: string },
): Promise<Money | null> {
  const found = await lookup(scope, {
    subjectType: 'rep',
    subjectId: query.repId,
    measure: query.measure,
    periodKey: query.periodKey,
  });
  if (!found) return null;
  if (found.currency !== null && found.currency !== query.currency) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `the ${query.measure} quota of rep ${query.repId} for ${query.periodKey} is in ${found.currency}, plan ${query.planKey} pays in ${query.currency}`,
      { repId: query.repId, quotaId: found.quotaId, currencies: [found.currency, query.currency] },
    );
  }
  return Money.of(found.target, query.currency, { rounding: 'half-even' });
}

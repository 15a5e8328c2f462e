import { type EventMap, type ModuleScope, Money, SellkitError } from '@sellkit/core';

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

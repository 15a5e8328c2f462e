import { compileRuleSet, type EventMap, type ModuleScope, Money } from '@sellkit/core';
import type { CreditedRecord } from './compute.js';
import type { CommissionPeriod } from './periods.js';
import { bonusRuleSet, type PlanVersion } from './plan-store.js';

/** Bonus facts of a rep for a period, scored by the plan's bonus rule set. */
export async function earnedBonuses<E extends EventMap>(
  scope: ModuleScope<E>,
  plan: PlanVersion['definition'],
  credits: readonly CreditedRecord[],
  quota: Money | null,
  period: CommissionPeriod,
): Promise<string[]> {
  const ruleSet = bonusRuleSet(plan);
  if (!ruleSet) return [];
  const credited = Money.sum(
    credits.map((credit) => credit.credited),
    plan.currency,
  );
  const customers = [
    ...new Set(
      credits
        .filter((credit) => credit.source === 'deal-won' && credit.customerId)
        .map((credit) => credit.customerId ?? ''),
    ),
  ];
  let newCustomers = 0;
  if (customers.length > 0) {
    // internal: whether a customer was won before is a fact of the tenant, not of the actor
    const deals = scope.internal(scope.model('opportunity'));
    for (const customer of customers) {
      const before = await deals.count({
        status: 'won',
        companyId: customer,
        closeDate: { lt: period.from },
      });
      if (before === 0) newCustomers += 1;
    }
  }
  const facts = {
    rep: {
      credited,
      deals: credits.length,
      wonDeals: credits.filter((credit) => credit.source === 'deal-won').length,
      newCustomers,
      attainment: quota?.isPositive()
        ? Number(credited.toDecimal().times(100).dividedBy(quota.toDecimal()).toFixed(2, 1))
        : null,
    },
  };
  const calendar = await scope.calendar();
  return [...compileRuleSet(ruleSet, { mode: 'closures' }).score(facts, { calendar }).tags];
}

import { Money, SellkitError } from '@sellkit/core';
import type { CreditLine } from './credit-source.js';
import { percent } from './decimal-text.js';
import type { CommissionPlan } from './plan-schema.js';
import type {
  CommissionStatement,
  StatementAdjustment,
  StatementBonus,
  StatementCredit,
  StatementSkip,
} from './statement-types.js';
import {
  boundary,
  COMMISSION_ROUNDING,
  marginalTiers,
  steppedTiers,
  type TierLine,
} from './tiers.js';

/** One record credited to the rep, before rates. */
export interface CreditedRecord {
  readonly source: string;
  readonly recordId: string;
  readonly label: string;
  readonly date: string;
  readonly share: string;
  readonly credited: Money;
  readonly lines: readonly CreditLine[];
  /** The customer of the record (bonus facts count new customers). */
  readonly customerId: string | null;
}

/** A team member's credit a manager's override pays on. */
export interface OverrideBase {
  readonly repId: string;
  readonly repName: string;
  readonly credited: Money;
}

/** Everything a statement is computed from (loaded by the statement loader). */
export interface StatementInput {
  readonly rep: { readonly id: string; readonly name: string };
  readonly period: string;
  readonly plan: {
    readonly key: string;
    readonly version: number;
    readonly definition: CommissionPlan;
  } | null;
  readonly quota: Money | null;
  readonly credits: readonly CreditedRecord[];
  readonly skipped: readonly StatementSkip[];
  readonly overrides: readonly OverrideBase[];
  readonly adjustments: readonly StatementAdjustment[];
  /** Bonuses the scoring engine found earned (ids), in plan order. */
  readonly bonusesEarned: readonly string[];
}

const rounding = { rounding: COMMISSION_ROUNDING } as const;

function noPlan(input: StatementInput): CommissionStatement {
  return {
    repId: input.rep.id,
    repName: input.rep.name,
    period: input.period,
    status: 'open',
    plan: null,
    currency: null,
    quota: null,
    credited: null,
    attainment: null,
    credits: [],
    tiers: [],
    thresholdMet: true,
    capped: null,
    commission: null,
    overrides: [],
    adjustments: input.adjustments,
    bonuses: [],
    skipped: input.skipped,
    total: null,
    explanation: ['No commission plan applies to this rep for the period.'],
  };
}

function requireQuota(input: StatementInput, why: string): Money {
  if (input.quota?.isPositive()) return input.quota;
  throw new SellkitError(
    'INVALID_STATE',
    `${input.rep.name} has no quota above zero for ${input.period}, which ${why} needs`,
    { repId: input.rep.id, period: input.period, plan: input.plan?.key },
  );
}

function rateOf(plan: CommissionPlan, line: CreditLine): string {
  if (plan.rates.kind !== 'byProduct') return '0';
  return (
    plan.rates.products?.[line.productId] ??
    (line.category === null ? undefined : plan.rates.categories?.[line.category]) ??
    plan.rates.default
  );
}

/** Commission of one record under flat or by-product rates, with its explanation. */
function recordCommission(plan: CommissionPlan, record: CreditedRecord): [Money, string] {
  const currency = record.credited.currency;
  if (plan.rates.kind === 'flat') {
    const amount = record.credited.multiply(plan.rates.rate, rounding);
    return [
      amount,
      `${record.credited.toString()} × ${percent(plan.rates.rate)} = ${amount.toString()} ${currency}`,
    ];
  }
  const parts: string[] = [];
  let total = Money.zero(currency);
  let covered = Money.zero(currency);
  for (const line of record.lines) {
    if (line.amount.currency !== currency) continue;
    const rate = rateOf(plan, line);
    const amount = line.amount.multiply(rate, rounding);
    parts.push(
      `${line.productName ?? line.productId}${line.category ? ` (${line.category})` : ''} ${line.amount.toString()} × ${percent(rate)} = ${amount.toString()}`,
    );
    total = total.add(amount);
    covered = covered.add(line.amount);
  }
  const rest = record.credited.subtract(covered);
  if (!rest.isZero() && plan.rates.kind === 'byProduct') {
    const amount = rest.multiply(plan.rates.default, rounding);
    parts.push(
      `${record.lines.length > 0 ? 'not on a line' : 'no product lines'} ${rest.toString()} × ${percent(plan.rates.default)} = ${amount.toString()}`,
    );
    total = total.add(amount);
  }
  return [total, `${parts.join('; ')}; total ${total.toString()} ${currency}`];
}

/** Spreads `total` over parts in proportion to `weights` (never a cent lost); zeros if none. */
function spread(total: Money, weights: readonly Money[]): Money[] {
  const positive = weights.some((weight) => weight.isPositive());
  if (!positive || total.isZero()) return weights.map(() => Money.zero(total.currency));
  return total.allocate(weights.map((weight) => (weight.isPositive() ? weight.toString() : '0')));
}

/**
 * Computes a statement from its inputs: rates or tiers, minimum attainment, overrides, cap,
 * adjustments and bonuses. Pure and deterministic: the same inputs give the same statement.
 *
 * @example
 * ```ts
 * const statement = computeStatement({ rep: { id: 'rep_1', name: 'Ann' }, period: '2026-03', plan: null,
 *   quota: null, credits: [], skipped: [], overrides: [], adjustments: [], bonusesEarned: [] });
 * statement.total; // null: no plan
 * ```
 */
export function computeStatement(input: StatementInput): CommissionStatement {
  const plan = input.plan?.definition;
  if (!input.plan || !plan) return noPlan(input);
  const currency = plan.currency;
  const zero = Money.zero(currency);
  const explanation: string[] = [];
  const credited = Money.sum(
    input.credits.map((credit) => credit.credited),
    currency,
  );
  const quota = input.quota;
  const attainment = quota?.isPositive()
    ? credited.toDecimal().times(100).dividedBy(quota.toDecimal()).toFixed(2, 1)
    : null;
  explanation.push(
    `Credited ${credited.toString()} ${currency} on ${input.credits.length} record(s)` +
      (quota ? ` against a quota of ${quota.toString()} (attainment ${attainment ?? '-'} %)` : ''),
  );

  // 1. Rates or tiers, and each record's part.
  let tiers: TierLine[] = [];
  let perRecord: Money[];
  let recordNotes: string[];
  if (plan.rates.kind === 'tiered' && credited.isZero()) {
    perRecord = [];
    recordNotes = [];
  } else if (plan.rates.kind === 'tiered') {
    const q = requireQuota(input, 'a tiered plan');
    tiers =
      plan.rates.mode === 'marginal'
        ? marginalTiers(credited, q, plan.rates.tiers)
        : steppedTiers(credited, q, plan.rates.tiers);
    const tierTotal = Money.sum(
      tiers.map((line) => line.amount),
      currency,
    );
    for (const line of tiers) explanation.push(line.explanation);
    perRecord = spread(
      tierTotal,
      input.credits.map((credit) => credit.credited),
    );
    recordNotes = perRecord.map(
      (amount) => `its pro-rata part of the tier commission: ${amount.toString()} ${currency}`,
    );
  } else {
    const computed = input.credits.map((credit) => recordCommission(plan, credit));
    perRecord = computed.map(([amount]) => amount);
    recordNotes = computed.map(([, note]) => note);
  }
  let commission = Money.sum(perRecord, currency);

  // 2. Minimum attainment.
  let thresholdMet = true;
  if (plan.minimumAttainment !== null && !credited.isZero()) {
    const q = requireQuota(input, 'a minimum attainment');
    const floor = boundary(q, plan.minimumAttainment);
    thresholdMet = !credited.lessThan(floor);
    explanation.push(
      thresholdMet
        ? `Minimum attainment ${percent(plan.minimumAttainment)} (${floor.toString()}) reached`
        : `Minimum attainment ${percent(plan.minimumAttainment)} (${floor.toString()}) not reached: no commission on credit (was ${commission.toString()})`,
    );
    if (!thresholdMet) {
      perRecord = perRecord.map(() => zero);
      commission = zero;
    }
  }

  // 3. Manager overrides on the team's credit.
  let overrideAmounts = input.overrides.map((base) =>
    plan.override ? base.credited.multiply(plan.override.rate, rounding) : zero,
  );

  // 4. The cap, over commission and overrides.
  let capped: Money | null = null;
  if (plan.cap !== null) {
    const cap = Money.of(plan.cap, currency, rounding);
    const before = commission.add(Money.sum(overrideAmounts, currency));
    if (before.greaterThan(cap)) {
      capped = before.subtract(cap);
      const parts = spread(cap, [...perRecord, ...overrideAmounts]);
      perRecord = parts.slice(0, perRecord.length);
      overrideAmounts = parts.slice(perRecord.length);
      commission = Money.sum(perRecord, currency);
      explanation.push(
        `Cap ${cap.toString()} applied: ${capped.toString()} not paid (spread pro rata over the lines)`,
      );
    }
  }

  const credits: StatementCredit[] = input.credits.map((credit, index) => {
    const amount = perRecord[index] ?? zero;
    return {
      source: credit.source,
      recordId: credit.recordId,
      label: credit.label,
      date: credit.date,
      share: credit.share,
      credited: credit.credited,
      commission: amount,
      explanation: `${credit.label} (${credit.date}, ${credit.share} % share): ${recordNotes[index] ?? ''}${!thresholdMet ? '; not paid: minimum attainment not reached' : ''}${capped ? `; after the cap ${amount.toString()}` : ''}`,
    };
  });
  const overrides = input.overrides.map((base, index) => {
    const amount = overrideAmounts[index] ?? zero;
    const rate = plan.override?.rate ?? '0';
    return {
      repId: base.repId,
      repName: base.repName,
      credited: base.credited,
      rate,
      amount,
      explanation: `Override on ${base.repName}'s credit ${base.credited.toString()} × ${percent(rate)} = ${amount.toString()} ${currency}${capped ? ' (after the cap)' : ''}`,
    };
  });
  const bonuses: StatementBonus[] = plan.bonuses
    .filter((bonus) => input.bonusesEarned.includes(bonus.id))
    .map((bonus) => {
      const amount = Money.of(bonus.amount, currency, rounding);
      return {
        id: bonus.id,
        description: bonus.description,
        amount,
        explanation: `Bonus "${bonus.description}" earned: ${amount.toString()} ${currency}`,
      };
    });
  const adjustments = input.adjustments.filter((line) => line.amount.currency === currency);
  const overrideTotal = Money.sum(
    overrides.map((line) => line.amount),
    currency,
  );
  const adjustmentTotal = Money.sum(
    adjustments.map((line) => line.amount),
    currency,
  );
  const bonusTotal = Money.sum(
    bonuses.map((line) => line.amount),
    currency,
  );
  const total = commission.add(overrideTotal).add(adjustmentTotal).add(bonusTotal);
  explanation.push(
    `Total ${total.toString()} ${currency} = commission ${commission.toString()} + overrides ${overrideTotal.toString()} + adjustments ${adjustmentTotal.toString()} + bonuses ${bonusTotal.toString()}`,
  );
  return {
    repId: input.rep.id,
    repName: input.rep.name,
    period: input.period,
    status: 'open',
    plan: { key: input.plan.key, version: input.plan.version, name: plan.name },
    currency,
    quota,
    credited,
    attainment,
    credits,
    tiers,
    thresholdMet,
    capped,
    commission,
    overrides,
    adjustments,
    bonuses,
    skipped: input.skipped,
    total,
    explanation,
  };
}

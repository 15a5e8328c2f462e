import { Money, type RoundingMode } from '@sellkit/core';
import { percent } from './decimal-text.js';
import type { CommissionTier } from './plan-schema.js';

/** The rounding of every commission figure: half-even, to the currency's minor unit. */
export const COMMISSION_ROUNDING: RoundingMode = 'half-even';

/** One tier's share of a period's commission. */
export interface TierLine {
  /** Position of the tier in the plan (0 first). */
  readonly tier: number;
  readonly label: string;
  /** Attainment bounds of the tier, as written in the plan. */
  readonly from: string;
  readonly to: string | null;
  readonly rate: string;
  /** The credit this line pays on: the slice in the tier (marginal) or everything (stepped). */
  readonly base: Money;
  /** `base × rate`, rounded half-even. */
  readonly amount: Money;
  readonly explanation: string;
}

function tierLabel(tier: CommissionTier, index: number): string {
  return tier.label ?? `Tier ${index + 1}`;
}

function bounds(tier: CommissionTier): string {
  return `${percent(tier.from)}–${tier.to === null ? '∞' : percent(tier.to)} of quota`;
}

/** The credited amount where a tier boundary falls: quota × attainment, rounded half-even. */
export function boundary(quota: Money, attainment: string): Money {
  return quota.multiply(attainment, { rounding: COMMISSION_ROUNDING });
}

/**
 * Marginal tiers: the credit is cut into slices at the tier boundaries (quota × attainment),
 * each slice paid at its own tier's rate. The slices always add up to the credit (property
 * tested); tiers the credit does not reach are left out.
 *
 * @example
 * ```ts
 * import { Money } from '@sellkit/core';
 * const lines = marginalTiers(Money.of('150000', 'EUR'), Money.of('100000', 'EUR'), [
 *   { from: '0', to: '1', rate: '0.05' },
 *   { from: '1', to: null, rate: '0.08' },
 * ]);
 * lines.map((line) => line.amount.toString()); // ['5000.00', '4000.00']
 * ```
 */
export function marginalTiers(
  credited: Money,
  quota: Money,
  tiers: readonly CommissionTier[],
): TierLine[] {
  const lines: TierLine[] = [];
  tiers.forEach((tier, index) => {
    const low = boundary(quota, tier.from);
    if (!credited.greaterThan(low)) return;
    const high = tier.to === null ? null : boundary(quota, tier.to);
    const top = high !== null && credited.greaterThan(high) ? high : credited;
    const base = top.subtract(low);
    if (!base.isPositive()) return;
    const amount = base.multiply(tier.rate, { rounding: COMMISSION_ROUNDING });
    lines.push({
      tier: index,
      label: tierLabel(tier, index),
      from: tier.from,
      to: tier.to,
      rate: tier.rate,
      base,
      amount,
      explanation: `${tierLabel(tier, index)} (${bounds(tier)}): the slice from ${low.toString()} to ${top.toString()} = ${base.toString()} × ${percent(tier.rate)} = ${amount.toString()} ${amount.currency}`,
    });
  });
  return lines;
}

/** The index of the tier whose attainment range holds `credited` (quota × from ≤ credited). */
export function tierReached(
  credited: Money,
  quota: Money,
  tiers: readonly CommissionTier[],
): number {
  let reached = 0;
  tiers.forEach((tier, index) => {
    if (!credited.lessThan(boundary(quota, tier.from))) reached = index;
  });
  return reached;
}

/**
 * Stepped (retroactive) tiers: the whole credit is paid at the rate of the tier reached.
 *
 * @example
 * ```ts
 * import { Money } from '@sellkit/core';
 * const [line] = steppedTiers(Money.of('150000', 'EUR'), Money.of('100000', 'EUR'), [
 *   { from: '0', to: '1', rate: '0.05' },
 *   { from: '1', to: null, rate: '0.08' },
 * ]);
 * line?.amount.toString(); // '12000.00': all 150,000 at 8 %
 * ```
 */
export function steppedTiers(
  credited: Money,
  quota: Money,
  tiers: readonly CommissionTier[],
): TierLine[] {
  const index = tierReached(credited, quota, tiers);
  const tier = tiers[index];
  if (!tier || credited.isZero()) return [];
  const amount = credited.multiply(tier.rate, { rounding: COMMISSION_ROUNDING });
  return [
    {
      tier: index,
      label: tierLabel(tier, index),
      from: tier.from,
      to: tier.to,
      rate: tier.rate,
      base: credited,
      amount,
      explanation: `${tierLabel(tier, index)} reached (${bounds(tier)}): all ${credited.toString()} × ${percent(tier.rate)} = ${amount.toString()} ${amount.currency}`,
    },
  ];
}

/**
 * The commission change for a record credited in a closed period whose credit changed later:
 * the change in credit at the rate the record was paid (its frozen commission ÷ its frozen
 * credit), rounded half-even. Half-even is symmetric, so a clawback and the same credit given
 * back cancel exactly.
 *
 * @example
 * ```ts
 * import { Money } from '@sellkit/core';
 * const paid = { credited: Money.of('10000', 'EUR'), commission: Money.of('512.34', 'EUR') };
 * adjustmentFor(paid, Money.of('-10000', 'EUR')).toString(); // '-512.34'
 * adjustmentFor(paid, Money.of('-2500', 'EUR')).toString();  // '-128.09' (128.085 half-even)
 * ```
 */
export function adjustmentFor(
  paid: { readonly credited: Money; readonly commission: Money },
  change: Money,
): Money {
  if (paid.credited.isZero() || change.isZero()) return Money.zero(change.currency);
  const exact = paid.commission
    .toDecimal()
    .times(change.toDecimal())
    .dividedBy(paid.credited.toDecimal());
  return Money.of(exact.toFixed(), change.currency, { rounding: COMMISSION_ROUNDING });
}

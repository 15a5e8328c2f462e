import type { Money } from '@sellkit/core';
import type { TierLine } from './tiers.js';

/** One credited record on a statement. */
export interface StatementCredit {
  readonly source: string;
  readonly recordId: string;
  readonly label: string;
  /** The local date that placed it in the period. */
  readonly date: string;
  /** Percent of the record credited to this rep. */
  readonly share: string;
  /** This rep's part of the record's amount. */
  readonly credited: Money;
  /** The commission this record earned (for tiered plans, its pro-rata part of the tiers). */
  readonly commission: Money;
  readonly explanation: string;
}

/** A change to a record credited in an earlier, closed period. */
export interface StatementAdjustment {
  /** `clawback`: credit taken back (a deal reopened or reduced); `credit-back`: given back. */
  readonly kind: 'clawback' | 'credit-back';
  readonly source: string;
  readonly recordId: string;
  readonly label: string;
  /** The closed period that first paid the record. */
  readonly paidIn: string;
  /** The change in credit (negative for a clawback). */
  readonly creditChange: Money;
  /** The commission change, at the rate the record was paid. */
  readonly amount: Money;
  readonly explanation: string;
}

/** A manager's override on one team member's credit. */
export interface StatementOverride {
  readonly repId: string;
  readonly repName: string;
  readonly credited: Money;
  readonly rate: string;
  readonly amount: Money;
  readonly explanation: string;
}

/** A bonus the rep earned in the period. */
export interface StatementBonus {
  readonly id: string;
  readonly description: string;
  readonly amount: Money;
  readonly explanation: string;
}

/** A record that could not be credited (another currency than the plan's). */
export interface StatementSkip {
  readonly source: string;
  readonly recordId: string;
  readonly label: string;
  readonly reason: string;
}

/**
 * A rep's commission statement for one period: every credited record, the tiers, rates and
 * amounts, clawbacks, overrides, bonuses and the total, in exact `Money`, each line with an
 * explanation. `status: 'closed'` statements are the frozen ones, read back as stored.
 */
export interface CommissionStatement {
  readonly repId: string;
  readonly repName: string;
  readonly period: string;
  readonly status: 'open' | 'closed';
  /** The plan version used; null when no plan applies to the rep for the period. */
  readonly plan: { readonly key: string; readonly version: number; readonly name: string } | null;
  readonly currency: string | null;
  readonly quota: Money | null;
  /** Everything credited in the period (the sum of `credits`). */
  readonly credited: Money | null;
  /** Credited ÷ quota as a percentage with two decimals (`"112.50"`), when there is a quota. */
  readonly attainment: string | null;
  readonly credits: readonly StatementCredit[];
  readonly tiers: readonly TierLine[];
  /** False when the plan's minimum attainment was not reached (nothing paid on credit). */
  readonly thresholdMet: boolean;
  /** What the cap took off, when it applied. */
  readonly capped: Money | null;
  /** Commission on the credit, after threshold and cap. */
  readonly commission: Money | null;
  readonly overrides: readonly StatementOverride[];
  readonly adjustments: readonly StatementAdjustment[];
  readonly bonuses: readonly StatementBonus[];
  readonly skipped: readonly StatementSkip[];
  /** commission + overrides + adjustments + bonuses. */
  readonly total: Money | null;
  /** The sums, in words, top to bottom. */
  readonly explanation: readonly string[];
}

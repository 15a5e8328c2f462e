import { Money, type TenantCalendar } from '@sellkit/core';
import type { CommissionEntry } from './commission-models.js';
import type { CreditState } from './credit-source.js';
import { type CommissionPeriod, commissionPeriod, nextPeriod, periodOf } from './periods.js';
import { type SplitInput, shareCredit } from './splits.js';
import type { StatementAdjustment } from './statement-types.js';
import { adjustmentFor } from './tiers.js';

/** The key of a source record in the maps below. */
export function recordKey(source: string, recordId: string): string {
  return `${source}\u0000${recordId}`;
}

/** Booking period of a change: its own period, never before or in one already paid/closed. */
export function bookingPeriod(
  calendar: TenantCalendar,
  unit: CommissionPeriod['unit'],
  changedOn: string,
  lastPaid: CommissionPeriod,
  closed: ReadonlySet<string>,
): CommissionPeriod {
  let period = periodOf(calendar, unit, changedOn);
  if (period.from <= lastPaid.from) period = nextPeriod(calendar, lastPaid);
  for (let guard = 0; closed.has(period.key) && guard < 10_000; guard += 1)
    period = nextPeriod(calendar, period);
  return period;
}

/** What {@link adjustmentsOf} compares. */
export interface AdjustmentInput {
  readonly repId: string;
  /** The rep's ledger entries (every closed period). */
  readonly entries: readonly CommissionEntry[];
  /** Where each paid record stands today, by {@link recordKey}. */
  readonly states: ReadonlyMap<string, CreditState>;
  readonly currentSplits: ReadonlyMap<string, SplitInput[]>;
  /** Rep id by host user id. */
  readonly repByUser: ReadonlyMap<string, string>;
  readonly currency: string;
  readonly period: CommissionPeriod;
  readonly calendar: TenantCalendar;
  readonly closed: ReadonlySet<string>;
}

/**
 * Clawbacks and credits given back for one rep in one period: for every record a closed period
 * paid, today's credit (the rep's share of it) minus the net credit already paid; a change is
 * booked in the period it happened in (the record's last change date), never in or before the
 * last period that paid the record nor in a closed one.
 */
export function adjustmentsOf(input: AdjustmentInput): StatementAdjustment[] {
  const { repId, entries, states, currentSplits, repByUser, currency, period, calendar, closed } =
    input;
  const adjustments: StatementAdjustment[] = [];
  const mine = new Map<string, CommissionEntry[]>();
  for (const entry of entries) {
    const key = recordKey(entry.source, entry.recordId);
    const list = mine.get(key) ?? [];
    list.push(entry);
    mine.set(key, list);
  }
  for (const [key, list] of mine) {
    const first = list.find((entry) => entry.kind === 'credit') ?? list[0];
    if (!first || first.credited.currency !== currency) continue;
    let lastPaid: CommissionPeriod | null = null;
    for (const entry of list) {
      const paid = commissionPeriod(calendar, entry.periodKey);
      if (paid.unit === period.unit && (!lastPaid || paid.from > lastPaid.from)) lastPaid = paid;
    }
    if (!lastPaid) continue;
    const net = Money.sum(
      list.map((entry) => entry.credited),
      currency,
    );
    const state = states.get(key);
    const now = state?.credit ?? null;
    let current = Money.zero(currency);
    if (now && now.amount.currency === currency) {
      const owner = now.ownerId === null ? null : (repByUser.get(now.ownerId) ?? null);
      const share = shareCredit(now, currentSplits.get(key) ?? [], owner).find(
        (part) => part.repId === repId,
      );
      if (share) current = share.amount;
    }
    const change = current.subtract(net);
    if (change.isZero()) continue;
    const booked = bookingPeriod(
      calendar,
      period.unit,
      state?.changedOn ?? calendar.today(),
      lastPaid,
      closed,
    );
    if (booked.key !== period.key) continue;
    const paidBasis = { credited: first.credited, commission: first.commission };
    const amount = adjustmentFor(paidBasis, change);
    const kind = change.isNegative() ? 'clawback' : 'credit-back';
    const label = now?.label ?? state?.label ?? first.recordId;
    adjustments.push({
      kind,
      source: first.source,
      recordId: first.recordId,
      label,
      paidIn: first.periodKey,
      creditChange: change,
      amount,
      explanation: `${kind === 'clawback' ? 'Clawback' : 'Credit given back'}: ${label}, paid in ${first.periodKey} at ${first.commission.toString()} on ${first.credited.toString()}; credit changed by ${change.toString()} (now ${current.toString()}), so ${first.commission.toString()} × ${change.toString()} ÷ ${first.credited.toString()} = ${amount.toString()} ${currency}`,
    });
  }
  return adjustments;
}

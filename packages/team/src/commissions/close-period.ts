import { type InferCreate, type ModuleScope, Money, SellkitError } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import type { Rep } from '../reps/rep-model.js';
import { commissionClose, commissionEntry, commissionStatement } from './commission-models.js';
import type { CommissionPeriod } from './periods.js';
import { allReps } from './plan-store.js';
import { closedPeriods } from './statement-loader.js';
import { statementJson } from './statement-store.js';
import type { CommissionStatement } from './statement-types.js';

/** What a period close did. */
export interface PeriodCloseReport {
  readonly period: string;
  /** Statements frozen: one per rep on a plan. */
  readonly statements: number;
  /** Their total, one Money per currency, sorted by currency. */
  readonly totals: readonly Money[];
}

function totalsOf(statements: readonly CommissionStatement[]): Money[] {
  const totals = new Map<string, Money>();
  for (const statement of statements) {
    const total = statement.total;
    if (!total) continue;
    totals.set(
      total.currency,
      (totals.get(total.currency) ?? Money.zero(total.currency)).add(total),
    );
  }
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

/**
 * Closes a period that has ended, in one transaction: computes every statement of its unit,
 * stores them and the ledger of what each record paid, marks the period closed and emits
 * `commission.periodClosed` and one `commission.clawedBack` per clawback.
 */
export async function closeCommissionPeriod(
  scope: ModuleScope<TeamEvents>,
  at: CommissionPeriod,
  compute: (
    tx: ModuleScope<TeamEvents>,
    at: CommissionPeriod,
    reps: readonly Rep[],
  ) => Promise<CommissionStatement[]>,
): Promise<PeriodCloseReport> {
  const calendar = await scope.calendar();
  if (calendar.today() < at.to)
    throw new SellkitError('INVALID_STATE', `${at.key} is not over yet (it ends before ${at.to})`, {
      period: at.key,
    });
  return scope.transaction(async (tx) => {
    if ((await closedPeriods(tx)).has(at.key))
      throw new SellkitError('CONFLICT', `${at.key} is already closed`, {
        period: at.key,
        model: commissionClose.name,
      });
    const reps = await allReps(tx);
    const statements = (await compute(tx, at, reps)).filter((statement) => statement.plan !== null);
    await tx.records(tx.model(commissionClose.name) as typeof commissionClose).create({
      periodKey: at.key,
      unit: at.unit,
      closedBy: tx.context.actor.id,
      statements: statements.length,
    });
    const entries: InferCreate<typeof commissionEntry>[] = [];
    for (const statement of statements) {
      for (const credit of statement.credits)
        entries.push({
          periodKey: at.key,
          repId: statement.repId,
          source: credit.source,
          recordId: credit.recordId,
          kind: 'credit',
          credited: credit.credited,
          commission: credit.commission,
        });
      for (const line of statement.adjustments)
        entries.push({
          periodKey: at.key,
          repId: statement.repId,
          source: line.source,
          recordId: line.recordId,
          kind: 'adjustment',
          credited: line.creditChange,
          commission: line.amount,
        });
    }
    // internal: freezing is bookkeeping of the close the actor was allowed to make
    const stored = tx.internal(tx.model(commissionStatement.name) as typeof commissionStatement);
    const frozenAt = statements.map((statement) => ({
      ...statement,
      status: 'closed' as const,
    }));
    for (let start = 0; start < frozenAt.length; start += 500) {
      await stored.insert(
        frozenAt.slice(start, start + 500).map((statement) => ({
          periodKey: at.key,
          repId: statement.repId,
          planKey: statement.plan?.key ?? null,
          planVersion: statement.plan?.version ?? null,
          total: statement.total ?? Money.zero(statement.currency ?? 'EUR'),
          body: statementJson(statement),
        })),
      );
    }
    // internal: the ledger of what the closed period paid
    const ledger = tx.internal(tx.model(commissionEntry.name) as typeof commissionEntry);
    for (let start = 0; start < entries.length; start += 500)
      await ledger.insert(entries.slice(start, start + 500));
    const totals = totalsOf(statements);
    await tx.emit('commission.periodClosed', {
      period: at.key,
      unit: at.unit,
      statements: statements.length,
      totals,
      closedBy: tx.context.actor.id,
    });
    for (const statement of statements) {
      for (const line of statement.adjustments) {
        if (line.kind !== 'clawback') continue;
        await tx.emit('commission.clawedBack', {
          repId: statement.repId,
          period: at.key,
          paidIn: line.paidIn,
          source: line.source,
          recordId: line.recordId,
          creditChange: line.creditChange,
          amount: line.amount,
        });
      }
    }
    return { period: at.key, statements: statements.length, totals };
  });
}

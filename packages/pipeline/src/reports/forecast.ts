import type { CalendarUnit, Money } from '@sellkit/core';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { weightedAccumulator } from './money-math.js';
import { keyOf, moneyOf, type ReportFilter, reportWhere } from './report-where.js';

/** One period of the forecast: open deals expected to close then, and their weighted amount. */
export interface ForecastRow {
  /** The period key of the expected close date (`2026-03`...), null for deals without one. */
  readonly period: string | null;
  /** Open deals expected to close in the period. */
  readonly deals: number;
  /** Their amount, one Money per currency, sorted by currency. */
  readonly amount: readonly Money[];
  /** Σ amount × probability, exact, rounded once half to even; one Money per currency. */
  readonly weighted: readonly Money[];
}

/**
 * The weighted forecast per period of the tenant's calendar (by expected close date): amounts
 * summed by the storage engine per (expected close date, probability, currency), folded into
 * periods and weighted exactly here, oldest period first (deals without a date first).
 */
export async function forecast(
  ctx: PipelineContext,
  unit: CalendarUnit,
  filter: ReportFilter,
): Promise<ForecastRow[]> {
  const { opportunity } = pipelineModels(ctx.scope);
  const calendar = await ctx.scope.calendar();
  const groups = await ctx.scope.records(opportunity).aggregate({
    where: await reportWhere(ctx, filter, ['open'], 'expectedCloseDate'),
    groupBy: ['expectedCloseDate', 'probability', 'amount.currency'],
    measures: { deals: { fn: 'count' }, amount: { fn: 'sum', field: 'amount' } },
  });
  const periods = new Map<
    string | null,
    {
      deals: number;
      amount: ReturnType<typeof weightedAccumulator>;
      weighted: ReturnType<typeof weightedAccumulator>;
    }
  >();
  for (const group of groups) {
    const day = keyOf(group.expectedCloseDate);
    const period = day === null ? null : calendar.periodKey(unit, day);
    const entry = periods.get(period) ?? {
      deals: 0,
      amount: weightedAccumulator(),
      weighted: weightedAccumulator(),
    };
    entry.deals += Number(group.deals);
    const amount = moneyOf(group.amount);
    // The plain amount is the amount at 100 %: the same exact sum, no rounding.
    entry.amount.add(amount, 100);
    entry.weighted.add(amount, Number(group.probability));
    periods.set(period, entry);
  }
  return [...periods.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1))
    .map(([period, entry]) => ({
      period,
      deals: entry.deals,
      amount: entry.amount.result(),
      weighted: entry.weighted.result(),
    }));
}

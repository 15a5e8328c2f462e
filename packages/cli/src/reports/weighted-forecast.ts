import { divideRounded, type ModuleScope, Money } from '@sellkit/core';

/** One month of the forecast: open deals expected to close then, and their weighted amount. */
export interface ForecastMonth {
  /** `2026-03`, or `(no date)`. */
  readonly month: string;
  readonly deals: number;
  readonly amount: readonly Money[];
  readonly weighted: readonly Money[];
}

/**
 * The weighted forecast by expected close month: Σ amount × probability of open deals, summed
 * by the database per (month, probability, currency) and weighted exactly here, in hundredths
 * of minor units, rounded once half to even.
 */
export async function weightedForecast(scope: ModuleScope): Promise<ForecastMonth[]> {
  const groups = await scope.records(scope.model('opportunity')).aggregate({
    where: { status: 'open' },
    groupBy: [
      { field: 'expectedCloseDate', bucket: 'month', as: 'month' },
      'probability',
      'amount.currency',
    ] as never,
    measures: { deals: { fn: 'count' }, amount: { fn: 'sum', field: 'amount' } },
  });
  const months = new Map<
    string,
    { deals: number; amount: Map<string, bigint>; weighted: Map<string, bigint> }
  >();
  for (const group of groups) {
    const month =
      group.month === null || group.month === undefined ? '(no date)' : String(group.month);
    const entry = months.get(month) ?? { deals: 0, amount: new Map(), weighted: new Map() };
    entry.deals += Number(group.deals);
    const amount = group.amount as Money | null;
    if (amount) {
      const minor = amount.toMinor();
      entry.amount.set(amount.currency, (entry.amount.get(amount.currency) ?? 0n) + minor);
      entry.weighted.set(
        amount.currency,
        (entry.weighted.get(amount.currency) ?? 0n) + minor * BigInt(Number(group.probability)),
      );
    }
    months.set(month, entry);
  }
  const moneyList = (totals: Map<string, bigint>, divisor: bigint) =>
    [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, minor]) =>
        Money.fromMinor(divideRounded(minor, divisor, 'half-even'), currency),
      );
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, entry]) => ({
      month,
      deals: entry.deals,
      amount: moneyList(entry.amount, 1n),
      weighted: moneyList(entry.weighted, 100n),
    }));
}

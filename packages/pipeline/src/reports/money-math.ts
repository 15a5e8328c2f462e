import { divideRounded, Money } from '@sellkit/core';

/** Adds money into per-currency totals (kept sorted by currency on output). */
export function addTo(totals: Map<string, Money>, amount: Money | null | undefined): void {
  if (!amount) return;
  const known = totals.get(amount.currency);
  totals.set(amount.currency, known ? known.add(amount) : amount);
}

/** Per-currency totals as a list sorted by currency code. */
export function sortedTotals(totals: ReadonlyMap<string, Money>): Money[] {
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * Accumulates amount × percent exactly (in hundredths of minor units) and rounds once at the
 * end, half to even: weighted pipelines never drift by a cent per deal.
 */
export function weightedAccumulator() {
  const totals = new Map<string, bigint>();
  return {
    add(amount: Money | null | undefined, percent: number): void {
      if (!amount) return;
      const value = amount.toMinor() * BigInt(percent);
      totals.set(amount.currency, (totals.get(amount.currency) ?? 0n) + value);
    },
    result(): Money[] {
      return [...totals.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, hundredths]) =>
          Money.fromMinor(divideRounded(hundredths, 100n, 'half-even'), currency),
        );
    },
  };
}

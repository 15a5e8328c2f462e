import type { Money } from '@sellkit/core';

/** Adds a Money to a per-currency total. */
export function addMoney(totals: Map<string, Money>, amount: unknown): void {
  if (amount === null || amount === undefined) return;
  const money = amount as Money;
  const current = totals.get(money.currency);
  totals.set(money.currency, current ? current.add(money) : money);
}

/** Per-currency totals in currency order. */
export function byCurrency(totals: ReadonlyMap<string, Money>): Money[] {
  return [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

/** `1234.50 USD` (several currencies joined by ` + `), or `0` when there is nothing. */
export function moneyText(amounts: readonly Money[]): string {
  return amounts.length === 0
    ? '0'
    : amounts.map((money) => `${money.toString()} ${money.currency}`).join(' + ');
}

import { type ModuleScope, SellkitError } from '@sellkit/core';
import type { InternalRecords } from '@sellkit/core/module';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import {
  buildWinModel,
  featureValues,
  TOTAL,
  type WinFeature,
  type WinModel,
} from './win-model.js';
import { winStat } from './win-stat-model.js';

/** What the win counts are read and written through. */
type CountsScope = Pick<ModuleScope, 'internal' | 'inTransaction'>;

/** The tenant's win counts, past access checks. */
function countsOf(scope: CountsScope): InternalRecords<typeof winStat> {
  // internal: the win counts are tenant-wide bookkeeping, kept whoever closes a deal
  return scope.internal(winStat);
}

/** Reads every stored count of the tenant into a model. */
export async function loadWinModel(
  scope: CountsScope,
  features: readonly WinFeature[],
  smoothing: number,
): Promise<WinModel> {
  const counts = countsOf(scope);
  const rows: { feature: string; value: string; won: number; lost: number }[] = [];
  let after: string | undefined;
  do {
    const page = await counts.find({
      limit: 10_000,
      ...(after === undefined ? {} : { after }),
    });
    rows.push(...page.rows);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return buildWinModel(rows, features, smoothing);
}

/**
 * Adds (`delta` 1) or removes (`delta` -1, on reopening) one closed deal's outcome to the
 * counts: the totals row and one row per feature value. Call inside the transaction that
 * closes or reopens the deal, so the model never disagrees with the deals.
 */
export async function recordOutcome(
  scope: CountsScope,
  deal: Partial<Opportunity>,
  outcome: 'won' | 'lost',
  delta: 1 | -1,
  features: readonly WinFeature[],
): Promise<void> {
  if (!scope.inTransaction) {
    throw new SellkitError(
      'INVALID_STATE',
      'win counts are updated inside the closing transaction',
    );
  }
  const counts = countsOf(scope);
  const values = featureValues(deal, features);
  const keys: [string, string][] = [[TOTAL, TOTAL], ...Object.entries(values)];
  for (const [feature, value] of keys) {
    const found = await counts.find({ where: { feature, value }, limit: 1 });
    const row = found.rows[0];
    if (row) {
      const next = Math.max(0, row[outcome] + delta);
      await counts.update(row.id, { [outcome]: next }, { current: row });
    } else if (delta > 0) {
      await counts.insert([{ feature, value, won: 0, lost: 0, [outcome]: 1 }]);
    }
  }
}

/** Counts of a rebuild, keyed by `feature\u0000value`. */
export type CountTable = Map<string, { feature: string; value: string; won: number; lost: number }>;

/** Adds one closed deal to an in-memory count table (used by rebuilds and imports). */
export function tally(
  table: CountTable,
  deal: Partial<Opportunity>,
  outcome: 'won' | 'lost',
  features: readonly WinFeature[],
): void {
  const values = featureValues(deal, features);
  for (const [feature, value] of [[TOTAL, TOTAL], ...Object.entries(values)] as [
    string,
    string,
  ][]) {
    const key = `${feature}\u0000${value}`;
    let row = table.get(key);
    if (!row) {
      row = { feature, value, won: 0, lost: 0 };
      table.set(key, row);
    }
    row[outcome] += 1;
  }
}

/** Replaces every stored count by `table`, in the caller's transaction. */
export async function replaceWinStats(scope: CountsScope, table: CountTable): Promise<void> {
  const counts = countsOf(scope);
  for (;;) {
    const page = await counts.find({ limit: 1000 });
    if (page.rows.length === 0) break;
    for (const row of page.rows) await counts.delete(row.id);
  }
  const rows = [...table.values()];
  for (let start = 0; start < rows.length; start += 500) {
    await counts.insert(rows.slice(start, start + 500));
  }
}

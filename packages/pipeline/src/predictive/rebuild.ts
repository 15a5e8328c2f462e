import type { PipelineContext } from '../shared/context.js';
import { pipelineModels } from '../shared/context.js';
import { type CountTable, replaceWinStats, tally } from './win-stats.js';

/** What a rebuild of the win model learned from. */
export interface RebuildReport {
  readonly won: number;
  readonly lost: number;
  /** Distinct feature values counted. */
  readonly values: number;
}

/**
 * Rebuilds the win model's counts from every closed deal of the tenant: pages through them in
 * batches with cursors, counts in memory, then replaces the stored counts in one transaction.
 * Admins only (the counts are tenant-wide).
 */
export async function rebuildWinModel(
  ctx: PipelineContext,
  options: { batchSize?: number; onProgress?: (progress: { deals: number }) => void } = {},
): Promise<RebuildReport> {
  const { scope } = ctx;
  const { opportunity, winStat } = pipelineModels(scope);
  await scope.assertCan('update', winStat);
  const table: CountTable = new Map();
  const features = ctx.options.scoring.features;
  let won = 0;
  let lost = 0;
  // internal: the counts learn from every closed deal of the tenant (admins only, checked above)
  const deals = scope.internal(opportunity);
  let after: string | undefined;
  do {
    const page = await deals.find({
      where: { status: { in: ['won', 'lost'] } },
      orderBy: [{ field: 'id', direction: 'asc' }],
      limit: Math.min(Math.max(options.batchSize ?? 2000, 1), 10_000),
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page.rows) {
      const outcome = row.status === 'won' ? 'won' : 'lost';
      tally(table, row, outcome, features);
      if (outcome === 'won') won += 1;
      else lost += 1;
    }
    options.onProgress?.({ deals: won + lost });
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  await scope.transaction((tx) => replaceWinStats(tx, table));
  return { won, lost, values: table.size - (won + lost > 0 ? 1 : 0) };
}

import type { Where } from '@sellkit/core';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { SCORABLE_FIELDS } from './facts.js';
import { loadScorer, type ScoreFields } from './scorer.js';

/** Options of `rescoreAll`. */
export interface RescoreOptions {
  /** Which deals (default: open ones). Always narrowed to what the actor may update. */
  where?: Where<Opportunity>;
  /** Deals per page and per transaction (default 2,000, at most 10,000). */
  batchSize?: number;
  onProgress?: (progress: RescoreProgress) => void;
}

/** Progress and result of a re-score. */
export interface RescoreProgress {
  readonly scored: number;
  /** Deals whose score, band, priority or rule-set version changed and were written. */
  readonly changed: number;
  /** Deals changed by someone else meanwhile (their own write scored them). */
  readonly skipped: number;
}

function firedRules(
  explanation: Opportunity['scoreExplanation'] | ScoreFields['scoreExplanation'],
): string {
  return explanation ? explanation.reasons.map((reason) => reason.rule).join(',') : '';
}

/** What a re-score reads of each deal: the facts, and the stored score to compare with. */
const RESCORE_FIELDS = [
  ...SCORABLE_FIELDS,
  'score',
  'band',
  'priority',
  'scoreExplanation',
] as const satisfies readonly (keyof Opportunity)[];

type StoredScore = Pick<Opportunity, 'score' | 'band' | 'priority' | 'scoreExplanation'>;

function differs(row: StoredScore, fields: ScoreFields): boolean {
  const before = row.scoreExplanation;
  const after = fields.scoreExplanation;
  return (
    row.score !== fields.score ||
    (before?.winProbability ?? null) !== after.winProbability ||
    firedRules(before) !== firedRules(after) ||
    row.band !== fields.band ||
    row.priority !== fields.priority ||
    row.scoreExplanation?.ruleSetVersion !== fields.scoreExplanation.ruleSetVersion ||
    row.scoreExplanation?.ruleSetId !== fields.scoreExplanation.ruleSetId ||
    row.scoreExplanation?.source !== fields.scoreExplanation.source
  );
}

/**
 * Re-scores deals with the active rule set: pages through them with cursors (reading only the
 * fields scoring needs), scores each page with one `scoreMany`, and writes the deals whose
 * score changed with one `updateMany` per page, in one transaction per page. Scores are
 * derived data: each page's write is one audit entry (`update-many`, listing the deals' ids
 * and the score fields), not one per deal.
 *
 * @example
 * ```ts
 * await admin.pipeline.scoring.publish();
 * const done = await admin.pipeline.scoring.rescoreAll({ onProgress: console.log });
 * ```
 */
export async function rescoreAll(
  ctx: PipelineContext,
  options: RescoreOptions = {},
): Promise<RescoreProgress> {
  const { scope } = ctx;
  const { opportunity } = pipelineModels(scope);
  await scope.assertCan('update', opportunity);
  const batch = Math.min(Math.max(options.batchSize ?? 2000, 1), 10_000);
  const scorer = await loadScorer(scope, ctx.options.scoring);
  const progress = { scored: 0, changed: 0, skipped: 0 };
  const where = options.where ?? { status: 'open' };
  let after: string | undefined;
  do {
    // Read, score and write one page in one transaction: the page cannot change under us.
    after = await scope.transaction(async (tx) => {
      const page = await tx.records(opportunity).find({
        where,
        select: RESCORE_FIELDS,
        orderBy: [{ field: 'id', direction: 'asc' }],
        limit: batch,
        ...(after === undefined ? {} : { after }),
      });
      const scores = scorer.scoreMany(page.rows, tx.clock.now());
      const updates = page.rows.flatMap((row, index) => {
        const fields = scores[index] as ScoreFields;
        return differs(row, fields)
          ? [{ id: row.id, expectedVersion: row.version, patch: fields }]
          : [];
      });
      // A deal changed meanwhile (engines without row locks) was scored by its own write.
      // internal: a bulk rewrite of derived fields on deals the page above read through records()
      const result = await tx.internal(opportunity).updateMany(updates, { onStale: 'skip' });
      progress.changed += result.written.length;
      progress.skipped += result.skipped.length;
      progress.scored += page.rows.length;
      return page.nextCursor ?? undefined;
    });
    options.onProgress?.({ ...progress });
  } while (after !== undefined);
  return progress;
}

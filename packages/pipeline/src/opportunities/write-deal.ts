import type { InferPatch, WriteOptions } from '@sellkit/core';
import type { ScorableOpportunity } from '../scoring/facts.js';
import { loadScorer, type ScoreFields } from '../scoring/scorer.js';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import type { OpportunityLine } from './line-model.js';
import { type PreparedLine, writeLines } from './lines.js';
import type { Opportunity, opportunity as opportunityModel } from './opportunity-model.js';

type OpportunityPatch = InferPatch<typeof opportunityModel>;

/** Scores one deal (as it will be stored) with the tenant's active rule set. */
export async function scoreDeal(
  ctx: PipelineContext,
  deal: ScorableOpportunity,
): Promise<ScoreFields> {
  const scorer = await loadScorer(ctx.scope, ctx.options.scoring);
  const [fields] = scorer.scoreMany([deal], ctx.scope.clock.now());
  return fields as ScoreFields;
}

/**
 * Writes a change to a stored deal inside the caller's transaction: re-scores the deal as it
 * will be, updates it through the access-checked, audited record service (a stale
 * `expectedVersion` is `CONFLICT`), and replaces its lines when given.
 */
export async function updateDeal(
  ctx: PipelineContext,
  before: Opportunity,
  patch: Record<string, unknown>,
  options: WriteOptions & { lines?: readonly PreparedLine[] | undefined } = {},
): Promise<{ after: Opportunity; lines: OpportunityLine[] | undefined }> {
  const { opportunity } = pipelineModels(ctx.scope);
  // The patch is checked input (prepareUpdate, the stage and closing rules): as stored, it is
  // the model's patch, and the deal it makes is what scoring reads.
  const merged = { ...before, ...patch } as ScorableOpportunity;
  const score = await scoreDeal(ctx, merged);
  const after = await ctx.scope
    .records(opportunity)
    .update(before.id, { ...patch, ...score } as OpportunityPatch, {
      expectedVersion: options.expectedVersion ?? before.version,
    });
  const lines =
    options.lines === undefined ? undefined : await writeLines(ctx.scope, before.id, options.lines);
  return { after, lines };
}

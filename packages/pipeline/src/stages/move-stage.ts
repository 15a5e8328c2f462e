import { SellkitError } from '@sellkit/core';
import { issueList, requireObject, withRetry } from '@sellkit/core/module';
import { readLines } from '../opportunities/lines.js';
import { loadForUpdate } from '../opportunities/load-deal.js';
import type { OpportunityPatch } from '../opportunities/opportunity-input.js';
import { prepareUpdate, requireForStage } from '../opportunities/opportunity-input.js';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { updateDeal } from '../opportunities/write-deal.js';
import { assertMoveAllowed, stageOf } from '../pipelines/pipeline-store.js';
import { maybeRoute } from '../scoring/routing.js';
import { type PipelineContext, within } from '../shared/context.js';
import { runPlaybook } from '../tasks/playbook.js';
import { recordStageChange } from './history.js';

/** Options of `moveStage`. */
export interface MoveOptions {
  /** The version the caller read; a stale one is `CONFLICT`. */
  expectedVersion?: number;
  /** Fields set together with the move (e.g. the amount a Proposal stage requires). */
  set?: OpportunityPatch;
}

/**
 * Moves an open deal to another open stage of its pipeline. A move the current stage does not
 * allow, or any move of a closed deal, is `INVALID_TRANSITION`; a stage the deal lacks fields
 * for is `VALIDATION_FAILED` (reason `required_for_stage`). Closing goes through `win` and
 * `lose`. The deal takes the stage's probability (unless set by hand), the move is recorded
 * in the stage history, and the stage's playbook creates its tasks.
 */
export async function moveStage(
  ctx: PipelineContext,
  id: string,
  to: string,
  options: MoveOptions = {},
): Promise<Opportunity> {
  const set = options.set === undefined ? {} : requireObject(options.set, 'set', 'opportunity');
  return withRetry(ctx.scope, async (tx) => {
    const inner = within(ctx, tx);
    const { before, pipeline } = await loadForUpdate(tx, id);
    const target = stageOf(pipeline, to, 'stage');
    if (before.status !== 'open') {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `${before.title} is ${before.status}: reopen it before moving it`,
        { model: 'opportunity', id, from: before.stage, to: target.key, status: before.status },
      );
    }
    if (target.kind !== 'open') {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `stage ${target.key} closes the deal: use ${target.kind === 'won' ? 'win' : 'lose'}`,
        { model: 'opportunity', id, from: before.stage, to: target.key },
      );
    }
    if (target.key === before.stage && Object.keys(set).length === 0) return before;
    const from = stageOf(pipeline, before.stage);
    // Staying in the stage (to change fields) is always allowed.
    if (target.key !== from.key) assertMoveAllowed(from, target, id);
    const issues = issueList();
    const prepared = await prepareUpdate(inner, before, pipeline, set, issues);
    const now = tx.clock.now();
    const patch: Record<string, unknown> = {
      ...prepared.data,
      stage: target.key,
      stageEnteredAt: now,
      lastActivityAt: now,
    };
    const manual = (prepared.data.probabilitySource ?? before.probabilitySource) === 'manual';
    if (!manual) {
      patch.probability = target.probability;
      patch.probabilitySource = 'stage';
    }
    const lineCount = prepared.lines?.length ?? (await readLines(tx, id)).length;
    requireForStage(target, { ...before, ...patch }, lineCount, issues);
    issues.throwIfAny({ model: 'opportunity', id, stage: target.key });
    const { after } = await updateDeal(inner, before, patch, {
      ...(options.expectedVersion === undefined
        ? {}
        : { expectedVersion: options.expectedVersion }),
      lines: prepared.lines,
    });
    const routed = await maybeRoute(inner, before, after);
    const change = await recordStageChange(tx, before, routed, 'move', now);
    const tasks = await runPlaybook(tx, target, routed, now);
    await tx.emit('opportunity.stageChanged', {
      opportunity: routed,
      pipelineId: pipeline.id,
      from: before.stage,
      to: target.key,
      changedBy: change.changedBy,
      changedAt: now,
      tasks,
    });
    return routed;
  });
}

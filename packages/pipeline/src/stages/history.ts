import type { Opportunity } from '../opportunities/opportunity-model.js';
import type { PipelineScope } from '../shared/context.js';
import { type StageChange, stageChange } from './stage-change-model.js';

/** Why a stage changed. */
export type StageChangeReason = 'create' | 'move' | 'won' | 'lost' | 'reopen' | 'import';

/** Writes one stage change (inside the caller's transaction). */
export async function recordStageChange(
  tx: PipelineScope,
  before: Pick<Opportunity, 'stage' | 'stageEnteredAt'> | null,
  after: Pick<Opportunity, 'id' | 'pipelineId' | 'stage' | 'ownerId'>,
  reason: StageChangeReason,
  at: Date,
): Promise<StageChange> {
  const entered = before?.stageEnteredAt;
  // internal: history is bookkeeping of the deal, written whoever owns it now (routing may
  // have handed the deal to another rep in this very transaction)
  const [row] = await tx.internal(stageChange).insert([
    {
      opportunityId: after.id,
      pipelineId: after.pipelineId,
      fromStage: before?.stage ?? null,
      toStage: after.stage,
      changedBy: tx.context.actor.id,
      changedAt: at,
      msInPreviousStage: entered ? Math.max(0, at.getTime() - entered.getTime()) : null,
      ownerId: after.ownerId,
      reason,
    },
  ]);
  return row as StageChange;
}

/** Every stage change of a deal, oldest first. */
export async function readStageHistory(
  scope: PipelineScope,
  opportunityId: string,
): Promise<StageChange[]> {
  // internal: the whole history of a deal the caller may read, whoever owned it at each change
  const changes = scope.internal(stageChange);
  const rows: StageChange[] = [];
  let after: string | undefined;
  do {
    const page = await changes.find({
      where: { opportunityId },
      orderBy: [{ field: 'changedAt', direction: 'asc' }],
      limit: 1000,
      ...(after === undefined ? {} : { after }),
    });
    rows.push(...page.rows);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return rows;
}

/** One stay of a deal in a stage. */
export interface StageStay {
  readonly stage: string;
  readonly enteredAt: Date;
  /** Null while the deal is still there. */
  readonly leftAt: Date | null;
  readonly ms: number;
}

/**
 * The stays of a deal in its stages, from its history: how long it spent where. The current
 * stay runs until `now`.
 *
 * @example
 * ```ts
 * const stays = stageStays(await rep.pipeline.opportunities.history(id), new Date());
 * stays.map((stay) => `${stay.stage}: ${Math.round(stay.ms / 86_400_000)} days`);
 * ```
 */
export function stageStays(history: readonly StageChange[], now: Date): StageStay[] {
  const stays: StageStay[] = [];
  history.forEach((change, index) => {
    const next = history[index + 1];
    const leftAt = next ? next.changedAt : null;
    const end = leftAt ?? now;
    stays.push({
      stage: change.toStage,
      enteredAt: change.changedAt,
      leftAt,
      ms: Math.max(0, end.getTime() - change.changedAt.getTime()),
    });
  });
  return stays;
}

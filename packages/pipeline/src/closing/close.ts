import { SellkitError, type TenantCalendar, validationError } from '@sellkit/core';
import { issueList, requireObject, withRetry } from '@sellkit/core/module';
import { readLines } from '../opportunities/lines.js';
import { loadForUpdate } from '../opportunities/load-deal.js';
import {
  checkDates,
  type OpportunityPatch,
  prepareUpdate,
  requireForStage,
} from '../opportunities/opportunity-input.js';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { updateDeal } from '../opportunities/write-deal.js';
import {
  assertMoveAllowed,
  closingStage,
  firstOpenStage,
  stageOf,
} from '../pipelines/pipeline-store.js';
import { recordOutcome } from '../predictive/win-stats.js';
import { type PipelineContext, within } from '../shared/context.js';
import { readStageHistory, recordStageChange } from '../stages/history.js';
import { cancelOpenTasks, runPlaybook } from '../tasks/playbook.js';

/** Options of `win`. */
export interface WinOptions {
  /** The business date it closed (default: today). Not before the engage date. */
  closeDate?: string;
  expectedVersion?: number;
  /** Fields set while closing (e.g. the final amount or lines). */
  set?: OpportunityPatch;
}

/** Options of `lose`: a reason is required. */
export interface LoseOptions {
  reason: string;
  closeDate?: string;
  expectedVersion?: number;
}

/** Options of `reopen`: a reason is required; the stage defaults to the last open one. */
export interface ReopenOptions {
  reason: string;
  stage?: string;
  expectedVersion?: number;
}

function reasonOf(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw validationError(path, 'a reason is required', 'required');
  }
  if (value.length > 500) throw validationError(path, 'must be at most 500 characters', 'too_big');
  return value.trim();
}

/** Calendar days from engagement (else the local day it was created) to the close date. */
function cycleDays(deal: Opportunity, closeDate: string, calendar: TenantCalendar): number {
  const start = deal.engageDate ?? calendar.dateOf(deal.createdAt);
  const days = calendar.daysBetween(start, closeDate);
  return Number.isFinite(days) ? Math.max(0, days) : 0;
}

async function close(
  ctx: PipelineContext,
  id: string,
  outcome: 'won' | 'lost',
  options: {
    closeDate?: string;
    expectedVersion?: number;
    set?: OpportunityPatch;
    reason?: string;
  },
): Promise<Opportunity> {
  const set = options.set === undefined ? {} : requireObject(options.set, 'set', 'opportunity');
  return withRetry(ctx.scope, async (tx) => {
    const inner = within(ctx, tx);
    const { before, pipeline } = await loadForUpdate(tx, id);
    if (before.status !== 'open') {
      throw new SellkitError('INVALID_TRANSITION', `${before.title} is already ${before.status}`, {
        model: 'opportunity',
        id,
        status: before.status,
      });
    }
    const target = closingStage(pipeline, outcome);
    assertMoveAllowed(stageOf(pipeline, before.stage), target, id);
    const issues = issueList();
    const prepared = await prepareUpdate(inner, before, pipeline, set, issues);
    const calendar = await tx.calendar();
    const now = tx.clock.now();
    // The business date of the close: the tenant's local date, unless the caller gives one.
    const closeDate = options.closeDate ?? calendar.today();
    const patch: Record<string, unknown> = {
      ...prepared.data,
      stage: target.key,
      status: outcome,
      probability: target.probability,
      probabilitySource: 'stage',
      closeDate,
      closedAt: now,
      stageEnteredAt: now,
      lastActivityAt: now,
      ...(outcome === 'lost' ? { lostReason: options.reason } : {}),
    };
    checkDates({ ...before, ...patch }, issues);
    const lineCount = prepared.lines?.length ?? (await readLines(tx, id)).length;
    requireForStage(target, { ...before, ...patch }, lineCount, issues);
    issues.throwIfAny({ model: 'opportunity', id, stage: target.key });
    patch.cycleDays = cycleDays(before, closeDate, calendar);
    const { after } = await updateDeal(inner, before, patch, {
      ...(options.expectedVersion === undefined
        ? {}
        : { expectedVersion: options.expectedVersion }),
      lines: prepared.lines,
    });
    await recordOutcome(tx, after, outcome, 1, ctx.options.scoring.features);
    await recordStageChange(tx, before, after, outcome, now);
    await cancelOpenTasks(tx, id);
    if (outcome === 'won') {
      await tx.emit('opportunity.won', {
        opportunity: after,
        lines: await readLines(tx, id),
        amount: after.amount,
        closeDate,
        wonBy: tx.context.actor.id,
      });
    } else {
      await tx.emit('opportunity.lost', {
        opportunity: after,
        reason: options.reason ?? '',
        closeDate,
        lostBy: tx.context.actor.id,
      });
    }
    return after;
  });
}

/**
 * Closes a deal as won. The won stage's required fields must be set (an amount, by default);
 * the close date may not precede the engage date. `opportunity.won` carries the lines and
 * amount, so an order can be created from it. The deal's open tasks are cancelled and the
 * win model learns the outcome in the same transaction.
 *
 * @example
 * ```ts
 * const deal = await rep.pipeline.opportunities.create({ title: 'Cancity renewal' });
 * const won = await rep.pipeline.opportunities.win(deal.id, { closeDate: '2026-03-31' });
 * ```
 */
export async function win(
  ctx: PipelineContext,
  id: string,
  options: WinOptions = {},
): Promise<Opportunity> {
  return close(ctx, id, 'won', options);
}

/** Closes a deal as lost; `reason` is required (`VALIDATION_FAILED` without one). */
export async function lose(
  ctx: PipelineContext,
  id: string,
  options: LoseOptions,
): Promise<Opportunity> {
  const reason = reasonOf((options as Partial<LoseOptions> | undefined)?.reason, 'reason');
  return close(ctx, id, 'lost', { ...options, reason });
}

/**
 * Reopens a closed deal, explicitly and with a reason (audited as `reopen`): it goes back to
 * the open stage it was closed from (or `stage`), its close fields are cleared, and the win
 * model forgets the outcome.
 */
export async function reopen(
  ctx: PipelineContext,
  id: string,
  options: ReopenOptions,
): Promise<Opportunity> {
  const reason = reasonOf((options as Partial<ReopenOptions> | undefined)?.reason, 'reason');
  return withRetry(ctx.scope, async (tx) => {
    const inner = within(ctx, tx);
    const { before, pipeline } = await loadForUpdate(tx, id);
    if (before.status === 'open') {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `${before.title} is open: only closed deals reopen`,
        {
          model: 'opportunity',
          id,
        },
      );
    }
    let target = options.stage === undefined ? null : stageOf(pipeline, options.stage, 'stage');
    if (target && target.kind !== 'open') {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `a deal reopens into an open stage, not ${target.key}`,
        {
          model: 'opportunity',
          id,
          to: target.key,
        },
      );
    }
    if (!target) {
      const history = await readStageHistory(tx, id);
      const lastOpen = [...history]
        .reverse()
        .map((change) => pipeline.stages.find((stage) => stage.key === change.fromStage))
        .find((stage) => stage?.kind === 'open');
      target = lastOpen ?? firstOpenStage(pipeline);
    }
    const now = tx.clock.now();
    const outcome = before.status;
    const patch: Record<string, unknown> = {
      stage: target.key,
      status: 'open',
      probability: target.probability,
      probabilitySource: 'stage',
      closeDate: null,
      closedAt: null,
      cycleDays: null,
      lostReason: null,
      stageEnteredAt: now,
      lastActivityAt: now,
    };
    const { after } = await updateDeal(inner, before, patch, {
      ...(options.expectedVersion === undefined
        ? {}
        : { expectedVersion: options.expectedVersion }),
    });
    await tx.audit({
      model: 'opportunity',
      recordId: id,
      action: 'reopen',
      changes: {
        status: { before: outcome, after: 'open' },
        stage: { before: before.stage, after: target.key },
        reason: { before: null, after: reason },
      },
    });
    await recordOutcome(tx, before, outcome, -1, ctx.options.scoring.features);
    await recordStageChange(tx, before, after, 'reopen', now);
    await runPlaybook(tx, target, after, now);
    await tx.emit('opportunity.reopened', {
      opportunity: after,
      from: outcome,
      to: target.key,
      reason,
      reopenedBy: tx.context.actor.id,
    });
    return after;
  });
}

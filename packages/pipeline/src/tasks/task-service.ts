import {
  type FindQuery,
  type InferCreate,
  type InferPatch,
  type Page,
  SellkitError,
  validationError,
  type Where,
} from '@sellkit/core';
import { requireObject } from '@sellkit/core/module';
import { scoreDeal } from '../opportunities/write-deal.js';
import { localOffset } from '../pipelines/stage-definition.js';
import type { ScorableOpportunity } from '../scoring/facts.js';
import { type PipelineContext, pipelineModels, within } from '../shared/context.js';
import type { Task, task as taskModel } from './task-model.js';

/** What creating a task by hand takes. */
export interface TaskInput {
  title: string;
  description?: string | null;
  /**
   * An instant, an ISO date-time with an offset, or the tenant's local wall-clock time
   * (`2026-03-10T09:00`); a local time skipped by a DST change is `VALIDATION_FAILED`.
   */
  dueAt: Date | string;
  /** Defaults to the deal's owner, else the acting user. */
  ownerId?: string | null;
  opportunityId?: string | null;
}

/** One rep's overdue tasks, for a manager. */
export interface OverdueByRep {
  readonly ownerId: string;
  readonly overdue: number;
  readonly oldestDueAt: Date | null;
  /** The oldest overdue tasks, at most `limitPerRep`. */
  readonly tasks: readonly Task[];
}

/** Follow-up tasks: created by playbooks or by hand; done, cancelled or snoozed. */
export interface TaskService {
  create(input: TaskInput): Promise<Task>;
  get(id: string): Promise<Task>;
  /** The tasks the actor may see (a rep: their own; a manager: the team's). */
  find(query?: FindQuery<Task>): Promise<Page<Task>>;
  /** Marks a task done; an open deal it belongs to counts it as recent activity. */
  complete(id: string): Promise<Task>;
  cancel(id: string): Promise<Task>;
  /** Puts a task off until `until` (in the future); it is due again then. */
  snooze(id: string, until: Date | string): Promise<Task>;
  /**
   * Overdue tasks grouped by rep, most overdue first: the manager's view. Counts come from
   * one aggregate in storage, scoped to what the actor may see.
   *
   * @example
   * ```ts
   * const late = await manager.pipeline.tasks.overdueByRep();
   * late[0]; // { ownerId: 'u-7', overdue: 4, oldestDueAt: ..., tasks: [...] }
   * ```
   */
  overdueByRep(options?: { now?: Date; limitPerRep?: number }): Promise<OverdueByRep[]>;
}

/** Creates the task service of one context. */
export function createTaskService(ctx: PipelineContext): TaskService {
  const { scope } = ctx;
  const { task, opportunity } = pipelineModels(scope);

  const transition = (id: string, allowed: readonly string[], patch: TaskPatch) =>
    scope.transaction((tx) => transitionIn(tx, id, allowed, patch));

  return {
    async create(input) {
      const raw = requireObject(input, 'a task', 'task');
      // A local date-time (no offset) is the tenant's wall-clock time; a skipped DST time fails.
      const dueAt = (await scope.calendar()).parseInstant(raw.dueAt, 'dueAt');
      return scope.transaction(async (tx) => {
        let ownerId = raw.ownerId as string | null | undefined;
        let territoryId: string | null = null;
        if (typeof raw.opportunityId === 'string') {
          const deal = await tx.records(opportunity).get(raw.opportunityId);
          ownerId ??= deal.ownerId;
          territoryId = deal.territoryId;
        }
        const created = await tx.records(task).create({
          ...(raw as object),
          dueAt,
          ownerId: ownerId ?? tx.context.actor.id,
          territoryId,
        } as InferCreate<typeof taskModel>);
        await tx.emit('task.created', { task: created });
        return created;
      });
    },
    get: (id) => scope.records(task).get(id),
    find: (query = {}) =>
      scope.records(task).find({ orderBy: [{ field: 'dueAt', direction: 'asc' }], ...query }),
    async complete(id) {
      return scope.transaction(async (tx) => {
        const done = await transitionIn(tx, id, ['open', 'snoozed'], {
          status: 'done',
          completedAt: tx.clock.now(),
        });
        if (done.opportunityId) {
          // internal: finishing a task is activity on its deal, even one the actor may not edit
          const deals = tx.internal(opportunity);
          const deal = await deals.get(done.opportunityId);
          if (deal && deal.status === 'open') {
            const now = tx.clock.now();
            const merged: ScorableOpportunity = { ...deal, lastActivityAt: now };
            const score = await scoreDeal(within(ctx, tx), merged);
            await deals.update(deal.id, { lastActivityAt: now, ...score }, { current: deal });
          }
        }
        await tx.emit('task.completed', { task: done });
        return done;
      });
    },
    cancel: (id) => transition(id, ['open', 'snoozed'], { status: 'cancelled' }),
    async snooze(id, until) {
      const due = (await scope.calendar()).parseInstant(until, 'until');
      if (due.getTime() <= scope.clock.now().getTime()) {
        throw validationError('until', 'must be in the future', 'not_future');
      }
      return transition(id, ['open', 'snoozed'], {
        status: 'snoozed',
        dueAt: due,
        dueNotifiedAt: null,
        overdueNotifiedAt: null,
      });
    },
    async overdueByRep(options = {}) {
      const now = options.now ?? scope.clock.now();
      const limit = options.limitPerRep ?? 20;
      const where: Where<Task> = {
        status: 'open',
        dueAt: {
          lte: (await scope.calendar()).shift(now, localOffset(ctx.options.overdueAfter, -1)),
        },
      };
      const groups = await scope.records(task).aggregate({
        where,
        groupBy: ['ownerId'],
        measures: { overdue: { fn: 'count' }, oldest: { fn: 'min', field: 'dueAt' } },
        orderBy: [{ key: 'overdue', direction: 'desc' }],
      });
      const result: OverdueByRep[] = [];
      for (const group of groups) {
        const ownerId = String(group.ownerId);
        const page = await scope.records(task).find({
          where: { ...where, ownerId },
          orderBy: [{ field: 'dueAt', direction: 'asc' }],
          limit,
        });
        result.push({
          ownerId,
          overdue: Number(group.overdue),
          oldestDueAt: group.oldest instanceof Date ? group.oldest : null,
          tasks: page.rows,
        });
      }
      return result;
    },
  };
}

/** A change to a task. */
type TaskPatch = InferPatch<typeof taskModel>;

async function transitionIn(
  tx: PipelineContext['scope'],
  id: string,
  allowed: readonly string[],
  patch: TaskPatch,
): Promise<Task> {
  const { task } = pipelineModels(tx);
  const before = await tx.records(task).get(id);
  if (!allowed.includes(before.status)) {
    throw new SellkitError('INVALID_TRANSITION', `task ${id} is ${before.status}`, {
      model: 'task',
      id,
      status: before.status,
    });
  }
  return tx.records(task).update(id, patch, { current: before });
}

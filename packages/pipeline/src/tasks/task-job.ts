import { type InferPatch, isSellkitError, type Where } from '@sellkit/core';
import type { ResolvedPipelineOptions } from '../options.js';
import { localOffset } from '../pipelines/stage-definition.js';
import { type PipelineScope, pipelineModels } from '../shared/context.js';
import type { Task, task } from './task-model.js';

/** A change the scheduler makes to a task. */
type TaskPatch = InferPatch<typeof task>;

const PAGE = 500;

async function eachPage(
  scope: PipelineScope,
  where: Where<Task>,
  visit: (row: Task) => Promise<void>,
): Promise<void> {
  // internal: the scheduler's job, over every task of the tenant
  const tasks = scope.internal(pipelineModels(scope).task);
  let after: string | undefined;
  do {
    const page = await tasks.find({
      where,
      orderBy: [{ field: 'dueAt', direction: 'asc' }],
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page.rows) await visit(row);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}

async function mark(scope: PipelineScope, row: Task, patch: TaskPatch): Promise<void> {
  try {
    // internal: the scheduler's job marks whoever's task it is (audited)
    await scope.internal(pipelineModels(scope).task).update(row.id, patch, { current: row });
  } catch (error) {
    // Another process marked (or changed) it first; the event itself is guarded by emitOnce.
    if (!isSellkitError(error, 'CONFLICT')) throw error;
  }
}

/**
 * The scheduler job of the pipeline: wakes snoozed tasks whose time has come, then emits
 * `task.due` once a task's due time is reached and `task.overdue` once it is `overdueAfter`
 * past due. Each event goes out exactly once per task and due time (`scope.emitOnce`, keyed by
 * task id and due time), across ticks and processes; a snoozed task gets new ones. Days of
 * `overdueAfter` are local calendar days of the tenant.
 */
export async function runTaskJob(
  scope: PipelineScope,
  now: Date,
  options: ResolvedPipelineOptions,
): Promise<void> {
  await eachPage(scope, { status: 'snoozed', dueAt: { lte: now } }, (row) =>
    scope.transaction(async (tx) => mark(tx, row, { status: 'open' })),
  );
  await eachPage(scope, { status: 'open', dueAt: { lte: now }, dueNotifiedAt: null }, (row) =>
    scope.transaction(async (tx) => {
      const key = `task.due:${row.id}:${row.dueAt.toISOString()}`;
      await tx.emitOnce(key, 'task.due', { task: row });
      await mark(tx, row, { dueNotifiedAt: now });
    }),
  );
  const calendar = await scope.calendar();
  const overdueBefore = calendar.shift(now, localOffset(options.overdueAfter, -1));
  await eachPage(
    scope,
    { status: 'open', dueAt: { lte: overdueBefore }, overdueNotifiedAt: null },
    (row) =>
      scope.transaction(async (tx) => {
        // internal: the scheduler's job, over every task of the tenant
        const current = (await tx.internal(pipelineModels(tx).task).get(row.id)) ?? row;
        const key = `task.overdue:${row.id}:${row.dueAt.toISOString()}`;
        const overdueSince = calendar.shift(row.dueAt, localOffset(options.overdueAfter));
        await tx.emitOnce(key, 'task.overdue', { task: current, overdueSince });
        await mark(tx, current, { overdueNotifiedAt: now });
      }),
  );
}

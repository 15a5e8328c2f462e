import { isSellkitError, type Where } from '@sellkit/core';
import type { ResolvedPipelineOptions } from '../options.js';
import { localOffset } from '../pipelines/stage-definition.js';
import { type PipelineScope, pipelineModels } from '../shared/context.js';
import type { Task } from './task-model.js';

const PAGE = 500;

async function eachPage(
  scope: PipelineScope,
  where: Where<Task>,
  visit: (row: Task) => Promise<void>,
): Promise<void> {
  const { task } = pipelineModels(scope);
  let after: string | undefined;
  do {
    const page = await scope.storage.find(task, {
      where,
      orderBy: [{ field: 'dueAt', direction: 'asc' }],
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page.rows) await visit(row);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}

async function mark(scope: PipelineScope, row: Task, patch: Partial<Task>): Promise<void> {
  const { task } = pipelineModels(scope);
  try {
    await scope.storage.update(task, row.id, patch as never, { expectedVersion: row.version });
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
        const current = (await tx.storage.get(pipelineModels(tx).task, row.id)) ?? row;
        const key = `task.overdue:${row.id}:${row.dueAt.toISOString()}`;
        const overdueSince = calendar.shift(row.dueAt, localOffset(options.overdueAfter));
        await tx.emitOnce(key, 'task.overdue', { task: current, overdueSince });
        await mark(tx, current, { overdueNotifiedAt: now });
      }),
  );
}

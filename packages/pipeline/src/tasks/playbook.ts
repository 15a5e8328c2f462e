import { toJsonValue } from '@sellkit/core';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { localOffset, type StageDefinition } from '../pipelines/stage-definition.js';
import { type PipelineScope, pipelineModels } from '../shared/context.js';
import type { Task } from './task-model.js';

/**
 * Creates the tasks of a stage's playbook for the deal's owner, due the action's offset after
 * `now` in the tenant's calendar: "3 days" is 3 local calendar days (09:00 stays 09:00 across a
 * DST change), hours and minutes are then added as exact durations. An action whose task is still open (or snoozed) for the deal is not created again,
 * so moving back and forth never piles up duplicates. Audited like any create.
 */
export async function runPlaybook(
  tx: PipelineScope,
  stage: StageDefinition,
  deal: Opportunity,
  now: Date,
): Promise<Task[]> {
  if (stage.playbook.length === 0) return [];
  const { task } = pipelineModels(tx);
  const owner = deal.ownerId ?? tx.context.actor.id;
  const calendar = await tx.calendar();
  const created: Task[] = [];
  for (const action of stage.playbook) {
    const playbookKey = `${stage.key}:${action.key}`;
    const open = await tx.storage.count(task, {
      opportunityId: deal.id,
      playbookKey,
      status: { in: ['open', 'snoozed'] },
    });
    if (open > 0) continue;
    const [row] = await tx.storage.insert(task, [
      {
        title: action.title,
        ...(action.description === undefined ? {} : { description: action.description }),
        dueAt: calendar.shift(now, localOffset(action.dueIn)),
        ownerId: owner,
        territoryId: deal.territoryId,
        opportunityId: deal.id,
        playbookKey,
      },
    ]);
    const createdTask = row as Task;
    await tx.audit({
      model: task.name,
      recordId: createdTask.id,
      action: 'create',
      changes: {
        title: { before: null, after: createdTask.title },
        dueAt: { before: null, after: toJsonValue(createdTask.dueAt) },
      },
    });
    await tx.emit('task.created', { task: createdTask });
    created.push(createdTask);
  }
  return created;
}

/** Cancels the open and snoozed tasks of a deal (it closed); returns how many. */
export async function cancelOpenTasks(tx: PipelineScope, opportunityId: string): Promise<number> {
  const { task } = pipelineModels(tx);
  let cancelled = 0;
  for (;;) {
    const page = await tx.storage.find(task, {
      where: { opportunityId, status: { in: ['open', 'snoozed'] } },
      limit: 500,
    });
    if (page.rows.length === 0) return cancelled;
    for (const row of page.rows) {
      await tx.storage.update(
        task,
        row.id,
        { status: 'cancelled' },
        { expectedVersion: row.version },
      );
      await tx.audit({
        model: task.name,
        recordId: row.id,
        action: 'update',
        changes: { status: { before: row.status, after: 'cancelled' } },
      });
      cancelled += 1;
    }
  }
}

/** Gives the open tasks of a deal to its new owner (after routing or a handover). */
export async function reassignOpenTasks(
  tx: PipelineScope,
  opportunityId: string,
  ownerId: string,
): Promise<void> {
  const { task } = pipelineModels(tx);
  const page = await tx.storage.find(task, {
    where: { opportunityId, status: { in: ['open', 'snoozed'] }, ownerId: { ne: ownerId } },
    limit: 1000,
  });
  for (const row of page.rows) {
    await tx.storage.update(task, row.id, { ownerId }, { expectedVersion: row.version });
    await tx.audit({
      model: task.name,
      recordId: row.id,
      action: 'update',
      changes: { ownerId: { before: row.ownerId, after: ownerId } },
    });
  }
}

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
  // internal: the playbook is the system's: it gives tasks to the deal's owner, whoever acts
  const tasks = tx.internal(pipelineModels(tx).task);
  const owner = deal.ownerId ?? tx.context.actor.id;
  const calendar = await tx.calendar();
  const created: Task[] = [];
  for (const action of stage.playbook) {
    const playbookKey = `${stage.key}:${action.key}`;
    const open = await tasks.count({
      opportunityId: deal.id,
      playbookKey,
      status: { in: ['open', 'snoozed'] },
    });
    if (open > 0) continue;
    // Audited as a create by the internal door.
    const [row] = await tasks.insert([
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
    await tx.emit('task.created', { task: createdTask });
    created.push(createdTask);
  }
  return created;
}

/** Cancels the open and snoozed tasks of a deal (it closed); returns how many. */
export async function cancelOpenTasks(tx: PipelineScope, opportunityId: string): Promise<number> {
  // internal: closing a deal cancels all its open tasks, whoever they belong to (audited)
  const tasks = tx.internal(pipelineModels(tx).task);
  let cancelled = 0;
  for (;;) {
    const page = await tasks.find({
      where: { opportunityId, status: { in: ['open', 'snoozed'] } },
      limit: 500,
    });
    if (page.rows.length === 0) return cancelled;
    for (const row of page.rows) {
      await tasks.update(row.id, { status: 'cancelled' }, { current: row });
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
  // internal: the tasks follow the deal to an owner the actor may not reach (audited)
  const tasks = tx.internal(pipelineModels(tx).task);
  const page = await tasks.find({
    where: { opportunityId, status: { in: ['open', 'snoozed'] }, ownerId: { ne: ownerId } },
    limit: 1000,
  });
  for (const row of page.rows) await tasks.update(row.id, { ownerId }, { current: row });
}

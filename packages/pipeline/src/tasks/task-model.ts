import { defineModel, field, type InferRecord } from '@sellkit/core';

/** Where a task stands. A snoozed task wakes up (open again) when its new due time comes. */
export const TASK_STATUSES = ['open', 'done', 'cancelled', 'snoozed'] as const;
/** A task's status. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * A follow-up task for a rep, usually created by a stage's playbook. `dueNotifiedAt` and
 * `overdueNotifiedAt` record that `task.due` / `task.overdue` went out (the scheduler's
 * exactly-once guard itself is the kernel's `emitOnce`).
 */
export const task = defineModel({
  name: 'task',
  idPrefix: 'tsk',
  description: 'A follow-up task.',
  fields: {
    title: field.text({ required: true, maxLength: 200 }),
    description: field.text({ maxLength: 2000 }),
    status: field.enum(TASK_STATUSES, { required: true, default: 'open' }),
    dueAt: field.timestamp({ required: true }),
    ownerId: field.text({ required: true, maxLength: 128 }),
    territoryId: field.text({ maxLength: 128 }),
    opportunityId: field.reference('opportunity', { index: true }),
    /** `stage:action` of the playbook action that created it. */
    playbookKey: field.text({ maxLength: 140 }),
    completedAt: field.timestamp(),
    dueNotifiedAt: field.timestamp(),
    overdueNotifiedAt: field.timestamp(),
  },
  indexes: [{ fields: ['status', 'dueAt'] }, { fields: ['ownerId', 'status', 'dueAt'] }],
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});

/** A task as stored. */
export type Task = InferRecord<typeof task>;

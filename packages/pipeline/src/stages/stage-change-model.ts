import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * One move of an opportunity between stages: who, when, from, to, and how long it had spent
 * in the stage it left (so time-in-stage reports are one `avg` in storage).
 */
export const stageChange = defineModel({
  name: 'stageChange',
  idPrefix: 'stc',
  description: 'Stage history of opportunities.',
  audited: false,
  fields: {
    opportunityId: field.reference('opportunity', { required: true }),
    pipelineId: field.text({ required: true, maxLength: 64 }),
    fromStage: field.text({ maxLength: 64 }),
    toStage: field.text({ required: true, maxLength: 64 }),
    changedBy: field.text({ required: true, maxLength: 128 }),
    changedAt: field.timestamp({ required: true }),
    /** Milliseconds spent in `fromStage` (null for the first entry). */
    msInPreviousStage: field.integer({ min: 0 }),
    ownerId: field.text({ maxLength: 128 }),
    /** `move`, `won`, `lost`, `reopen`, `create` or `import`. */
    reason: field.text({ required: true, maxLength: 32 }),
  },
  indexes: [{ fields: ['opportunityId', 'changedAt'] }, { fields: ['pipelineId', 'fromStage'] }],
  access: { ownerField: 'ownerId' },
});

/** A stage change as stored. */
export type StageChange = InferRecord<typeof stageChange>;

import { defineModel, defineModule, field } from '@sellkit/core';

/**
 * Minimal stand-ins for the pipeline's `opportunity` and the customers' `interaction`, with
 * the fields the training recommendations aggregate: owner, status, close instant, cycle days,
 * primary product; owner and instant of an interaction.
 */
export const opportunity = defineModel({
  name: 'opportunity',
  idPrefix: 'opp',
  fields: {
    title: field.text({ required: true, maxLength: 200 }),
    ownerId: field.text({ maxLength: 128, index: true }),
    status: field.enum(['open', 'won', 'lost'] as const, { required: true, default: 'open' }),
    closedAt: field.timestamp(),
    cycleDays: field.integer({ min: 0 }),
    primaryProductId: field.text({ maxLength: 64 }),
  },
  access: { ownerField: 'ownerId' },
});

export const interaction = defineModel({
  name: 'interaction',
  idPrefix: 'int',
  fields: {
    ownerId: field.text({ maxLength: 128, index: true }),
    occurredAt: field.timestamp({ required: true }),
  },
  access: { ownerField: 'ownerId' },
});

/** Stage history: a deal leaving `fromStage` for a move, a win or a loss. */
export const stageChange = defineModel({
  name: 'stageChange',
  idPrefix: 'stc',
  fields: {
    ownerId: field.text({ maxLength: 128 }),
    fromStage: field.text({ maxLength: 64 }),
    toStage: field.text({ required: true, maxLength: 64 }),
    changedAt: field.timestamp({ required: true }),
    reason: field.text({ required: true, maxLength: 32 }),
  },
  access: { ownerField: 'ownerId' },
});

/** The module of the stand-ins; services are the kernel's record services. */
export function outcomes() {
  return defineModule({ id: 'outcomes', models: { opportunity, interaction, stageChange } });
}

import { defineModel, defineModule, field } from '@sellkit/core';

/**
 * A small owned model standing in for the pipeline's leads in the team tests: an owner, a
 * territory, a priority and a status ("open" unless won or lost).
 */
export const lead = defineModel({
  name: 'lead',
  idPrefix: 'lead',
  fields: {
    title: field.text({ required: true, maxLength: 200 }),
    ownerId: field.text({ maxLength: 128, index: true }),
    territoryId: field.text({ maxLength: 128, index: true }),
    priority: field.enum(['low', 'normal', 'high'] as const, { required: true, default: 'normal' }),
    segment: field.text({ maxLength: 50 }),
    status: field.enum(['open', 'won', 'lost'] as const, { required: true, default: 'open' }),
  },
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});

/** The module of {@link lead}; services are the kernel's record services. */
export function leads() {
  return defineModule({ id: 'leads', models: { lead } });
}

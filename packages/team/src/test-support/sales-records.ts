import { defineModel, defineModule, field } from '@sellkit/core';

/**
 * Minimal stand-ins for the pipeline's opportunities and the customers module's interactions
 * and companies
 * (same names and fields as the real models that KPIs read), so the team tests need neither.
 */
export const opportunity = defineModel({
  name: 'opportunity',
  idPrefix: 'opp',
  fields: {
    title: field.text({ required: true, maxLength: 200 }),
    ownerId: field.text({ maxLength: 128, index: true }),
    territoryId: field.text({ maxLength: 128, index: true }),
    status: field.enum(['open', 'won', 'lost'] as const, { required: true, default: 'open' }),
    amount: field.money(),
    closeDate: field.date({ index: true }),
    cycleDays: field.integer({ min: 0 }),
  },
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});

export const interaction = defineModel({
  name: 'interaction',
  idPrefix: 'int',
  fields: {
    type: field.enum(['call', 'email', 'meeting'] as const, { required: true }),
    occurredAt: field.timestamp({ required: true }),
    ownerId: field.text({ maxLength: 128, index: true }),
  },
  access: { ownerField: 'ownerId' },
});

export const company = defineModel({
  name: 'company',
  idPrefix: 'com',
  fields: {
    name: field.text({ required: true, maxLength: 200 }),
    ownerId: field.text({ maxLength: 128, index: true }),
    lifecycleStage: field.enum(['lead', 'customer', 'churned'] as const, {
      required: true,
      default: 'lead',
    }),
    customerSince: field.timestamp({ index: true }),
  },
  access: { ownerField: 'ownerId' },
});

/** The module of the stand-ins; services are the kernel's record services. */
export function salesRecords() {
  return defineModule({ id: 'sales-records', models: { opportunity, interaction, company } });
}

import { defineModel, defineModule, field } from '@sellkit/core';

/**
 * Stand-ins for the pipeline's deals and lines and the catalog's products (same names and
 * fields as the real models the commission credit source reads), so the team tests need neither.
 */
export const opportunity = defineModel({
  name: 'opportunity',
  idPrefix: 'opp',
  fields: {
    title: field.text({ required: true, maxLength: 200 }),
    ownerId: field.text({ maxLength: 128, index: true }),
    territoryId: field.text({ maxLength: 128, index: true }),
    companyId: field.text({ maxLength: 64, index: true }),
    status: field.enum(['open', 'won', 'lost'] as const, { required: true, default: 'open' }),
    amount: field.money(),
    closeDate: field.date({ index: true }),
  },
  access: { ownerField: 'ownerId', territoryField: 'territoryId' },
});

export const opportunityLine = defineModel({
  name: 'opportunityLine',
  idPrefix: 'opl',
  fields: {
    opportunityId: field.text({ required: true, maxLength: 64, index: true }),
    position: field.integer({ required: true, min: 0 }),
    productId: field.text({ required: true, maxLength: 64 }),
    amount: field.money({ required: true }),
  },
});

export const product = defineModel({
  name: 'product',
  idPrefix: 'prd',
  fields: {
    name: field.text({ required: true, maxLength: 200 }),
    category: field.text({ maxLength: 100 }),
  },
});

/** The module of the stand-ins; services are the kernel's record services. */
export function commissionRecords() {
  return defineModule({
    id: 'commission-records',
    models: { opportunity, opportunityLine, product },
  });
}

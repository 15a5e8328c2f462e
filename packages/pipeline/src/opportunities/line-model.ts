import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * One product line of an opportunity: quantity (a decimal, more than zero) × unit price =
 * amount, computed exactly and rounded half-even to the currency's minor unit.
 */
export const opportunityLine = defineModel({
  name: 'opportunityLine',
  idPrefix: 'opl',
  description: 'A product line of an opportunity.',
  fields: {
    opportunityId: field.reference('opportunity', { required: true }),
    position: field.integer({ required: true, min: 0 }),
    productId: field.reference('product', { required: true, index: true }),
    quantity: field.decimal({ required: true, scale: 4, precision: 18 }),
    unitPrice: field.money({ required: true }),
    amount: field.money({ required: true }),
    description: field.text({ maxLength: 500 }),
  },
  indexes: [{ fields: ['opportunityId', 'position'] }],
});

/** A line as stored. */
export type OpportunityLine = InferRecord<typeof opportunityLine>;

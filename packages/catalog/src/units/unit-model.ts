import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * A unit of measure a quantity counts (`unit`, `box`, `kg`, `hour`), known by its code (the
 * value of a product's `unit` and of a price list item's `unit`). `decimals` is how many
 * decimals a quantity in it may carry: 0 for pieces, 3 for kilograms.
 */
export const unitOfMeasure = defineModel({
  name: 'unitOfMeasure',
  idPrefix: 'uom',
  description: 'A unit a quantity counts, with the decimals a quantity in it may carry.',
  fields: {
    code: field.text({ required: true, maxLength: 32, unique: true }),
    name: field.text({ required: true, maxLength: 100 }),
    decimals: field.integer({ required: true, default: 0, min: 0, max: 6 }),
  },
});

/** A unit of measure as stored. */
export type UnitOfMeasure = InferRecord<typeof unitOfMeasure>;

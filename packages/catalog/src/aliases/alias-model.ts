import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * Another spelling of a product (`GTXPro` for `GTX Pro`), so imports and free text resolve
 * to the right product. `aliasKey` is the normalised alias, unique per tenant.
 */
export const productAlias = defineModel({
  name: 'productAlias',
  idPrefix: 'pal',
  description: 'Another name a product is known by.',
  fields: {
    alias: field.text({ required: true, maxLength: 200 }),
    aliasKey: field.text({ required: true, maxLength: 200, unique: true }),
    productId: field.reference('product', { required: true, index: true }),
  },
});

/** An alias as stored. */
export type ProductAlias = InferRecord<typeof productAlias>;

import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * A product of the catalog. `skuKey` and `nameKey` are derived (see `productKey`) so names
 * and SKUs resolve case-insensitively through a unique index: services refuse them as input.
 * The list price is the price list of the catalog: an opportunity line priced in another
 * currency is `CURRENCY_MISMATCH`.
 */
export const product = defineModel({
  name: 'product',
  idPrefix: 'prd',
  description: 'A product or service that can be sold.',
  fields: {
    sku: field.text({ required: true, maxLength: 64, unique: true, searchable: true }),
    name: field.text({ required: true, maxLength: 200, searchable: true }),
    /** A product family (`GTX`, `MG`...). */
    series: field.text({ maxLength: 100, index: true }),
    category: field.text({ maxLength: 100, index: true }),
    /** The unit a quantity counts (`unit`, `hour`, `licence`, `kg`...). */
    unit: field.text({ required: true, maxLength: 32, default: 'unit' }),
    listPrice: field.money({ required: true }),
    active: field.boolean({ required: true, default: true, index: true }),
    description: field.text({ maxLength: 4000 }),
    externalId: field.text({ maxLength: 200, unique: true }),
    /** The tax category (`catalog.taxes`) the product is taxed under, or null. */
    taxCategoryId: field.reference('taxCategory', { index: true }),
    skuKey: field.text({ required: true, maxLength: 64, unique: true }),
    nameKey: field.text({ required: true, maxLength: 200, unique: true }),
  },
});

/** A product as stored. */
export type Product = InferRecord<typeof product>;

/** Fields derived by the catalog; never accepted as input. */
export const DERIVED_PRODUCT_FIELDS = ['skuKey', 'nameKey'] as const;

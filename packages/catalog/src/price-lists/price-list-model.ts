import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * A price list: prices in one currency, for everyone, for one customer group or for one
 * company, effective from `validFrom` to `validTo` (calendar dates, inclusive; null = open),
 * tax-inclusive or tax-exclusive. When several lists apply, a company's list wins over a
 * customer group's, which wins over a general one; then the higher `priority`.
 */
export const priceList = defineModel({
  name: 'priceList',
  idPrefix: 'prl',
  description: 'Prices in one currency for everyone, a customer group or a company, over a period.',
  fields: {
    name: field.text({ required: true, maxLength: 200, unique: true }),
    currency: field.text({ required: true, maxLength: 3, index: true }),
    /** True when the prices include tax (gross), false when tax comes on top (net). */
    pricesIncludeTax: field.boolean({ required: true, default: false }),
    /** The company (customers module id) the list is for, or null. */
    companyId: field.text({ maxLength: 64, index: true }),
    /** The customer group the list is for (`wholesale`, `retail`...), or null. */
    customerGroup: field.text({ maxLength: 100, index: true }),
    validFrom: field.date(),
    validTo: field.date(),
    priority: field.integer({ required: true, default: 0 }),
    active: field.boolean({ required: true, default: true, index: true }),
  },
});

/** A price list as stored. */
export type PriceList = InferRecord<typeof priceList>;

/**
 * One price of a price list: the unit price of a product from `minQuantity` on (quantity
 * breaks: the item with the highest `minQuantity` not above the quantity applies), optionally
 * for a period of its own. Unit prices keep up to 6 decimals (`'0.0045'`).
 */
export const priceListItem = defineModel({
  name: 'priceListItem',
  idPrefix: 'pli',
  description: 'The unit price of a product on a price list from a quantity on.',
  fields: {
    priceListId: field.reference('priceList', { required: true, index: true }),
    productId: field.reference('product', { required: true, index: true }),
    minQuantity: field.decimal({ required: true, default: '0', scale: 6, precision: 24, min: '0' }),
    unitPrice: field.decimal({ required: true, scale: 6, precision: 24, min: '0' }),
    /** The unit the price is per, when not the product's own. */
    unit: field.text({ maxLength: 32 }),
    validFrom: field.date(),
    validTo: field.date(),
  },
});

/** A price list item as stored. */
export type PriceListItem = InferRecord<typeof priceListItem>;

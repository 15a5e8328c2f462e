import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * How a tax rate applies: `standard` charges the rate; `zero-rated` (taxable at 0 %, e.g.
 * exports), `exempt` (outside the tax, e.g. some financial services) and `reverse-charge` (the
 * buyer accounts for the tax) charge nothing and are reported apart. The same literals as the
 * orders package's `TaxTreatment`, so the catalog does not depend on orders.
 */
export type TaxTreatment = 'standard' | 'zero-rated' | 'exempt' | 'reverse-charge';

/** Every {@link TaxTreatment}. */
export const TAX_TREATMENTS = ['standard', 'zero-rated', 'exempt', 'reverse-charge'] as const;

/**
 * A tax category: a class of goods or services taxed alike (`standard`, `reduced`,
 * `services`...). Products point to one; its rates depend on the jurisdiction and the date.
 */
export const taxCategory = defineModel({
  name: 'taxCategory',
  idPrefix: 'txc',
  description: 'A class of goods or services taxed alike; its rates vary by jurisdiction and date.',
  fields: {
    /** A short stable code (`standard`, `reduced`), unique per tenant. */
    code: field.text({ required: true, maxLength: 64, unique: true }),
    name: field.text({ required: true, maxLength: 200 }),
    description: field.text({ maxLength: 2000 }),
  },
});

/** A tax category as stored. */
export type TaxCategory = InferRecord<typeof taxCategory>;

/**
 * The rate of one tax category in one jurisdiction (`CN`, `DE`, or a region such as `DE-BY`)
 * from `validFrom` to `validTo` (both calendar dates, inclusive; `validTo` null = open-ended).
 * Periods of one category and jurisdiction never overlap.
 */
export const taxRate = defineModel({
  name: 'taxRate',
  idPrefix: 'txr',
  description: 'The rate of a tax category in one jurisdiction over a period.',
  fields: {
    categoryId: field.reference('taxCategory', { required: true, index: true }),
    jurisdiction: field.text({ required: true, maxLength: 16, index: true }),
    /** An exact fraction: `'0.130000'` for 13 %. */
    rate: field.decimal({ required: true, scale: 6, precision: 7, min: '0', max: '1' }),
    treatment: field.enum(TAX_TREATMENTS, { required: true, default: 'standard' }),
    validFrom: field.date({ required: true }),
    validTo: field.date(),
  },
});

/** A tax rate as stored. */
export type TaxRate = InferRecord<typeof taxRate>;

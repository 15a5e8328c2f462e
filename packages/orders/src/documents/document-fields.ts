import { field } from '@sellkit/core';
import type { PostalAddress } from '@sellkit/customers';
import type { Discount, TaxSummaryRow } from '../pricing/pricing-types.js';

/** The tax treatments a line can carry (the pricing contract's literals). */
export const TAX_TREATMENTS = ['standard', 'zero-rated', 'exempt', 'reverse-charge'] as const;
/** The kinds of line. */
export const LINE_KINDS = ['product', 'shipping', 'charge'] as const;
/** How a document's tax is rounded. */
export const TAX_ROUNDINGS = ['per-line', 'per-document'] as const;

/** A tax summary row as stored (amounts as exact decimal strings in the document's currency). */
export interface StoredTaxRow {
  readonly categoryId: string | null;
  readonly rate: string;
  readonly treatment: TaxSummaryRow['treatment'];
  readonly base: string;
  readonly tax: string;
}

/**
 * The fields every priced document (quote, order) carries: who, what currency, how it was
 * priced, and the totals exactly as shown (each the sum of its lines).
 */
export const documentFields = {
  companyId: field.reference('company', { index: true }),
  contactId: field.reference('contact'),
  opportunityId: field.reference('opportunity', { index: true }),
  ownerId: field.text({ maxLength: 128, index: true }),
  currency: field.text({ required: true, maxLength: 3 }),
  pricesIncludeTax: field.boolean({ required: true, default: false }),
  taxRounding: field.enum(TAX_ROUNDINGS, { required: true, default: 'per-line' }),
  /** Where tax is due (`CN`, `DE`, `DE-BY`). */
  jurisdiction: field.text({ maxLength: 16 }),
  /** The calendar date prices and tax rates are taken at (tenant calendar). */
  documentDate: field.date({ required: true, index: true }),
  priceListId: field.text({ maxLength: 64 }),
  documentDiscount: field.jsonOf<Discount>()(),
  subtotal: field.money({ required: true }),
  discount: field.money({ required: true }),
  net: field.money({ required: true }),
  tax: field.money({ required: true }),
  gross: field.money({ required: true }),
  taxSummary: field.jsonOf<StoredTaxRow[]>()({ required: true }),
  billingAddress: field.jsonOf<PostalAddress>()(),
  shippingAddress: field.jsonOf<PostalAddress>()(),
  notes: field.text({ maxLength: 4000 }),
  externalId: field.text({ maxLength: 200, unique: true }),
};

/** The fields every priced line carries (quote lines, order lines). */
export const lineFields = {
  position: field.integer({ required: true, min: 0 }),
  kind: field.enum(LINE_KINDS, { required: true, default: 'product' }),
  productId: field.reference('product', { index: true }),
  sku: field.text({ maxLength: 64 }),
  description: field.text({ maxLength: 1000 }),
  quantity: field.decimal({ required: true, scale: 6, precision: 24 }),
  unit: field.text({ maxLength: 32 }),
  /** May carry more decimals than the currency's minor unit (`0.0045`). */
  unitPrice: field.decimal({ required: true, scale: 8, precision: 30 }),
  lineDiscount: field.jsonOf<Discount>()(),
  taxCategoryId: field.text({ maxLength: 64 }),
  taxRate: field.decimal({ required: true, scale: 6, precision: 12 }),
  taxTreatment: field.enum(TAX_TREATMENTS, { required: true, default: 'standard' }),
  subtotal: field.money({ required: true }),
  discount: field.money({ required: true }),
  net: field.money({ required: true }),
  tax: field.money({ required: true }),
  gross: field.money({ required: true }),
};

/**
 * Sellkit orders: quotes, orders from won deals, exact document pricing with per-line or
 * per-document tax rounding, approval, fulfilment states and the historical import.
 *
 * @packageDocumentation
 */

export type { PriceDocumentOptions } from './pricing/price-document.js';
export { priceDocument } from './pricing/price-document.js';
export type {
  Discount,
  LineKind,
  LineTax,
  PricedDocument,
  PricedLine,
  PricingInput,
  PricingLineInput,
  TaxRounding,
  TaxSummaryRow,
  TaxTreatment,
} from './pricing/pricing-types.js';

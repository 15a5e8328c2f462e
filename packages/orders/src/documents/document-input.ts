import type { PostalAddress } from '@sellkit/customers';
import type { Discount, LineKind } from '../pricing/pricing-types.js';

/** One line of a quote or order as the caller gives it. Quantities and prices are decimal strings. */
export interface DocumentLineInput {
  /** `product` (default), `shipping` or another `charge` on the whole document. */
  readonly kind?: LineKind;
  /** Required on product lines unless `unitPrice` and `description` are given. */
  readonly productId?: string | null;
  readonly description?: string | null;
  /** Exact decimal, more than 0 (`'3'`, `'2.5'`). */
  readonly quantity: string;
  readonly unit?: string | null;
  /** Overrides the price list; may carry more decimals than the currency (`'0.0045'`). */
  readonly unitPrice?: string;
  /** `{ percent: '10' }` or `{ amount: '25.00' }`. */
  readonly discount?: Discount;
  /** Overrides the product's tax category; `null` leaves the line untaxed (exempt). */
  readonly taxCategoryId?: string | null;
  /** The host's id of the line (order lines), echoed in warehouse events. */
  readonly externalId?: string | null;
}

/** What creating a quote or an order takes. */
export interface DocumentInput {
  readonly title?: string | null;
  readonly companyId?: string | null;
  readonly contactId?: string | null;
  readonly opportunityId?: string | null;
  /** The owning rep's user id (default: the actor). */
  readonly ownerId?: string | null;
  /** ISO 4217 (default: the orders option, else the catalog's currency). */
  readonly currency?: string;
  /** Where tax is due (default: the company's country, else the orders option). */
  readonly jurisdiction?: string | null;
  /** The date prices and rates are taken at (default: today in the tenant calendar). */
  readonly date?: string;
  readonly priceListId?: string | null;
  /** Only for documents whose every line has an explicit `unitPrice` (default false). */
  readonly pricesIncludeTax?: boolean;
  /** A discount on the whole document, spread over the product lines. */
  readonly documentDiscount?: Discount | null;
  readonly billingAddress?: PostalAddress | null;
  readonly shippingAddress?: PostalAddress | null;
  readonly notes?: string | null;
  readonly externalId?: string | null;
  readonly lines: readonly DocumentLineInput[];
}

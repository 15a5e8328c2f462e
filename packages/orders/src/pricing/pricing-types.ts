import type { Money } from '@sellkit/core';

/**
 * How a document's tax is rounded to the currency's minor unit:
 * - `per-line`: each line's tax is rounded, the document's tax is the sum of the rounded lines;
 * - `per-document`: the exact (unrounded) tax of all lines of one rate is summed and rounded
 *   once per rate, then allocated back to the lines (largest remainder) so that the lines still
 *   add up to what the document shows.
 */
export type TaxRounding = 'per-line' | 'per-document';

/** How a line is taxed. `zero-rated` and `exempt` carry no tax but are reported apart. */
export type TaxTreatment = 'standard' | 'zero-rated' | 'exempt' | 'reverse-charge';

/** The tax of one line: a rate as an exact decimal fraction (`'0.13'` for 13 %). */
export interface LineTax {
  /** The tax category the rate came from (for the summary), or null. */
  readonly categoryId: string | null;
  /** Exact decimal fraction, `'0'` for zero-rated, exempt and reverse-charge lines. */
  readonly rate: string;
  readonly treatment: TaxTreatment;
}

/** A discount: a percentage (`'12.5'` is 12.5 %) or an amount in the document's currency. */
export type Discount = { readonly percent: string } | { readonly amount: string };

/** What a line is: a product, or a charge on the whole document. */
export type LineKind = 'product' | 'shipping' | 'charge';

/** One line to price. Quantities and unit prices are exact decimal strings. */
export interface PricingLineInput {
  /** The caller's key for the line (echoed back). */
  readonly key: string;
  readonly kind?: LineKind;
  /** Exact decimal, greater than 0. */
  readonly quantity: string;
  /** Exact decimal, at least 0; may carry more decimals than the currency's minor unit. */
  readonly unitPrice: string;
  readonly discount?: Discount;
  readonly tax: LineTax;
}

/** A document to price. */
export interface PricingInput {
  /** ISO 4217 code; every amount of the result is Money in it. */
  readonly currency: string;
  /** True when unit prices include tax (gross prices), false when they exclude it. */
  readonly pricesIncludeTax: boolean;
  readonly taxRounding: TaxRounding;
  readonly lines: readonly PricingLineInput[];
  /** A discount on the whole document, spread over the product lines in proportion. */
  readonly documentDiscount?: Discount;
}

/** One priced line: every amount rounded to the minor unit, exactly as shown. */
export interface PricedLine {
  readonly key: string;
  readonly kind: LineKind;
  readonly quantity: string;
  readonly unitPrice: string;
  /** Quantity × unit price, rounded (before discounts). */
  readonly subtotal: Money;
  /** Line discount plus its share of the document discount. */
  readonly discount: Money;
  /** Amount excluding tax, after discounts. */
  readonly net: Money;
  readonly tax: Money;
  /** net + tax. */
  readonly gross: Money;
  readonly taxLine: LineTax;
}

/** The tax of one rate and treatment on a document; bases and taxes sum to the totals. */
export interface TaxSummaryRow {
  readonly categoryId: string | null;
  readonly rate: string;
  readonly treatment: TaxTreatment;
  readonly base: Money;
  readonly tax: Money;
}

/** A priced document. `net + tax = gross`, and each total is the sum of its lines. */
export interface PricedDocument {
  readonly currency: string;
  readonly pricesIncludeTax: boolean;
  readonly taxRounding: TaxRounding;
  readonly lines: readonly PricedLine[];
  readonly taxSummary: readonly TaxSummaryRow[];
  readonly subtotal: Money;
  readonly discount: Money;
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
}

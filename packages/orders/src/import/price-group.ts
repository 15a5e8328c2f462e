import type { Product } from '@sellkit/catalog';
import { type CatalogService, catalogHandle } from '@sellkit/catalog';
import { isSellkitError, SellkitError, validationError } from '@sellkit/core';
import type { Company } from '@sellkit/customers';
import {
  addressOf,
  type DocumentHeader,
  documentTotals,
  type LineRow,
  type PricedDraft,
  withLineAmounts,
} from '../documents/price-lines.js';
import { priceDocument } from '../pricing/price-document.js';
import type { LineTax, PricingLineInput } from '../pricing/pricing-types.js';
import type { OrdersContext } from '../shared/context.js';
import type { ParsedRow } from './read-rows.js';

const UNTAXED: LineTax = Object.freeze({ categoryId: null, rate: '0', treatment: 'exempt' });

/** A row error of one line of an order (the order is rejected whole by the caller). */
export class RowFailure extends Error {
  constructor(
    readonly line: number,
    readonly error: SellkitError,
  ) {
    super(error.message);
  }
}

/** Lookups shared by every order of one import: tax rates by category, place and date. */
export interface ImportLookups {
  readonly catalog: CatalogService;
  readonly rates: Map<string, LineTax>;
}

/** Fresh lookups for one import. */
export function importLookups(ctx: OrdersContext): ImportLookups {
  return { catalog: ctx.scope.use(catalogHandle), rates: new Map() };
}

async function rateOf(
  lookups: ImportLookups,
  categoryId: string | null,
  jurisdiction: string | null,
  on: string,
): Promise<LineTax> {
  if (categoryId === null) return UNTAXED;
  if (!jurisdiction) {
    throw validationError(
      'company',
      'no jurisdiction to tax the line in (no company country, no default)',
      'required',
    );
  }
  const key = `${categoryId}|${jurisdiction}|${on}`;
  const known = lookups.rates.get(key);
  if (known) return known;
  const found = await lookups.catalog.taxes.rateFor({
    taxCategoryId: categoryId,
    jurisdiction,
    on,
  });
  const rate: LineTax = {
    categoryId: found.categoryId,
    rate: found.rate,
    treatment: found.treatment,
  };
  lookups.rates.set(key, rate);
  return rate;
}

/** One order of the file, its companies and products found. */
export interface ResolvedGroup {
  readonly externalId: string;
  readonly rows: readonly ParsedRow[];
  readonly company: Company | null;
  /** The product of each row (null for a row with only a description). */
  readonly products: readonly (Product | null)[];
  readonly currency: string;
}

/**
 * Prices one imported order with `priceDocument`, at the file's unit prices (a row without one
 * at the price list of the order date), each line taxed at its product's category in the
 * company's country on the order date. A row that cannot be priced throws {@link RowFailure}.
 */
export async function priceGroup(
  ctx: OrdersContext,
  lookups: ImportLookups,
  group: ResolvedGroup,
  pricesIncludeTax: boolean,
): Promise<PricedDraft> {
  const { scope, options } = ctx;
  const first = group.rows[0];
  if (!first) throw new SellkitError('INVALID_STATE', `order ${group.externalId} has no rows`);
  const on = first.date;
  const jurisdiction = group.company?.country ?? options.jurisdiction(scope.tenantId) ?? null;
  const pricing: PricingLineInput[] = [];
  const rows: Omit<LineRow, 'subtotal' | 'discount' | 'net' | 'tax' | 'gross'>[] = [];
  for (const [index, row] of group.rows.entries()) {
    const product = group.products[index] ?? null;
    try {
      let unitPrice = row.unitPrice;
      let unit = row.unit ?? product?.unit ?? null;
      if (unitPrice === null && product) {
        const price = await lookups.catalog.prices.priceFor({
          productId: product.id,
          currency: group.currency,
          quantity: row.quantity,
          on,
          companyId: group.company?.id ?? null,
        });
        unitPrice = price.unitPrice;
        unit = row.unit ?? price.unit ?? unit;
      }
      const categoryId = product?.taxCategoryId ?? null;
      const tax =
        categoryId === null
          ? UNTAXED
          : (lookups.rates.get(`${categoryId}|${jurisdiction}|${on}`) ??
            (await rateOf(lookups, categoryId, jurisdiction, on)));
      const discount = row.discountPercent ? { percent: row.discountPercent } : null;
      pricing.push({
        key: String(index),
        kind: 'product',
        quantity: row.quantity,
        unitPrice: unitPrice ?? '0',
        ...(discount ? { discount } : {}),
        tax,
      });
      rows.push({
        position: index,
        kind: 'product',
        productId: product?.id ?? null,
        sku: product?.sku ?? null,
        description: row.description ?? product?.name ?? null,
        quantity: row.quantity,
        unit,
        unitPrice: unitPrice ?? '0',
        lineDiscount: discount,
        taxCategoryId: tax.categoryId,
        taxRate: tax.rate,
        taxTreatment: tax.treatment,
        externalId: row.lineId,
      });
    } catch (error) {
      if (!isSellkitError(error)) throw error;
      throw new RowFailure(row.line, error);
    }
  }
  let priced: ReturnType<typeof priceDocument>;
  try {
    priced = priceDocument({
      currency: group.currency,
      pricesIncludeTax,
      taxRounding: options.taxRounding(scope.tenantId),
      lines: pricing,
    });
  } catch (error) {
    if (!isSellkitError(error)) throw error;
    throw new RowFailure(first.line, error);
  }
  const lines = withLineAmounts(rows, priced);
  const header: DocumentHeader = {
    title: first.title,
    companyId: group.company?.id ?? null,
    contactId: null,
    opportunityId: null,
    ownerId: group.company?.ownerId ?? scope.context.actor.id,
    currency: group.currency,
    jurisdiction,
    documentDate: on,
    priceListId: null,
    documentDiscount: null,
    ...documentTotals(priced),
    billingAddress: addressOf(group.company, 'billing'),
    shippingAddress: addressOf(group.company, 'shipping'),
    notes: null,
    externalId: group.externalId,
  };
  return { priced, lines, header };
}

import type { Readable } from 'node:stream';
import type { ModuleScope } from '@sellkit/core';
import { type AliasService, createAliasService } from './aliases/alias-service.js';
import type { CatalogEvents } from './events.js';
import {
  importProducts,
  type ProductImportOptions,
  type ProductImportReport,
} from './import/import-products.js';
import type { ResolvedCatalogOptions } from './options.js';
import { createPriceService, type PriceService } from './price-lists/price-for.js';
import { createPriceListService, type PriceListService } from './price-lists/price-list-service.js';
import { createProductService, type ProductService } from './products/product-service.js';
import { createTaxService, type TaxService } from './taxes/tax-service.js';
import { createUnitService, type UnitService } from './units/unit-service.js';

/**
 * What `crm.as(ctx).catalog` offers: products (and their resolution by name, SKU or alias),
 * aliases, the price list's currency and CSV import.
 *
 * @example
 * ```ts
 * import { Money } from '@sellkit/core';
 * const pro = await admin.catalog.products.create({ name: 'GTX Pro', listPrice: Money.of('4821', 'USD') });
 * await admin.catalog.aliases.add(pro.id, 'GTXPro');
 * (await rep.catalog.products.resolve('gtxpro'))?.id === pro.id; // true
 * ```
 */
export interface CatalogService {
  /** Products: create, read, change, take off sale, and resolve text to a product. */
  readonly products: ProductService;
  /** Aliases: other spellings of a product. */
  readonly aliases: AliasService;
  /** Units of measure a quantity counts, and the decimals a quantity in each may carry. */
  readonly units: UnitService;
  /** Tax categories and their rates per jurisdiction and date (`rateFor`). */
  readonly taxes: TaxService;
  /** Price lists: per currency, customer group or company, effective-dated, quantity breaks. */
  readonly priceLists: PriceListService;
  /** Price lookup over the price lists, falling back to the list price (`priceFor`). */
  readonly prices: PriceService;
  /**
   * The price list's currency (`catalog({ currency })`), or null when the catalog does not fix
   * one. Deals priced against the catalog must use it.
   *
   * @example `crm.as(ctx).catalog.currency // 'USD'`
   */
  readonly currency: string | null;
  /**
   * Imports products from CSV; see {@link ProductImportOptions}.
   *
   * @example
   * ```ts
   * const report = await admin.catalog.importProducts('products.csv', { currency: 'USD' });
   * report.created; // 7
   * ```
   */
  importProducts(
    source: string | Readable,
    options?: ProductImportOptions,
  ): Promise<ProductImportReport>;
}

/** Builds the catalog services for one scope. */
export function createCatalogService(
  scope: ModuleScope<CatalogEvents>,
  options: ResolvedCatalogOptions,
): CatalogService {
  const ctx = { scope, options };
  return {
    products: createProductService(ctx),
    aliases: createAliasService(ctx),
    units: createUnitService(ctx),
    taxes: createTaxService(ctx),
    priceLists: createPriceListService(ctx),
    prices: createPriceService(ctx),
    currency: options.currency,
    importProducts: (source, importOptions) => importProducts(ctx, source, importOptions),
  };
}

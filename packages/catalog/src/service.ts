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
import { createProductService, type ProductService } from './products/product-service.js';

/** What `crm.as(ctx).catalog` offers: products, aliases, resolution and import. */
export interface CatalogService extends ProductService, AliasService {
  /**
   * The price list's currency (`catalog({ currency })`), or null when the catalog does not fix
   * one. Deals priced against the catalog must use it.
   *
   * @example `crm.as(ctx).catalog.currency // 'USD'`
   */
  readonly currency: string | null;
  /** Imports products from CSV; see {@link ProductImportOptions}. */
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
    ...createProductService(ctx),
    ...createAliasService(ctx),
    currency: options.currency,
    importProducts: (source, importOptions) => importProducts(ctx, source, importOptions),
  };
}

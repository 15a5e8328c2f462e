/**
 * Sellkit catalog: products with SKU, series, unit and list price, aliases and name resolution,
 * CSV import.
 *
 * @packageDocumentation
 * @module @sellkit/catalog
 */
export type { ProductAlias } from './aliases/alias-model.js';
export { productAlias } from './aliases/alias-model.js';
export type { AliasService } from './aliases/alias-service.js';
export type { CatalogEvents } from './events.js';
export type {
  ProductColumnMapping,
  ProductImportOptions,
  ProductImportProgress,
  ProductImportReport,
  RejectedRow,
} from './import/import-products.js';
export { catalog, catalogHandle } from './module.js';
export type { CatalogOptions } from './options.js';
export { productKey, skuFromName } from './products/normalize.js';
export { assertPriceCurrency } from './products/price.js';
export type { ProductInput, ProductPatch } from './products/product-input.js';
export type { Product } from './products/product-model.js';
export { product } from './products/product-model.js';
export type { ProductService } from './products/product-service.js';
export type { CatalogService } from './service.js';

/**
 * Sellkit catalog: products with SKU, series, unit, list price and tax category, aliases and
 * name resolution, CSV import, units of measure, tax categories with rates per jurisdiction and
 * date, and price lists with quantity breaks.
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
export type { PriceAnswer, PriceQuery, PriceService } from './price-lists/price-for.js';
export type { PriceList, PriceListItem } from './price-lists/price-list-model.js';
export { priceList, priceListItem } from './price-lists/price-list-model.js';
export type {
  PriceListInput,
  PriceListItemInput,
  PriceListPatch,
  PriceListService,
} from './price-lists/price-list-service.js';
export { productKey, skuFromName } from './products/normalize.js';
export { assertPriceCurrency } from './products/price.js';
export type { ProductInput, ProductPatch } from './products/product-input.js';
export type { Product } from './products/product-model.js';
export { product } from './products/product-model.js';
export type { ProductService } from './products/product-service.js';
export type { CatalogService } from './service.js';
export type { TaxCategory, TaxRate, TaxTreatment } from './taxes/tax-model.js';
export { TAX_TREATMENTS, taxCategory, taxRate } from './taxes/tax-model.js';
export type { TaxSeed, TaxSeedCategory, TaxSeedRate } from './taxes/tax-seed.js';
export { VAT_SEED } from './taxes/tax-seed.js';
export type {
  TaxCategoryInput,
  TaxRateAnswer,
  TaxRateInput,
  TaxRateQuery,
  TaxSeedReport,
  TaxService,
} from './taxes/tax-service.js';
export type { UnitOfMeasure } from './units/unit-model.js';
export { unitOfMeasure } from './units/unit-model.js';
export type { UnitInput, UnitService } from './units/unit-service.js';

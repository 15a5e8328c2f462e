import type { ProductAlias } from './aliases/alias-model.js';
import type { Product } from './products/product-model.js';

/**
 * Events of the catalog module, delivered after the transaction that caused them commits.
 *
 * @example
 * ```ts
 * crm.events.on('product.created', (event) => console.log(event.product.sku));
 * ```
 */
export interface CatalogEvents {
  'product.created': { readonly product: Product };
  /** `changed` names the fields that changed (derived keys left out). */
  'product.updated': { readonly product: Product; readonly changed: readonly string[] };
  'product.aliasAdded': { readonly alias: ProductAlias; readonly product: Product };
}

declare module '@sellkit/core' {
  interface SellkitEventRegistry extends CatalogEvents {}
}

import type { ModuleScope } from '@sellkit/core';
import { productAlias } from '../aliases/alias-model.js';
import type { CatalogEvents } from '../events.js';
import type { ResolvedCatalogOptions } from '../options.js';
import { product } from '../products/product-model.js';

/** What every catalog service works with: one scope (maybe a transaction) and the options. */
export interface CatalogContext {
  readonly scope: ModuleScope<CatalogEvents>;
  readonly options: ResolvedCatalogOptions;
}

/** The same context bound to another scope (a transaction). */
export function within(ctx: CatalogContext, scope: ModuleScope<CatalogEvents>): CatalogContext {
  return { ...ctx, scope };
}

/** The catalog's models as composed by the kernel (plugin fields included). */
export function catalogModels(scope: ModuleScope<CatalogEvents>) {
  return {
    product: scope.model(product.name) as typeof product,
    productAlias: scope.model(productAlias.name) as typeof productAlias,
  };
}

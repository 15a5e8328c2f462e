import { defineModule } from '@sellkit/core';
import { moduleHandle } from '@sellkit/core/module';
import { productAlias } from './aliases/alias-model.js';
import type { CatalogEvents } from './events.js';
import { type CatalogOptions, resolveCatalogOptions } from './options.js';
import { priceList, priceListItem } from './price-lists/price-list-model.js';
import { product } from './products/product-model.js';
import { type CatalogService, createCatalogService } from './service.js';
import { taxCategory, taxRate } from './taxes/tax-model.js';
import { unitOfMeasure } from './units/unit-model.js';

/**
 * The catalog module: products (SKU, name, series, category, unit, list price, tax category,
 * active), aliases that map other spellings to a product, units of measure, tax categories with
 * their rates per jurisdiction and date, and price lists (per currency, customer group or
 * company, effective-dated, with quantity breaks, tax-inclusive or exclusive).
 *
 * Every actor of a tenant may read the catalog (it is reference data); creating and changing
 * products is for admins and the `catalog-manager` role this module adds.
 *
 * @example
 * ```ts
 * import { createSellkit, memory, Money } from '@sellkit/core';
 * const crm = await createSellkit({ storage: memory(), modules: [catalog({ currency: 'USD' })] });
 * const admin = crm.as({ tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } });
 * const pro = await admin.catalog.products.create({ name: 'GTX Pro', listPrice: Money.of('4821', 'USD') });
 * await admin.catalog.aliases.add(pro.id, 'GTXPro');
 * ```
 */
export function catalog(options: CatalogOptions = {}) {
  const resolved = resolveCatalogOptions(options);
  return defineModule({
    id: 'catalog',
    models: {
      product,
      productAlias,
      taxCategory,
      taxRate,
      unitOfMeasure,
      priceList,
      priceListItem,
    },
    events: {} as CatalogEvents,
    roles: {
      'catalog-manager': {
        product: { '*': 'all' },
        productAlias: { '*': 'all' },
        taxCategory: { '*': 'all' },
        taxRate: { '*': 'all' },
        unitOfMeasure: { '*': 'all' },
        priceList: { '*': 'all' },
        priceListItem: { '*': 'all' },
      },
    },
    services: (scope) => createCatalogService(scope, resolved),
  });
}

/**
 * The typed handle to the catalog's services, for other modules: `scope.use(catalogHandle)`
 * (bound to the caller's scope, so it joins its transaction), or `scope.has(catalogHandle)`
 * when the catalog is optional.
 *
 * @example
 * ```ts
 * const priceList = scope.has(catalogHandle) ? scope.use(catalogHandle).currency : null;
 * const pro = await scope.use(catalogHandle).products.require('GTX Pro');
 * ```
 */
export const catalogHandle = moduleHandle<CatalogService>('catalog');

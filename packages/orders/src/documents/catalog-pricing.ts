import type { Product } from '@sellkit/catalog';
import { moduleHandle } from '@sellkit/core/module';
import type { TaxTreatment } from '../pricing/pricing-types.js';

/** What `catalog.prices.priceFor` answers. */
export interface CatalogPrice {
  readonly unitPrice: string;
  readonly priceListId: string | null;
  readonly pricesIncludeTax: boolean;
  readonly unit: string | null;
}

/** What `catalog.taxes.rateFor` answers. */
export interface CatalogTaxRate {
  readonly rate: string;
  readonly treatment: TaxTreatment;
  readonly categoryId: string;
}

/**
 * The part of the catalog's services documents are priced with. `prices` and `taxes` come with
 * the catalog's price lists and tax categories; without them a line is priced at the product's
 * list price (tax-exclusive) and a tax category cannot be resolved.
 */
export interface CatalogForOrders {
  readonly currency: string | null;
  readonly products: { get(id: string): Promise<Product> };
  readonly prices?: {
    priceFor(query: {
      productId: string;
      currency: string;
      quantity: string;
      on: string;
      companyId?: string | null;
      customerGroup?: string | null;
      priceListId?: string | null;
    }): Promise<CatalogPrice>;
  };
  readonly taxes?: {
    rateFor(query: {
      taxCategoryId: string;
      jurisdiction: string;
      on: string;
    }): Promise<CatalogTaxRate>;
  };
}

/** The catalog module, typed with what pricing uses. */
export const catalogPricing = moduleHandle<CatalogForOrders>('catalog');

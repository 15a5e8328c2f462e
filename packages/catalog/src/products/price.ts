import { type Money, SellkitError } from '@sellkit/core';
import type { Product } from './product-model.js';

/**
 * Refuses a price in another currency than the product's list price (the catalog's price
 * list): `CURRENCY_MISMATCH`, naming `path`. Modules pricing lines from the catalog call it.
 *
 * @example
 * ```ts
 * import { Money } from '@sellkit/core';
 * const gtxPro = await admin.catalog.products.create({
 *   name: 'GTX Pro',
 *   listPrice: Money.of('4821', 'USD'),
 * });
 * assertPriceCurrency(gtxPro, Money.of('4500', 'EUR'), 'lines.0.unitPrice'); // throws: list price is USD
 * ```
 */
export function assertPriceCurrency(product: Product, price: Money, path = 'unitPrice'): void {
  if (price.currency !== product.listPrice.currency) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `${path} is in ${price.currency} but ${product.name} is listed in ${product.listPrice.currency}`,
      {
        model: 'product',
        id: product.id,
        path,
        expected: product.listPrice.currency,
        actual: price.currency,
      },
    );
  }
}

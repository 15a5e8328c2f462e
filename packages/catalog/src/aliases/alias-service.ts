import { SellkitError, validationError } from '@sellkit/core';
import { notFound } from '@sellkit/core/module';
import { product } from '../products/product-model.js';
import { keyOf } from '../products/resolve.js';
import type { CatalogContext } from '../shared/context.js';
import { type ProductAlias, productAlias } from './alias-model.js';

/**
 * Aliases, as `crm.as(ctx).catalog.aliases`: other spellings of a product, so imports and free
 * text resolve to it (`catalog.products.resolve`). Every actor reads them; adding and removing
 * one is for admins and the `catalog-manager` role, and audited.
 */
export interface AliasService {
  /**
   * Maps another spelling to a product. An alias that is already another product's name,
   * SKU or alias is `CONFLICT`; an unknown product `NOT_FOUND`.
   *
   * @example
   * ```ts
   * import { Money } from '@sellkit/core';
   * const gtxPro = await admin.catalog.products.create({ name: 'GTX Pro', listPrice: Money.of('4821', 'USD') });
   * await admin.catalog.aliases.add(gtxPro.id, 'GTXPro');
   * (await admin.catalog.products.resolve('gtxpro'))?.name; // 'GTX Pro'
   * ```
   */
  add(productId: string, alias: string): Promise<ProductAlias>;
  /**
   * Removes an alias, found by its normalised spelling (`NOT_FOUND` when there is none).
   *
   * @example
   * ```ts
   * await admin.catalog.aliases.remove('gtxpro');
   * ```
   */
  remove(alias: string): Promise<void>;
  /**
   * The aliases of one product, alphabetically.
   *
   * @example
   * ```ts
   * (await rep.catalog.aliases.list(id)).map((alias) => alias.alias); // ['GTXPro']
   * ```
   */
  list(productId: string): Promise<ProductAlias[]>;
}

/** Creates the alias service of one catalog context. */
export function createAliasService(ctx: CatalogContext): AliasService {
  const { scope } = ctx;
  return {
    async add(productId, alias) {
      const key = keyOf(alias, 'alias');
      if (key.length === 0) throw validationError('alias', 'must not be empty', 'too_small');
      return scope.transaction(async (tx) => {
        // internal: the product must exist, and the alias be free, across the whole tenant
        const products = tx.internal(product);
        const target = await products.get(productId);
        if (!target) throw notFound('product', productId);
        const clash = await products.find({
          where: { or: [{ nameKey: key }, { skuKey: key }] },
          limit: 1,
        });
        // internal: uniqueness of the alias across the tenant, whatever the actor may read
        const taken = await tx.internal(productAlias).find({ where: { aliasKey: key }, limit: 1 });
        const owner = clash.rows[0]?.id ?? taken.rows[0]?.productId;
        if (owner !== undefined) {
          throw new SellkitError(
            'CONFLICT',
            owner === productId
              ? `"${alias}" already designates this product`
              : `"${alias}" already designates product ${owner}`,
            { model: 'productAlias', field: 'alias', existingId: owner },
          );
        }
        const created = await tx
          .records(productAlias)
          .create({ alias: alias.trim(), aliasKey: key, productId });
        await tx.emit('product.aliasAdded', { alias: created, product: target });
        return created;
      });
    },
    async remove(alias) {
      const key = keyOf(alias, 'alias');
      await scope.transaction(async (tx) => {
        // internal: find it whatever the actor may read; the delete below is access-checked
        const found = await tx.internal(productAlias).find({ where: { aliasKey: key }, limit: 1 });
        const row = found.rows[0];
        if (!row) throw notFound('productAlias', alias);
        await tx.records(productAlias).delete(row.id, { current: row });
      });
    },
    async list(productId) {
      // internal: reference data every actor of the tenant reads (aliases have no owner)
      const page = await scope.internal(productAlias).find({
        where: { productId },
        orderBy: [{ field: 'aliasKey', direction: 'asc' }],
        limit: 10_000,
      });
      return page.rows;
    },
  };
}

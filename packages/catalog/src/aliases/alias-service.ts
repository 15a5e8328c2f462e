import { notFound, SellkitError, validationError } from '@sellkit/core';
import { productKey } from '../products/normalize.js';
import type { Product } from '../products/product-model.js';
import { type CatalogContext, catalogModels } from '../shared/context.js';
import type { ProductAlias } from './alias-model.js';

/** Aliases, and resolving free text (a name, a SKU or an alias) to a product. */
export interface AliasService {
  /**
   * Maps another spelling to a product. An alias that is already another product's name,
   * SKU or alias is `CONFLICT`.
   *
   * @example
   * ```ts
   * import { Money } from '@sellkit/core';
   * const gtxPro = await admin.catalog.createProduct({ name: 'GTX Pro', listPrice: Money.of('4821', 'USD') });
   * await admin.catalog.addAlias(gtxPro.id, 'GTXPro');
   * (await admin.catalog.resolveProduct('gtxpro'))?.name; // 'GTX Pro'
   * ```
   */
  addAlias(productId: string, alias: string): Promise<ProductAlias>;
  /** Removes an alias (`NOT_FOUND` when there is none). */
  removeAlias(alias: string): Promise<void>;
  /** The aliases of one product, alphabetically. */
  listAliases(productId: string): Promise<ProductAlias[]>;
  /**
   * The product a name, SKU or alias designates (exact after normalisation: case, spacing
   * and Unicode forms do not matter), or null. A name wins over a SKU, a SKU over an alias.
   */
  resolveProduct(nameOrAlias: string): Promise<Product | null>;
  /** Like `resolveProduct`, but `NOT_FOUND` when nothing matches. */
  requireProduct(nameOrAlias: string): Promise<Product>;
  /** Resolves many names at once (a few queries, whatever the count): input text → product. */
  resolveProducts(names: readonly string[]): Promise<Map<string, Product | null>>;
}

function keyOf(value: unknown, path: string): string {
  if (typeof value !== 'string') throw validationError(path, 'must be a string', 'invalid_type');
  if (value.length > 200) throw validationError(path, 'must be at most 200 characters', 'too_big');
  return productKey(value);
}

const CHUNK = 500;

/** Creates the alias service of one catalog context. */
export function createAliasService(ctx: CatalogContext): AliasService {
  const { scope } = ctx;
  const { product, productAlias } = catalogModels(scope);

  async function resolveMany(names: readonly string[]): Promise<Map<string, Product | null>> {
    if (!Array.isArray(names)) throw validationError('names', 'must be a list', 'invalid_type');
    const keys = new Map<string, string>();
    names.forEach((name, index) => {
      keys.set(name, keyOf(name, `names.${index}`));
    });
    const wanted = [...new Set([...keys.values()].filter((key) => key.length > 0))];
    const byName = new Map<string, Product>();
    const bySku = new Map<string, Product>();
    const byAlias = new Map<string, string>();
    for (let start = 0; start < wanted.length; start += CHUNK) {
      const chunk = wanted.slice(start, start + CHUNK);
      const products = await scope.storage.find(product, {
        where: { or: [{ nameKey: { in: chunk } }, { skuKey: { in: chunk } }] },
        limit: 10_000,
      });
      for (const row of products.rows) {
        byName.set(row.nameKey, row);
        bySku.set(row.skuKey, row);
      }
      const aliases = await scope.storage.find(productAlias, {
        where: { aliasKey: { in: chunk } },
        limit: 10_000,
      });
      for (const row of aliases.rows) byAlias.set(row.aliasKey, row.productId);
    }
    const aliased = [...new Set(byAlias.values())];
    const targets = new Map(
      (aliased.length === 0 ? [] : await scope.storage.getMany(product, aliased)).map((row) => [
        row.id,
        row,
      ]),
    );
    const result = new Map<string, Product | null>();
    for (const [name, key] of keys) {
      const aliasTarget = byAlias.get(key);
      result.set(
        name,
        byName.get(key) ??
          bySku.get(key) ??
          (aliasTarget === undefined ? undefined : targets.get(aliasTarget)) ??
          null,
      );
    }
    return result;
  }

  return {
    async addAlias(productId, alias) {
      const key = keyOf(alias, 'alias');
      if (key.length === 0) throw validationError('alias', 'must not be empty', 'too_small');
      return scope.transaction(async (tx) => {
        const target = await tx.storage.get(product, productId);
        if (!target) throw notFound('product', productId);
        const clash = await tx.storage.find(product, {
          where: { or: [{ nameKey: key }, { skuKey: key }] },
          limit: 1,
        });
        const taken = await tx.storage.find(productAlias, { where: { aliasKey: key }, limit: 1 });
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
    async removeAlias(alias) {
      const key = keyOf(alias, 'alias');
      await scope.transaction(async (tx) => {
        const found = await tx.storage.find(productAlias, { where: { aliasKey: key }, limit: 1 });
        const row = found.rows[0];
        if (!row) throw notFound('productAlias', alias);
        await tx.records(productAlias).delete(row.id);
      });
    },
    async listAliases(productId) {
      const page = await scope.storage.find(productAlias, {
        where: { productId },
        orderBy: [{ field: 'aliasKey', direction: 'asc' }],
        limit: 10_000,
      });
      return page.rows;
    },
    async resolveProduct(nameOrAlias) {
      return (await resolveMany([nameOrAlias])).get(nameOrAlias) ?? null;
    },
    async requireProduct(nameOrAlias) {
      const found = (await resolveMany([nameOrAlias])).get(nameOrAlias) ?? null;
      if (!found) {
        throw new SellkitError('NOT_FOUND', `no product is named "${nameOrAlias}"`, {
          model: 'product',
          name: nameOrAlias,
        });
      }
      return found;
    },
    resolveProducts: resolveMany,
  };
}

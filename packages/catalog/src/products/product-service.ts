import {
  diffRecords,
  type FindQuery,
  issueList,
  notFound,
  type Page,
  requireObject,
  type Where,
  type WriteOptions,
} from '@sellkit/core';
import { type CatalogContext, catalogModels, within } from '../shared/context.js';
import { type ProductInput, type ProductPatch, prepareProductWrite } from './product-input.js';
import { DERIVED_PRODUCT_FIELDS, type Product } from './product-model.js';

/**
 * Products: the catalog is reference data every actor of a tenant may read; writes are
 * access-checked and audited (admins by default, or the `catalog-manager` role).
 */
export interface ProductService {
  /**
   * Creates a product. Without a SKU one is derived from the name (`GTX Pro` → `GTX-PRO`).
   *
   * @example
   * ```ts
   * import { Money } from '@sellkit/core';
   * const pro = await admin.catalog.createProduct({
   *   name: 'GTX Pro',
   *   series: 'GTX',
   *   listPrice: Money.of('4821', 'USD'),
   * });
   * pro.sku; // 'GTX-PRO'
   * ```
   */
  createProduct(input: ProductInput): Promise<Product>;
  /** Changes some fields; a stale `expectedVersion` is `CONFLICT`. */
  updateProduct(id: string, patch: ProductPatch, options?: WriteOptions): Promise<Product>;
  /** `NOT_FOUND` when missing. */
  getProduct(id: string): Promise<Product>;
  /** Several products by id (missing ids left out). */
  getProducts(ids: readonly string[]): Promise<Product[]>;
  /** A page of products (by SKU unless sorted otherwise). */
  findProducts(query?: FindQuery<Product>): Promise<Page<Product>>;
  countProducts(where?: Where<Product>): Promise<number>;
  /** Takes a product off sale: it still resolves, but new lines refuse it. */
  deactivateProduct(id: string): Promise<Product>;
  activateProduct(id: string): Promise<Product>;
}

const HIDDEN = new Set<string>(DERIVED_PRODUCT_FIELDS);

async function create(ctx: CatalogContext, input: unknown): Promise<Product> {
  const raw = requireObject(input, 'a product', 'product');
  return ctx.scope.transaction(async (tx) => {
    const issues = issueList();
    const data = await prepareProductWrite(within(ctx, tx), raw, null, issues);
    issues.throwIfAny({ model: 'product' });
    const { product } = catalogModels(tx);
    const created = await tx.records(product).create(data as never);
    await tx.emit('product.created', { product: created });
    return created;
  });
}

async function update(
  ctx: CatalogContext,
  id: string,
  patch: unknown,
  options: WriteOptions,
): Promise<Product> {
  const raw = requireObject(patch, 'a patch', 'product');
  return ctx.scope.transaction(async (tx) => {
    const { product } = catalogModels(tx);
    const before = await tx.storage.get(product, id);
    if (!before) throw notFound('product', id);
    await tx.assertCan('update', product, before);
    const issues = issueList();
    const data = await prepareProductWrite(within(ctx, tx), raw, before, issues);
    issues.throwIfAny({ model: 'product', id });
    const after = await tx.records(product).update(id, data as never, options);
    const changed = Object.keys(diffRecords(before, after)).filter((name) => !HIDDEN.has(name));
    if (changed.length > 0) await tx.emit('product.updated', { product: after, changed });
    return after;
  });
}

/** Creates the product service of one catalog context. */
export function createProductService(ctx: CatalogContext): ProductService {
  const { product } = catalogModels(ctx.scope);
  const storage = ctx.scope.storage;
  return {
    createProduct: (input) => create(ctx, input),
    updateProduct: (id, patch, options = {}) => update(ctx, id, patch, options),
    async getProduct(id) {
      const found = await storage.get(product, id);
      if (!found) throw notFound('product', id);
      return found;
    },
    getProducts: (ids) => storage.getMany(product, ids),
    findProducts: (query = {}) =>
      storage.find(product, { orderBy: [{ field: 'sku', direction: 'asc' }], ...query }),
    countProducts: (where) => storage.count(product, where),
    deactivateProduct: (id) => update(ctx, id, { active: false }, {}),
    activateProduct: (id) => update(ctx, id, { active: true }, {}),
  };
}

import {
  diffRecords,
  type FindQuery,
  type Page,
  SellkitError,
  type Where,
  type WriteOptions,
} from '@sellkit/core';
import { issueList, notFound, requireObject } from '@sellkit/core/module';
import { type CatalogContext, within } from '../shared/context.js';
import type { ProductInput, ProductPatch } from './product-input.js';
import { prepareProductCreate, prepareProductPatch } from './product-input.js';
import { DERIVED_PRODUCT_FIELDS, type Product, product } from './product-model.js';
import { resolveProducts } from './resolve.js';

/**
 * Products, as `crm.as(ctx).catalog.products`: the catalog is reference data every actor of a
 * tenant may read and resolve; writes are access-checked and audited (admins by default, or
 * the `catalog-manager` role). Resolution by name, SKU or alias lives here too: it answers
 * with products (the aliases themselves are `catalog.aliases`).
 */
export interface ProductService {
  /**
   * Creates a product. Without a SKU one is derived from the name (`GTX Pro` → `GTX-PRO`).
   * A name or SKU already used by another product (or an alias) is `CONFLICT`.
   *
   * @example
   * ```ts
   * import { Money } from '@sellkit/core';
   * const pro = await admin.catalog.products.create({
   *   name: 'GTX Pro',
   *   series: 'GTX',
   *   listPrice: Money.of('4821', 'USD'),
   * });
   * pro.sku; // 'GTX-PRO'
   * ```
   */
  create(input: ProductInput): Promise<Product>;
  /**
   * Changes some fields; a stale `expectedVersion` is `CONFLICT`, a missing product `NOT_FOUND`.
   *
   * @example
   * ```ts
   * import { Money } from '@sellkit/core';
   * const pro = await admin.catalog.products.get(id);
   * await admin.catalog.products.update(pro.id, { listPrice: Money.of('4899', 'USD') }, { expectedVersion: pro.version });
   * ```
   */
  update(id: string, patch: ProductPatch, options?: WriteOptions): Promise<Product>;
  /**
   * A product by id (`NOT_FOUND` when missing).
   *
   * @example
   * ```ts
   * (await rep.catalog.products.get(id)).listPrice.toString(); // '4821.00'
   * ```
   */
  get(id: string): Promise<Product>;
  /**
   * Several products by id (missing ids left out).
   *
   * @example
   * ```ts
   * const found = await rep.catalog.products.getMany([id]);
   * ```
   */
  getMany(ids: readonly string[]): Promise<Product[]>;
  /**
   * A page of products (by SKU unless sorted otherwise).
   *
   * @example
   * ```ts
   * const page = await rep.catalog.products.find({ where: { series: 'GTX', active: true } });
   * page.rows.map((row) => row.sku);
   * ```
   */
  find(query?: FindQuery<Product>): Promise<Page<Product>>;
  /**
   * How many products match.
   *
   * @example
   * ```ts
   * await rep.catalog.products.count({ series: 'GTX' }); // 2
   * ```
   */
  count(where?: Where<Product>): Promise<number>;
  /**
   * Takes a product off sale: it still resolves, but new opportunity lines refuse it.
   *
   * @example
   * ```ts
   * (await admin.catalog.products.deactivate(id)).active; // false
   * ```
   */
  deactivate(id: string): Promise<Product>;
  /**
   * Puts a product back on sale.
   *
   * @example
   * ```ts
   * (await admin.catalog.products.activate(id)).active; // true
   * ```
   */
  activate(id: string): Promise<Product>;
  /**
   * The product a name, SKU or alias designates (exact after normalisation: case, spacing
   * and Unicode forms do not matter), or null. A name wins over a SKU, a SKU over an alias.
   *
   * @example
   * ```ts
   * (await rep.catalog.products.resolve('  gtx   pro '))?.sku; // 'GTX-PRO'
   * ```
   */
  resolve(nameOrAlias: string): Promise<Product | null>;
  /**
   * Like `resolve`, but `NOT_FOUND` when nothing matches.
   *
   * @example
   * ```ts
   * const pro = await rep.catalog.products.require('GTXPro');
   * ```
   */
  require(nameOrAlias: string): Promise<Product>;
  /**
   * Resolves many names at once (a few queries, whatever the count): input text → product or
   * null.
   *
   * @example
   * ```ts
   * const byName = await rep.catalog.products.resolveMany(['GTXPro', 'MG Special', 'nope']);
   * byName.get('nope'); // null
   * ```
   */
  resolveMany(names: readonly string[]): Promise<Map<string, Product | null>>;
}

const HIDDEN = new Set<string>(DERIVED_PRODUCT_FIELDS);

async function create(ctx: CatalogContext, input: unknown): Promise<Product> {
  const raw = requireObject(input, 'a product', 'product');
  return ctx.scope.transaction(async (tx) => {
    const issues = issueList();
    const data = await prepareProductCreate(within(ctx, tx), raw, issues);
    issues.throwIfAny({ model: 'product' });
    const created = await tx.records(product).create(data);
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
    // internal: NOT_FOUND before FORBIDDEN, and the write is access-checked just below
    const before = await tx.internal(product).get(id);
    if (!before) throw notFound('product', id);
    await tx.assertCan('update', product, before);
    const issues = issueList();
    const data = await prepareProductPatch(within(ctx, tx), raw, before, issues);
    issues.throwIfAny({ model: 'product', id });
    const after = await tx.records(product).update(id, data, { ...options, current: before });
    const changed = Object.keys(diffRecords(before, after)).filter((name) => !HIDDEN.has(name));
    if (changed.length > 0) await tx.emit('product.updated', { product: after, changed });
    return after;
  });
}

/** Creates the product service of one catalog context. */
export function createProductService(ctx: CatalogContext): ProductService {
  // internal: reference data every actor of the tenant reads (products have no owner, so
  // records() would give a rep nothing); writes go through records() below
  const rows = ctx.scope.internal(product);
  return {
    create: (input) => create(ctx, input),
    update: (id, patch, options = {}) => update(ctx, id, patch, options),
    async get(id) {
      const found = await rows.get(id);
      if (!found) throw notFound('product', id);
      return found;
    },
    getMany: (ids) => rows.getMany(ids),
    find: (query = {}) => rows.find({ orderBy: [{ field: 'sku', direction: 'asc' }], ...query }),
    count: (where) => rows.count(where),
    deactivate: (id) => update(ctx, id, { active: false }, {}),
    activate: (id) => update(ctx, id, { active: true }, {}),
    async resolve(nameOrAlias) {
      return (await resolveProducts(ctx, [nameOrAlias])).get(nameOrAlias) ?? null;
    },
    async require(nameOrAlias) {
      const found = (await resolveProducts(ctx, [nameOrAlias])).get(nameOrAlias) ?? null;
      if (!found) {
        throw new SellkitError('NOT_FOUND', `no product is named "${nameOrAlias}"`, {
          model: 'product',
          name: nameOrAlias,
        });
      }
      return found;
    },
    resolveMany: (names) => resolveProducts(ctx, names),
  };
}

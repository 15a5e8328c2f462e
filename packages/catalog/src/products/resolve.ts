import { validationError } from '@sellkit/core';
import { productAlias } from '../aliases/alias-model.js';
import type { CatalogContext } from '../shared/context.js';
import { productKey } from './normalize.js';
import { type Product, product } from './product-model.js';

/** The normalised key of a name, SKU or alias given as input (`VALIDATION_FAILED` at `path`). */
export function keyOf(value: unknown, path: string): string {
  if (typeof value !== 'string') throw validationError(path, 'must be a string', 'invalid_type');
  if (value.length > 200) throw validationError(path, 'must be at most 200 characters', 'too_big');
  return productKey(value);
}

const CHUNK = 500;

/**
 * Resolves names, SKUs or aliases to products in a few queries, whatever the count: input text
 * → product, or null. A name wins over a SKU, a SKU over an alias.
 */
export async function resolveProducts(
  ctx: CatalogContext,
  names: readonly string[],
): Promise<Map<string, Product | null>> {
  if (!Array.isArray(names)) throw validationError('names', 'must be a list', 'invalid_type');
  const keys = new Map<string, string>();
  names.forEach((name, index) => {
    keys.set(name, keyOf(name, `names.${index}`));
  });
  const wanted = [...new Set([...keys.values()].filter((key) => key.length > 0))];
  // internal: reference data every actor of the tenant resolves (products have no owner)
  const products = ctx.scope.internal(product);
  // internal: aliases are reference data too, read by every actor
  const aliases = ctx.scope.internal(productAlias);
  const byName = new Map<string, Product>();
  const bySku = new Map<string, Product>();
  const byAlias = new Map<string, string>();
  for (let start = 0; start < wanted.length; start += CHUNK) {
    const chunk = wanted.slice(start, start + CHUNK);
    const found = await products.find({
      where: { or: [{ nameKey: { in: chunk } }, { skuKey: { in: chunk } }] },
      limit: 10_000,
    });
    for (const row of found.rows) {
      byName.set(row.nameKey, row);
      bySku.set(row.skuKey, row);
    }
    const aliased = await aliases.find({ where: { aliasKey: { in: chunk } }, limit: 10_000 });
    for (const row of aliased.rows) byAlias.set(row.aliasKey, row.productId);
  }
  const targetIds = [...new Set(byAlias.values())];
  const targets = new Map(
    (targetIds.length === 0 ? [] : await products.getMany(targetIds)).map((row) => [row.id, row]),
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

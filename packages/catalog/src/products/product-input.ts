import { type InferCreate, type InferPatch, Money, SellkitError } from '@sellkit/core';
import type { IssueList } from '@sellkit/core/module';
import { productAlias } from '../aliases/alias-model.js';
import type { CatalogContext } from '../shared/context.js';
import { taxCategory } from '../taxes/tax-model.js';
import { productKey, skuFromName } from './normalize.js';
import { DERIVED_PRODUCT_FIELDS, type Product, product } from './product-model.js';

/** What creating a product takes. Without a `sku`, one is derived from the name. */
export interface ProductInput {
  sku?: string;
  name: string;
  series?: string | null;
  category?: string | null;
  unit?: string;
  /** `Money`, or `{ amount: '4821.00', currency: 'USD' }`. */
  listPrice: Money | { amount: string; currency: string };
  active?: boolean;
  description?: string | null;
  externalId?: string | null;
  /** The tax category (`catalog.taxes`) the product is taxed under, or null. */
  taxCategoryId?: string | null;
}

/** What updating a product takes: any subset of the input fields. */
export type ProductPatch = Partial<ProductInput>;

function text(
  raw: Record<string, unknown>,
  name: string,
  max: number,
  issues: IssueList,
): string | undefined {
  const value = raw[name];
  if (typeof value !== 'string') {
    issues.add(name, 'must be a string', 'invalid_type');
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length === 0) issues.add(name, 'must not be empty', 'too_small');
  else if (trimmed.length > max) issues.add(name, `must be at most ${max} characters`, 'too_big');
  return trimmed;
}

/** The currency of a money input, or undefined when it has none (storage reports the shape). */
export function moneyCurrency(value: unknown): string | undefined {
  if (Money.isMoney(value)) return value.currency;
  if (value !== null && typeof value === 'object' && 'currency' in value) {
    const currency = (value as { currency: unknown }).currency;
    return typeof currency === 'string' ? currency : undefined;
  }
  return undefined;
}

/**
 * Checks a new product and adds the derived keys (see {@link prepareProductWrite}). Once
 * `issues` is empty, name, SKU, keys and list price are all there: the record to create.
 */
export async function prepareProductCreate(
  ctx: CatalogContext,
  raw: Record<string, unknown>,
  issues: IssueList,
): Promise<InferCreate<typeof product>> {
  // Field shapes (text lengths, money) are checked by the storage's validation on write.
  return (await prepareProductWrite(ctx, raw, null, issues)) as InferCreate<typeof product>;
}

/** Checks a patch of `before` and adds the derived keys it changes (see {@link prepareProductWrite}). */
export async function prepareProductPatch(
  ctx: CatalogContext,
  raw: Record<string, unknown>,
  before: Product,
  issues: IssueList,
): Promise<InferPatch<typeof product>> {
  // Field shapes (text lengths, money) are checked by the storage's validation on write.
  return (await prepareProductWrite(ctx, raw, before, issues)) as InferPatch<typeof product>;
}

/**
 * Checks a product input or patch and adds the derived keys. Problems go to `issues`;
 * duplicates of another product's name or SKU, or of an alias, are `CONFLICT`.
 */
export async function prepareProductWrite(
  ctx: CatalogContext,
  raw: Record<string, unknown>,
  before: Product | null,
  issues: IssueList,
): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...raw };
  for (const derived of DERIVED_PRODUCT_FIELDS) {
    if (derived in raw) issues.add(derived, `${derived} is derived and cannot be set`, 'derived');
    delete data[derived];
  }
  if (before === null || 'name' in raw) {
    const name = text(raw, 'name', 200, issues);
    if (name !== undefined) {
      data.name = name;
      data.nameKey = productKey(name);
    }
  }
  if (raw.sku !== undefined || before === null) {
    const sku =
      raw.sku === undefined
        ? skuFromName(typeof data.name === 'string' ? data.name : '')
        : text(raw, 'sku', 64, issues);
    if (sku !== undefined) {
      if (sku.length === 0 && raw.sku === undefined && typeof data.name === 'string') {
        issues.add('sku', 'cannot be derived from the name: give one', 'required');
      }
      data.sku = sku;
      data.skuKey = productKey(sku);
    }
  }
  if (before === null && raw.listPrice === undefined) {
    issues.add('listPrice', 'is required', 'required');
  }
  const currency = moneyCurrency(raw.listPrice);
  if (
    currency !== undefined &&
    ctx.options.currency !== null &&
    currency !== ctx.options.currency
  ) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `listPrice is in ${currency} but the price list is in ${ctx.options.currency}`,
      { model: 'product', field: 'listPrice', expected: ctx.options.currency, actual: currency },
    );
  }
  if (typeof raw.taxCategoryId === 'string') {
    // internal: the category must exist, whatever the actor may read
    const category = await ctx.scope.internal(taxCategory).get(raw.taxCategoryId);
    if (!category) issues.add('taxCategoryId', 'is not a tax category of this tenant', 'unknown');
  }
  if (issues.issues.length === 0) await checkUnique(ctx, data, before);
  return data;
}

async function checkUnique(
  ctx: CatalogContext,
  data: Record<string, unknown>,
  before: Product | null,
): Promise<void> {
  // internal: uniqueness holds across the tenant, whatever the actor may read
  const products = ctx.scope.internal(product);
  // internal: an alias of any product blocks the name or SKU, whatever the actor may read
  const aliases = ctx.scope.internal(productAlias);
  const others = before === null ? {} : { id: { ne: before.id } };
  for (const [field, key] of [
    ['name', data.nameKey],
    ['sku', data.skuKey],
  ] as const) {
    if (typeof key !== 'string') continue;
    const clash = await products.find({
      where: { ...others, or: [{ nameKey: key }, { skuKey: key }] },
      limit: 1,
    });
    const existing = clash.rows[0];
    if (existing) {
      throw new SellkitError(
        'CONFLICT',
        `${field} "${String(data[field])}" is already used by product ${existing.sku}`,
        { model: 'product', field, existingId: existing.id },
      );
    }
    const alias = await aliases.find({
      where: { aliasKey: key },
      limit: 1,
    });
    const taken = alias.rows[0];
    if (taken && taken.productId !== before?.id) {
      throw new SellkitError(
        'CONFLICT',
        `${field} "${String(data[field])}" is already an alias of product ${taken.productId}`,
        { model: 'product', field, existingId: taken.productId },
      );
    }
  }
}

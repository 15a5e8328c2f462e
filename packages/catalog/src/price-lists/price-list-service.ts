import {
  type FindQuery,
  type InferCreate,
  type InferPatch,
  isCurrencyCode,
  type ModuleScope,
  type Page,
  SellkitError,
  validationError,
  type WriteOptions,
} from '@sellkit/core';
import { notFound, requireObject } from '@sellkit/core/module';
import type { CatalogEvents } from '../events.js';
import { product } from '../products/product-model.js';
import {
  checkDate,
  checkDecimal,
  checkPeriod,
  compareDecimals,
  optionalText,
  periodsOverlap,
  requireText,
} from '../shared/checks.js';
import type { CatalogContext } from '../shared/context.js';
import { findAll } from '../shared/find-all.js';
import {
  type PriceList,
  type PriceListItem,
  priceList,
  priceListItem,
} from './price-list-model.js';

/** What creating a price list takes. A list is for a company, a customer group, or everyone. */
export interface PriceListInput {
  name: string;
  /** ISO 4217; every price of the list is in it. Cannot change later. */
  currency: string;
  pricesIncludeTax?: boolean;
  companyId?: string | null;
  customerGroup?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  priority?: number;
  active?: boolean;
}

/** What updating a price list takes: any field but the currency. */
export type PriceListPatch = Partial<Omit<PriceListInput, 'currency'>>;

/** One price to add to a list: `unitPrice` and `minQuantity` are decimal strings. */
export interface PriceListItemInput {
  productId: string;
  unitPrice: string;
  /** The quantity from which this price applies (default `'0'`: any quantity). */
  minQuantity?: string;
  unit?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * Price lists, as `crm.as(ctx).catalog.priceLists`. Every actor reads them; writes are for
 * admins and the `catalog-manager` role, and audited. Prices are looked up with
 * `catalog.prices.priceFor`.
 */
export interface PriceListService {
  /**
   * Creates a price list. A list for both a company and a customer group is `VALIDATION_FAILED`
   * (one or the other, or neither for everyone); a name already used is `CONFLICT`.
   *
   * @example
   * ```ts
   * const wholesale = await admin.catalog.priceLists.create({
   *   name: 'Wholesale 2026', currency: 'EUR', customerGroup: 'wholesale',
   *   validFrom: '2026-01-01', validTo: '2026-12-31',
   * });
   * ```
   */
  create(input: PriceListInput): Promise<PriceList>;
  /**
   * Changes a list's fields (not its currency).
   *
   * @example
   * ```ts
   * await admin.catalog.priceLists.update(id, { active: false });
   * ```
   */
  update(id: string, patch: PriceListPatch, options?: WriteOptions): Promise<PriceList>;
  /**
   * A price list by id (`NOT_FOUND` when missing).
   *
   * @example
   * ```ts
   * (await rep.catalog.priceLists.get(id)).currency; // 'EUR'
   * ```
   */
  get(id: string): Promise<PriceList>;
  /**
   * A page of price lists, by name unless sorted otherwise.
   *
   * @example
   * ```ts
   * const eur = await rep.catalog.priceLists.find({ where: { currency: 'EUR', active: true } });
   * ```
   */
  find(query?: FindQuery<PriceList>): Promise<Page<PriceList>>;
  /**
   * Adds prices to a list, all or none. Two items of one product with the same `minQuantity`
   * and overlapping periods are `CONFLICT`; an unknown product `NOT_FOUND`.
   *
   * @example
   * ```ts
   * const screw = await admin.catalog.products.require('Screw M4');
   * await admin.catalog.priceLists.addItems(id, [
   *   { productId: screw.id, unitPrice: '0.0050' },
   *   { productId: screw.id, unitPrice: '0.0045', minQuantity: '1000' },
   * ]);
   * ```
   */
  addItems(priceListId: string, items: readonly PriceListItemInput[]): Promise<PriceListItem[]>;
  /**
   * The items of a list (optionally of one product), by product then quantity.
   *
   * @example
   * ```ts
   * (await rep.catalog.priceLists.items(id)).map((item) => [item.minQuantity, item.unitPrice]);
   * ```
   */
  items(priceListId: string, productId?: string): Promise<PriceListItem[]>;
  /**
   * Removes one item (`NOT_FOUND` when missing).
   *
   * @example
   * ```ts
   * await admin.catalog.priceLists.removeItem(id);
   * ```
   */
  removeItem(itemId: string): Promise<void>;
}

type ListCreate = InferCreate<typeof priceList>;
type ListPatch = {
  -readonly [K in keyof InferPatch<typeof priceList>]: InferPatch<typeof priceList>[K];
};

function optionalDate(value: unknown, path: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  return checkDate(value, path);
}

/** Checks a list's input or patch against `before` (null on create): the fields to write. */
function checkList(raw: Record<string, unknown>, before: PriceList | null): ListPatch {
  const data: ListPatch = {};
  if (before === null) {
    if (!isCurrencyCode(raw.currency))
      throw validationError('currency', 'must be a supported ISO 4217 code', 'unknown_currency');
    data.currency = raw.currency;
  } else if ('currency' in raw && raw.currency !== before.currency) {
    throw validationError('currency', 'cannot change: the prices are in it', 'immutable');
  }
  if (before === null || 'name' in raw) data.name = requireText(raw.name, 'name', 200);
  for (const flag of ['pricesIncludeTax', 'active'] as const) {
    const value = raw[flag];
    if (value === undefined) continue;
    if (typeof value !== 'boolean')
      throw validationError(flag, 'must be true or false', 'invalid_type');
    data[flag] = value;
  }
  if (raw.priority !== undefined) {
    if (typeof raw.priority !== 'number' || !Number.isSafeInteger(raw.priority))
      throw validationError('priority', 'must be a whole number', 'invalid_type');
    data.priority = raw.priority;
  }
  const companyId = optionalText(raw.companyId, 'companyId', 64);
  if (companyId !== undefined) data.companyId = companyId;
  const group = optionalText(raw.customerGroup, 'customerGroup', 100);
  if (group !== undefined) data.customerGroup = group;
  const company = companyId === undefined ? (before?.companyId ?? null) : companyId;
  const customerGroup = group === undefined ? (before?.customerGroup ?? null) : group;
  if (company && customerGroup)
    throw validationError(
      'customerGroup',
      'a list is for a company or a customer group, not both',
      'both',
    );
  const from = optionalDate(raw.validFrom, 'validFrom');
  if (from !== undefined) data.validFrom = from;
  const start = from === undefined ? (before?.validFrom ?? null) : from;
  if (raw.validTo !== undefined) data.validTo = checkPeriod(start, raw.validTo, 'validTo');
  else checkPeriod(start, before?.validTo ?? null, 'validFrom');
  return data;
}

async function requireList(scope: ModuleScope<CatalogEvents>, id: string): Promise<PriceList> {
  // internal: reference data every actor of the tenant reads
  const found = await scope.internal(priceList).get(id);
  if (!found) throw notFound('priceList', id);
  return found;
}

async function checkName(
  scope: ModuleScope<CatalogEvents>,
  name: unknown,
  id: string | null,
): Promise<void> {
  if (typeof name !== 'string') return;
  // internal: names are unique across the tenant, whatever the actor may read
  const taken = await scope.internal(priceList).find({ where: { name }, limit: 1 });
  const other = taken.rows[0];
  if (other && other.id !== id) {
    throw new SellkitError('CONFLICT', `price list "${name}" already exists`, {
      model: 'priceList',
      field: 'name',
      existingId: other.id,
    });
  }
}

type ItemCreate = Omit<InferCreate<typeof priceListItem>, 'priceListId'>;

function checkItem(raw: unknown, path: string): ItemCreate {
  const item = requireObject(raw, 'a price list item', 'priceListItem');
  const productId = requireText(item.productId, `${path}.productId`, 64);
  const unitPrice = checkDecimal(item.unitPrice, `${path}.unitPrice`);
  const minQuantity =
    item.minQuantity === undefined ? '0' : checkDecimal(item.minQuantity, `${path}.minQuantity`);
  const validFrom = optionalDate(item.validFrom, `${path}.validFrom`) ?? null;
  const validTo = checkPeriod(validFrom, item.validTo, `${path}.validTo`);
  const unit = optionalText(item.unit, `${path}.unit`, 32) ?? null;
  return { productId, unitPrice, minQuantity, unit, validFrom, validTo };
}

async function addItems(
  scope: ModuleScope<CatalogEvents>,
  priceListId: string,
  inputs: readonly PriceListItemInput[],
): Promise<PriceListItem[]> {
  if (!Array.isArray(inputs)) throw validationError('items', 'must be a list', 'invalid_type');
  const checked = inputs.map((input, index) => checkItem(input, `items.${index}`));
  return scope.transaction(async (tx) => {
    await requireList(tx, priceListId);
    const productIds = [...new Set(checked.map((item) => item.productId))];
    // internal: the products must exist, whatever the actor may read
    const known = new Set((await tx.internal(product).getMany(productIds)).map((row) => row.id));
    const missing = productIds.find((id) => !known.has(id));
    if (missing !== undefined) throw notFound('product', missing);
    // internal: overlaps are checked against every item of the list
    const where = { priceListId, productId: { in: productIds } };
    const existing = await findAll((page) => tx.internal(priceListItem).find({ where, ...page }));
    const created: PriceListItem[] = [];
    const rows = tx.records(priceListItem);
    for (const [index, item] of checked.entries()) {
      const clash = [...existing, ...created].find(
        (other) =>
          other.productId === item.productId &&
          compareDecimals(other.minQuantity, item.minQuantity ?? '0') === 0 &&
          periodsOverlap(
            other.validFrom ?? null,
            other.validTo ?? null,
            item.validFrom ?? null,
            item.validTo ?? null,
          ),
      );
      if (clash) {
        throw new SellkitError(
          'CONFLICT',
          `items.${index}: the product already has a price from quantity ${clash.minQuantity} on this list for that period`,
          { model: 'priceListItem', field: 'minQuantity', existingId: clash.id },
        );
      }
      created.push(await rows.create({ ...item, priceListId }));
    }
    return created;
  });
}

/** Creates the price list service of one catalog context. */
export function createPriceListService(ctx: CatalogContext): PriceListService {
  const { scope } = ctx;
  return {
    async create(input) {
      const data = checkList(requireObject(input, 'a price list', 'priceList'), null);
      return scope.transaction(async (tx) => {
        await checkName(tx, data.name, null);
        const { name, currency } = data;
        if (name === undefined || currency === undefined)
          throw validationError('name', 'is required', 'required');
        const create: ListCreate = { ...data, name, currency };
        return tx.records(priceList).create(create);
      });
    },
    async update(id, patch, options = {}) {
      const raw = requireObject(patch, 'a patch', 'priceList');
      return scope.transaction(async (tx) => {
        const before = await requireList(tx, id);
        const data = checkList(raw, before);
        await checkName(tx, data.name, id);
        return tx.records(priceList).update(id, data, { ...options, current: before });
      });
    },
    get: (id) => requireList(scope, id),
    find: (query = {}) =>
      // internal: reference data every actor of the tenant reads
      scope.internal(priceList).find({ orderBy: [{ field: 'name', direction: 'asc' }], ...query }),
    addItems: (priceListId, items) => addItems(scope, priceListId, items),
    async items(priceListId, productId) {
      // internal: reference data every actor of the tenant reads
      return findAll((page) =>
        scope.internal(priceListItem).find({
          where: productId === undefined ? { priceListId } : { priceListId, productId },
          orderBy: [
            { field: 'productId', direction: 'asc' },
            { field: 'minQuantity', direction: 'asc' },
          ],
          ...page,
        }),
      );
    },
    async removeItem(itemId) {
      await scope.transaction(async (tx) => {
        // internal: NOT_FOUND before FORBIDDEN; the delete is access-checked
        const found = await tx.internal(priceListItem).get(itemId);
        if (!found) throw notFound('priceListItem', itemId);
        await tx.records(priceListItem).delete(itemId, { current: found });
      });
    },
  };
}

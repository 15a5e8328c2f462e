import { currencyExponent, isCurrencyCode, SellkitError, validationError } from '@sellkit/core';
import { notFound, requireObject } from '@sellkit/core/module';
import { product } from '../products/product-model.js';
import {
  checkDate,
  checkDecimal,
  compareDecimals,
  inPeriod,
  trimDecimal,
} from '../shared/checks.js';
import type { CatalogContext } from '../shared/context.js';
import { findAll } from '../shared/find-all.js';
import {
  type PriceList,
  type PriceListItem,
  priceList,
  priceListItem,
} from './price-list-model.js';

/** What {@link PriceService.priceFor} looks up. */
export interface PriceQuery {
  productId: string;
  /** ISO 4217: the document's currency. */
  currency: string;
  /** A positive decimal string; quantity breaks pick the price. */
  quantity: string;
  /** A calendar date `YYYY-MM-DD` in the tenant calendar (the document's date). */
  on: string;
  companyId?: string | null;
  customerGroup?: string | null;
  /** Price from this list only (its currency must be `currency`). */
  priceListId?: string | null;
}

/** The unit price that applies, as an exact decimal string (`'0.0045'`, `'4.50'`). */
export interface PriceAnswer {
  unitPrice: string;
  /** The list the price came from, or null for the product's list price. */
  priceListId: string | null;
  pricesIncludeTax: boolean;
  /** The unit the price is per (the item's, else the product's). */
  unit: string | null;
}

/** Price lookup, as `crm.as(ctx).catalog.prices`. */
export interface PriceService {
  /**
   * The unit price of a product for a customer, a quantity and a date. Among the active lists
   * in `currency` that are effective on `on`, a list for `companyId` comes first, then one for
   * `customerGroup`, then general lists; within a rank the higher `priority`, then the later
   * `validFrom`, then the list id. The first list with an item for the product effective on `on`
   * gives the price: the item with the highest `minQuantity` not above `quantity`. With
   * `priceListId`, only that list is asked (it must be active and in effect on `on`). When no
   * list prices the product, the product's list price (tax-exclusive) is the answer.
   *
   * Errors: an inactive product, or a named list that is inactive or not in effect, is
   * `INVALID_STATE`; an unknown product or list `NOT_FOUND`; a
   * list, or a fallback list price, in another currency is `CURRENCY_MISMATCH`; a bad quantity,
   * currency or date `VALIDATION_FAILED`.
   *
   * @example
   * ```ts
   * const screw = await rep.catalog.products.require('Screw M4');
   * const price = await rep.catalog.prices.priceFor({
   *   productId: screw.id, currency: 'EUR', quantity: '5000', on: '2026-03-02',
   *   customerGroup: 'wholesale',
   * });
   * price.unitPrice; // '0.0045' (the 1,000-and-more break of the wholesale list)
   * ```
   */
  priceFor(query: PriceQuery): Promise<PriceAnswer>;
}

function rank(list: PriceList, companyId: string | null, group: string | null): number {
  if (list.companyId) return list.companyId === companyId ? 0 : -1;
  if (list.customerGroup) return list.customerGroup === group ? 1 : -1;
  return 2;
}

/** The best item of one list for the quantity and date, or undefined. */
export function bestItem<T extends Pick<PriceListItem, 'minQuantity' | 'validFrom' | 'validTo'>>(
  items: readonly T[],
  quantity: string,
  on: string,
): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!inPeriod(on, item.validFrom ?? null, item.validTo ?? null)) continue;
    if (compareDecimals(item.minQuantity, quantity) > 0) continue;
    if (best === undefined || compareDecimals(item.minQuantity, best.minQuantity) > 0) best = item;
  }
  return best;
}

function sameList(a: PriceList, b: PriceList, companyId: string | null, group: string | null) {
  const byRank = rank(a, companyId, group) - rank(b, companyId, group);
  if (byRank !== 0) return byRank;
  if (a.priority !== b.priority) return b.priority - a.priority;
  const aFrom = a.validFrom ?? '';
  const bFrom = b.validFrom ?? '';
  if (aFrom !== bFrom) return aFrom < bFrom ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

async function priceFor(ctx: CatalogContext, query: PriceQuery): Promise<PriceAnswer> {
  const raw = requireObject(query, 'a price query', 'priceListItem');
  if (!isCurrencyCode(raw.currency))
    throw validationError('currency', 'must be a supported ISO 4217 code', 'unknown_currency');
  const currency = raw.currency;
  const exponent = currencyExponent(currency) ?? 2;
  const quantity = trimDecimal(checkDecimal(raw.quantity, 'quantity'));
  if (!/[1-9]/.test(quantity))
    throw validationError('quantity', 'must be greater than 0', 'not_positive');
  const on = checkDate(raw.on, 'on');
  const companyId = typeof raw.companyId === 'string' ? raw.companyId : null;
  const group = typeof raw.customerGroup === 'string' ? raw.customerGroup : null;
  const { scope } = ctx;
  // internal: reference data every actor of the tenant reads
  const found = await scope.internal(product).get(String(raw.productId ?? ''));
  if (!found) throw notFound('product', String(raw.productId));
  if (!found.active) {
    throw new SellkitError('INVALID_STATE', `product ${found.sku} is not on sale`, {
      model: 'product',
      id: found.id,
      field: 'active',
    });
  }
  let lists: PriceList[];
  if (typeof raw.priceListId === 'string') {
    // internal: reference data every actor of the tenant reads
    const list = await scope.internal(priceList).get(raw.priceListId);
    if (!list) throw notFound('priceList', raw.priceListId);
    if (list.currency !== currency) {
      throw new SellkitError(
        'CURRENCY_MISMATCH',
        `price list ${list.name} is in ${list.currency}, the document in ${currency}`,
        { model: 'priceList', id: list.id, expected: currency, actual: list.currency },
      );
    }
    // A list the caller names must apply: pricing silently from another would misprice.
    if (!list.active || !inPeriod(on, list.validFrom ?? null, list.validTo ?? null)) {
      throw new SellkitError(
        'INVALID_STATE',
        list.active
          ? `price list ${list.name} is not in effect on ${on}`
          : `price list ${list.name} is not active`,
        { model: 'priceList', id: list.id, field: list.active ? 'validFrom' : 'active', on },
      );
    }
    lists = [list];
  } else {
    // internal: reference data every actor of the tenant reads
    const all = await findAll((page) =>
      scope.internal(priceList).find({ where: { currency, active: true }, ...page }),
    );
    lists = all
      .filter((list) => inPeriod(on, list.validFrom ?? null, list.validTo ?? null))
      .filter((list) => rank(list, companyId, group) >= 0)
      .sort((a, b) => sameList(a, b, companyId, group));
  }
  if (lists.length > 0) {
    // internal: reference data every actor of the tenant reads
    const where = { productId: found.id, priceListId: { in: lists.map((list) => list.id) } };
    const items = await findAll((page) => scope.internal(priceListItem).find({ where, ...page }));
    for (const list of lists) {
      const item = bestItem(
        items.filter((row) => row.priceListId === list.id),
        quantity,
        on,
      );
      if (item) {
        return {
          unitPrice: trimDecimal(item.unitPrice, exponent),
          priceListId: list.id,
          pricesIncludeTax: list.pricesIncludeTax,
          unit: item.unit ?? found.unit,
        };
      }
    }
  }
  if (found.listPrice.currency !== currency) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `no ${currency} price list prices ${found.sku} on ${on}, and its list price is in ${found.listPrice.currency}`,
      { model: 'product', id: found.id, expected: currency, actual: found.listPrice.currency },
    );
  }
  return {
    unitPrice: found.listPrice.toString(),
    priceListId: null,
    pricesIncludeTax: false,
    unit: found.unit,
  };
}

/** Creates the price service of one catalog context. */
export function createPriceService(ctx: CatalogContext): PriceService {
  return { priceFor: (query) => priceFor(ctx, query) };
}

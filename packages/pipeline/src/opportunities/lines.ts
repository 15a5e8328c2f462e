import { assertPriceCurrency, catalogHandle, type Product } from '@sellkit/catalog';
import { isSellkitError, Money, SellkitError, toDecimal } from '@sellkit/core';
import { type IssueList, isPlainObject } from '@sellkit/core/module';
import type { PipelineContext, PipelineScope } from '../shared/context.js';
import { type OpportunityLine, opportunityLine } from './line-model.js';

/** One product line as given: a product (by id, or by name, SKU or alias), a quantity and maybe a price. */
export interface LineInput {
  productId?: string;
  /** A product name, SKU or alias, resolved through the catalog. */
  product?: string;
  /** A decimal more than zero, at most 4 decimals (`'2'`, `'1.5'`, or a safe integer). */
  quantity: string | number;
  /** Defaults to the product's list price; must be in the list price's currency. */
  unitPrice?: Money | { amount: string; currency: string };
  description?: string;
}

/** A checked line, with its exact amount. */
export interface PreparedLine {
  readonly position: number;
  readonly productId: string;
  readonly quantity: string;
  readonly unitPrice: Money;
  readonly amount: Money;
  readonly description?: string;
  readonly product: Product;
}

/** Checked lines, their total, and the product of the largest line. */
export interface PreparedLines {
  readonly lines: readonly PreparedLine[];
  readonly total: Money | null;
  readonly primaryProductId: string | null;
}

const MAX_LINES = 200;

function quantityOf(value: unknown, path: string, issues: IssueList): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') {
    issues.add(path, 'must be a decimal string or an integer', 'invalid_type');
    return null;
  }
  try {
    const quantity = toDecimal(value, path);
    if (!quantity.isPositive() || quantity.isZero()) {
      issues.add(path, 'must be more than zero', 'not_positive');
      return null;
    }
    if (quantity.decimalPlaces() > 4) {
      issues.add(path, 'has more than 4 decimals', 'too_precise');
      return null;
    }
    return quantity.toFixed(4);
  } catch (error) {
    if (!isSellkitError(error)) throw error;
    issues.add(path, error.details.issues?.[0]?.message ?? error.message, 'invalid_decimal');
    return null;
  }
}

function priceOf(value: unknown, path: string, issues: IssueList): Money | null | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    const money = Money.isMoney(value)
      ? value
      : isPlainObject(value)
        ? Money.of(value.amount as string, value.currency as string)
        : null;
    if (money === null) {
      issues.add(path, 'must be money ({ amount, currency })', 'invalid_type');
      return null;
    }
    if (money.isNegative()) {
      issues.add(path, 'must not be negative', 'negative');
      return null;
    }
    return money;
  } catch (error) {
    if (!isSellkitError(error)) throw error;
    issues.add(path, error.details.issues?.[0]?.message ?? error.message, 'invalid_money');
    return null;
  }
}

/**
 * Checks lines against the catalog: known, active products; quantities above zero; prices in
 * the list price's currency (`CURRENCY_MISMATCH` otherwise) and one currency for all lines.
 * Amounts are quantity × unit price, rounded half-even to the currency's minor unit.
 */
export async function prepareLines(
  ctx: PipelineContext,
  raw: unknown,
  issues: IssueList,
  path = 'lines',
): Promise<PreparedLines> {
  if (!Array.isArray(raw)) {
    issues.add(path, 'must be a list of lines', 'invalid_type');
    return { lines: [], total: null, primaryProductId: null };
  }
  if (raw.length > MAX_LINES) issues.add(path, `at most ${MAX_LINES} lines`, 'too_big');
  const catalog = ctx.scope.use(catalogHandle);
  const ids = raw.flatMap((line) =>
    isPlainObject(line) && typeof line.productId === 'string' ? [line.productId] : [],
  );
  const names = raw.flatMap((line) =>
    isPlainObject(line) && line.productId === undefined && typeof line.product === 'string'
      ? [line.product]
      : [],
  );
  const byId = new Map(
    (ids.length ? await catalog.products.getMany(ids) : []).map((item) => [item.id, item]),
  );
  const byName = names.length
    ? await catalog.products.resolveMany(names)
    : new Map<string, Product | null>();
  const lines: PreparedLine[] = [];
  for (const [index, line] of raw.entries()) {
    const at = `${path}.${index}`;
    if (!isPlainObject(line)) {
      issues.add(at, 'must be a line object', 'invalid_type');
      continue;
    }
    for (const key of Object.keys(line)) {
      if (!['productId', 'product', 'quantity', 'unitPrice', 'description'].includes(key)) {
        issues.add(`${at}.${key}`, `unknown field ${key}`, 'unknown_field');
      }
    }
    let product: Product | null | undefined;
    if (typeof line.productId === 'string') product = byId.get(line.productId);
    else if (typeof line.product === 'string') product = byName.get(line.product);
    else {
      issues.add(`${at}.productId`, 'a line needs productId or product', 'required');
      continue;
    }
    if (!product) {
      issues.add(
        typeof line.productId === 'string' ? `${at}.productId` : `${at}.product`,
        `unknown product ${String(line.productId ?? line.product).slice(0, 100)}`,
        'unknown_product',
      );
      continue;
    }
    if (!product.active)
      issues.add(`${at}.productId`, `${product.name} is not on sale`, 'inactive_product');
    const quantity = quantityOf(line.quantity, `${at}.quantity`, issues);
    const given = priceOf(line.unitPrice, `${at}.unitPrice`, issues);
    if (given === null || quantity === null) continue;
    const unitPrice = given ?? product.listPrice;
    assertPriceCurrency(product, unitPrice, `${at}.unitPrice`);
    const first = lines[0];
    if (first && first.unitPrice.currency !== unitPrice.currency) {
      throw new SellkitError(
        'CURRENCY_MISMATCH',
        `${at}.unitPrice is in ${unitPrice.currency} but earlier lines are in ${first.unitPrice.currency}`,
        { path: `${at}.unitPrice`, expected: first.unitPrice.currency, actual: unitPrice.currency },
      );
    }
    if (
      line.description !== undefined &&
      (typeof line.description !== 'string' || line.description.length > 500)
    ) {
      issues.add(`${at}.description`, 'must be a string of at most 500 characters', 'invalid_type');
    }
    lines.push({
      position: index,
      productId: product.id,
      quantity,
      unitPrice,
      amount: unitPrice.multiply(quantity, { rounding: 'half-even' }),
      ...(typeof line.description === 'string' ? { description: line.description } : {}),
      product,
    });
  }
  const total = lines.length === 0 ? null : Money.sum(lines.map((line) => line.amount));
  let primary: PreparedLine | undefined;
  for (const line of lines) if (!primary || line.amount.greaterThan(primary.amount)) primary = line;
  return { lines, total, primaryProductId: primary?.productId ?? null };
}

/**
 * A deal's lines past access checks: a line has no owner of its own, it is reached through
 * its deal, which the caller has already checked.
 */
function linesOf(scope: PipelineScope) {
  // internal: lines are guarded by their deal's access check (the line model has no owner)
  return scope.internal(opportunityLine);
}

/** Replaces the stored lines of a deal by `lines` (inside the caller's transaction). */
export async function writeLines(
  scope: PipelineScope,
  opportunityId: string,
  lines: readonly PreparedLine[],
): Promise<OpportunityLine[]> {
  await deleteLines(scope, opportunityId);
  if (lines.length === 0) return [];
  return linesOf(scope).insert(
    lines.map((line) => ({
      opportunityId,
      position: line.position,
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
      ...(line.description === undefined ? {} : { description: line.description }),
    })),
  );
}

/** Deletes every line of a deal. */
export async function deleteLines(scope: PipelineScope, opportunityId: string): Promise<void> {
  const rows = linesOf(scope);
  for (;;) {
    const page = await rows.find({ where: { opportunityId }, limit: 1000 });
    if (page.rows.length === 0) return;
    for (const row of page.rows) await rows.delete(row.id, { current: row });
  }
}

/** The lines of a deal, in order. */
export async function readLines(
  scope: PipelineScope,
  opportunityId: string,
): Promise<OpportunityLine[]> {
  const page = await linesOf(scope).find({
    where: { opportunityId },
    orderBy: [{ field: 'position', direction: 'asc' }],
    limit: 1000,
  });
  return page.rows;
}

import { type CatalogService, catalogHandle } from '@sellkit/catalog';
import {
  isCurrencyCode,
  isSellkitError,
  type Money,
  SellkitError,
  toDecimal,
  validationError,
} from '@sellkit/core';
import { type IssueList, isPlainObject, issueList } from '@sellkit/core/module';
import { type Company, customersHandle, type PostalAddress } from '@sellkit/customers';
import { priceDocument } from '../pricing/price-document.js';
import type {
  Discount,
  LineKind,
  LineTax,
  PricedDocument,
  PricingLineInput,
} from '../pricing/pricing-types.js';
import type { OrdersContext } from '../shared/context.js';
import type { StoredTaxRow } from './document-fields.js';
import type { DocumentInput, DocumentLineInput } from './document-input.js';

const DECIMAL = /^-?\d{1,18}(\.\d{1,12})?$/;
const KINDS: readonly LineKind[] = ['product', 'shipping', 'charge'];

/** The stored fields of one priced line (without its document id). */
export interface LineRow {
  position: number;
  kind: LineKind;
  productId: string | null;
  sku: string | null;
  description: string | null;
  quantity: string;
  unit: string | null;
  unitPrice: string;
  lineDiscount: Discount | null;
  taxCategoryId: string | null;
  taxRate: string;
  taxTreatment: LineTax['treatment'];
  subtotal: Money;
  discount: Money;
  net: Money;
  tax: Money;
  gross: Money;
  externalId: string | null;
}

/** The stored header fields of a priced document. */
export interface DocumentHeader {
  title: string | null;
  companyId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  ownerId: string;
  currency: string;
  pricesIncludeTax: boolean;
  taxRounding: PricedDocument['taxRounding'];
  jurisdiction: string | null;
  documentDate: string;
  priceListId: string | null;
  documentDiscount: Discount | null;
  subtotal: Money;
  discount: Money;
  net: Money;
  tax: Money;
  gross: Money;
  taxSummary: StoredTaxRow[];
  billingAddress: PostalAddress | null;
  shippingAddress: PostalAddress | null;
  notes: string | null;
  externalId: string | null;
}

/** A document priced and checked, ready to be written. */
export interface PricedDraft {
  readonly header: DocumentHeader;
  readonly lines: LineRow[];
  readonly priced: PricedDocument;
}

function checkDecimal(value: unknown, path: string, issues: IssueList, positive: boolean) {
  if (typeof value !== 'string' || !DECIMAL.test(value.trim())) {
    issues.add(path, 'must be a decimal number written as a string', 'invalid_type');
    return;
  }
  const number = toDecimal(value.trim(), path);
  if (positive ? !number.greaterThan(0) : number.isNegative()) {
    issues.add(path, positive ? 'must be more than 0' : 'must not be negative', 'too_small');
  }
}

/** Checks a discount: a percentage from 0 to 100, or a non-negative amount. */
export function checkDiscount(value: unknown, path: string, issues: IssueList): void {
  if (value === undefined || value === null) return;
  if (!isPlainObject(value)) {
    issues.add(path, 'must be { percent } or { amount }', 'invalid_type');
    return;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1 || (keys[0] !== 'percent' && keys[0] !== 'amount')) {
    issues.add(path, 'must be { percent } or { amount }', 'invalid_type');
    return;
  }
  const key = keys[0];
  checkDecimal(value[key], `${path}.${key}`, issues, false);
  if (
    key === 'percent' &&
    typeof value.percent === 'string' &&
    DECIMAL.test(value.percent) &&
    toDecimal(value.percent).greaterThan(100)
  ) {
    issues.add(`${path}.percent`, 'must be at most 100', 'too_big');
  }
}

function checkShape(input: DocumentInput): void {
  if (!isPlainObject(input))
    throw validationError('', 'a document must be an object', 'invalid_type');
  const issues = issueList();
  if (!Array.isArray(input.lines) || input.lines.length === 0) {
    issues.add('lines', 'must list at least one line', 'too_small');
  } else {
    input.lines.forEach((line: DocumentLineInput, index: number) => {
      const path = `lines.${index}`;
      if (!isPlainObject(line)) {
        issues.add(path, 'must be an object', 'invalid_type');
        return;
      }
      if (line.kind !== undefined && !KINDS.includes(line.kind)) {
        issues.add(`${path}.kind`, 'must be product, shipping or charge', 'invalid_enum_value');
      }
      checkDecimal(line.quantity, `${path}.quantity`, issues, true);
      if (line.unitPrice !== undefined)
        checkDecimal(line.unitPrice, `${path}.unitPrice`, issues, false);
      checkDiscount(line.discount, `${path}.discount`, issues);
      const kind = line.kind ?? 'product';
      // A line without a product needs its own price and words (a charge, a service).
      if (!line.productId && (line.unitPrice === undefined || !line.description)) {
        const what = kind === 'product' ? 'productId' : 'unitPrice';
        issues.add(
          `${path}.${what}`,
          'is required (or give unitPrice and description)',
          'required',
        );
      }
    });
  }
  checkDiscount(input.documentDiscount, 'documentDiscount', issues);
  if (input.currency !== undefined && !isCurrencyCode(input.currency)) {
    issues.add('currency', 'must be an ISO 4217 code', 'invalid_enum_value');
  }
  issues.throwIfAny();
}

/** A company's billing or shipping address (else its headquarters, else its first one). */
export function addressOf(
  company: Company | null,
  kind: 'billing' | 'shipping',
): PostalAddress | null {
  const addresses = company?.addresses ?? [];
  return (
    addresses.find((address) => address.kind === kind) ??
    addresses.find((address) => address.kind === 'headquarters') ??
    addresses[0] ??
    null
  );
}

/** The priced amounts of each line, merged into the rows they were priced from (same order). */
export function withLineAmounts(
  rows: readonly Omit<LineRow, 'subtotal' | 'discount' | 'net' | 'tax' | 'gross'>[],
  priced: PricedDocument,
): LineRow[] {
  return rows.map((row, index) => {
    const line = priced.lines[index];
    if (!line) throw new SellkitError('INVALID_STATE', `pricing lost line ${index}`);
    const { subtotal, discount, net, tax, gross } = line;
    return { ...row, subtotal, discount, net, tax, gross };
  });
}

/** The header fields a priced document fixes: its rounding, totals and tax summary as stored. */
export function documentTotals(priced: PricedDocument) {
  return {
    pricesIncludeTax: priced.pricesIncludeTax,
    taxRounding: priced.taxRounding,
    subtotal: priced.subtotal,
    discount: priced.discount,
    net: priced.net,
    tax: priced.tax,
    gross: priced.gross,
    taxSummary: priced.taxSummary.map((row) => ({
      categoryId: row.categoryId,
      rate: row.rate,
      treatment: row.treatment,
      base: row.base.toDecimal().toFixed(),
      tax: row.tax.toDecimal().toFixed(),
    })),
  };
}

/**
 * Prices a document: every product line at its price list (or the given unit price), its tax
 * category's rate in the jurisdiction on the document date, then `priceDocument` for exact
 * totals. Throws before anything is written: bad quantities or discounts
 * (`VALIDATION_FAILED`), an inactive product, a price list in another currency, a tax category
 * with no rate on the date (the catalog's errors).
 */
export async function priceDraft(ctx: OrdersContext, input: DocumentInput): Promise<PricedDraft> {
  checkShape(input);
  const { scope, options } = ctx;
  const catalog = scope.use(catalogHandle);
  const calendar = await scope.calendar();
  const on = input.date ?? calendar.today();
  if (input.date !== undefined) {
    try {
      calendar.daysBetween(on, on);
    } catch {
      throw validationError('date', 'must be a calendar date (YYYY-MM-DD)', 'invalid_date');
    }
  }
  const currency = input.currency ?? options.currency ?? catalog.currency;
  if (!currency) {
    throw validationError(
      'currency',
      'is required (no orders or catalog currency is set)',
      'required',
    );
  }
  const company = input.companyId
    ? await scope.use(customersHandle).companies.get(input.companyId)
    : null;
  const jurisdiction =
    input.jurisdiction ?? company?.country ?? options.jurisdiction(scope.tenantId) ?? null;

  const pricing: PricingLineInput[] = [];
  const rows: Omit<LineRow, 'subtotal' | 'discount' | 'net' | 'tax' | 'gross'>[] = [];
  let includesTax: boolean | null = input.pricesIncludeTax ?? null;
  let priceListId: string | null = input.priceListId ?? null;
  for (const [index, line] of input.lines.entries()) {
    const path = `lines.${index}`;
    const kind = line.kind ?? 'product';
    const quantity = line.quantity.trim();
    const product = line.productId ? await catalog.products.get(line.productId) : null;
    if (product && !product.active) {
      throw validationError(`${path}.productId`, `product ${product.sku} is inactive`, 'inactive', {
        model: 'product',
        id: product.id,
      });
    }
    let unitPrice = line.unitPrice?.trim();
    let unit = line.unit ?? product?.unit ?? null;
    if (unitPrice === undefined && product) {
      // An inactive product, or a price list in another currency, is the catalog's error.
      const price = await catalog.prices.priceFor({
        productId: product.id,
        currency,
        quantity,
        on,
        companyId: input.companyId ?? null,
        priceListId: input.priceListId ?? null,
      });
      unitPrice = price.unitPrice;
      unit = line.unit ?? price.unit ?? unit;
      priceListId ??= price.priceListId;
      if (includesTax === null) includesTax = price.pricesIncludeTax;
      else if (includesTax !== price.pricesIncludeTax) {
        throw validationError(
          `${path}.productId`,
          'mixes tax-inclusive and tax-exclusive prices in one document',
          'mixed_tax_inclusion',
        );
      }
    }
    const categoryId =
      line.taxCategoryId !== undefined ? line.taxCategoryId : (product?.taxCategoryId ?? null);
    const tax = await taxOf(catalog, categoryId, jurisdiction, on, `${path}.taxCategoryId`);
    const discount = line.discount ?? null;
    pricing.push({
      key: String(index),
      kind,
      quantity,
      unitPrice: unitPrice ?? '0',
      ...(discount ? { discount } : {}),
      tax,
    });
    rows.push({
      position: index,
      kind,
      productId: product?.id ?? null,
      sku: product?.sku ?? null,
      description: line.description ?? product?.name ?? null,
      quantity,
      unit,
      unitPrice: unitPrice ?? '0',
      lineDiscount: discount,
      taxCategoryId: tax.categoryId,
      taxRate: tax.rate,
      taxTreatment: tax.treatment,
      externalId: line.externalId ?? null,
    });
  }
  const priced = priceDocument({
    currency,
    pricesIncludeTax: includesTax ?? false,
    taxRounding: options.taxRounding(scope.tenantId),
    lines: pricing,
    ...(input.documentDiscount ? { documentDiscount: input.documentDiscount } : {}),
  });
  const lines = withLineAmounts(rows, priced);
  return {
    priced,
    lines,
    header: {
      title: input.title ?? null,
      companyId: input.companyId ?? null,
      contactId: input.contactId ?? null,
      opportunityId: input.opportunityId ?? null,
      ownerId: input.ownerId ?? company?.ownerId ?? scope.context.actor.id,
      currency,
      jurisdiction,
      documentDate: on,
      priceListId,
      documentDiscount: input.documentDiscount ?? null,
      ...documentTotals(priced),
      billingAddress: input.billingAddress ?? addressOf(company, 'billing'),
      shippingAddress: input.shippingAddress ?? addressOf(company, 'shipping'),
      notes: input.notes ?? null,
      externalId: input.externalId ?? null,
    },
  };
}

const UNTAXED: LineTax = Object.freeze({ categoryId: null, rate: '0', treatment: 'exempt' });

async function taxOf(
  catalog: CatalogService,
  categoryId: string | null,
  jurisdiction: string | null,
  on: string,
  path: string,
): Promise<LineTax> {
  if (categoryId === null) return UNTAXED;
  const taxes = catalog.taxes;
  if (!jurisdiction) {
    throw validationError(
      'jurisdiction',
      'is required to tax a line (no company country, no default)',
      'required',
    );
  }
  let rate: Awaited<ReturnType<CatalogService['taxes']['rateFor']>>;
  try {
    rate = await taxes.rateFor({ taxCategoryId: categoryId, jurisdiction, on });
  } catch (error) {
    if (!isSellkitError(error, 'NOT_FOUND')) throw error;
    throw validationError(path, `${error.message} (${jurisdiction}, ${on})`, 'no_rate', {
      cause: error,
    });
  }
  return { categoryId: rate.categoryId, rate: rate.rate, treatment: rate.treatment };
}

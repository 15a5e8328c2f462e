import type { Readable } from 'node:stream';
import type { Product } from '@sellkit/catalog';
import { isSellkitError, Money, SellkitError, validationError } from '@sellkit/core';
import {
  type CsvRow,
  dateLayoutReader,
  isPlainObject,
  readCsv,
  rejectImportRow,
  transactionOrDryRun,
} from '@sellkit/core/module';
import {
  type Company,
  company as companyModel,
  customersHandle,
  normalizeCompanyName,
} from '@sellkit/customers';
import type { PricedDraft } from '../documents/price-lines.js';
import { ORDER_STATUSES, type OrderStatus } from '../orders/order-model.js';
import { type OrdersContext, type OrdersScope, ordersModels } from '../shared/context.js';
import {
  ORDER_IMPORT_FIELDS,
  type OrderImportMapping,
  type OrderImportOptions,
  type OrderImportReport,
} from './import-types.js';
import { importLookups, priceGroup, RowFailure } from './price-group.js';
import { cellOf, checkSameOrder, type ParsedRow, parseRow } from './read-rows.js';
import { writeOrders } from './write-orders.js';

const CHUNK = 500;
const WRITE_BATCH = 2000;

function checkOptions(options: OrderImportOptions): OrderImportMapping {
  if (!isPlainObject(options) || !isPlainObject(options.mapping)) {
    throw validationError('mapping', 'is required: { orderId, date, quantity, ... }', 'required');
  }
  const mapping = options.mapping as OrderImportMapping;
  for (const [field, column] of Object.entries(mapping)) {
    if (!ORDER_IMPORT_FIELDS.some((known) => known === field)) {
      throw validationError(
        `mapping.${field}`,
        `is not a field (fields: ${ORDER_IMPORT_FIELDS.join(', ')})`,
        'unknown_field',
      );
    }
    if (typeof column !== 'string' || column.trim() === '') {
      throw validationError(`mapping.${field}`, 'must name a column', 'invalid_type');
    }
  }
  for (const field of ['orderId', 'date', 'quantity'] as const) {
    if (!mapping[field]) throw validationError(`mapping.${field}`, 'is required', 'required');
  }
  if (options.status !== undefined && !ORDER_STATUSES.includes(options.status)) {
    throw validationError(
      'status',
      `must be one of ${ORDER_STATUSES.join(', ')}`,
      'invalid_enum_value',
    );
  }
  return mapping;
}

interface Group {
  readonly externalId: string;
  readonly rows: CsvRow[];
}

/** Rejects every row of an order: the failing row with its reason, the others pointing to it. */
function rejectGroup(
  report: OrderImportReport,
  group: Group,
  failedLine: number,
  error: unknown,
  mapping: OrderImportMapping,
): void {
  const columns: Record<string, string> = { ...mapping };
  for (const row of group.rows) {
    if (row.line === failedLine) rejectImportRow(report, row.line, error, { columns });
    else {
      report.rejected.push({
        line: row.line,
        field: null,
        column: null,
        code: 'VALIDATION_FAILED',
        reason: `order ${group.externalId} was not imported: line ${failedLine} was rejected`,
      });
    }
  }
  report.orders.rejected += 1;
}

async function findCompanies(scope: OrdersScope, names: readonly string[]) {
  const byKey = new Map<string, Company[]>();
  const keys = [...new Set(names.map((name) => normalizeCompanyName(name)))].filter(Boolean);
  // internal: matching by name sees every company, or an import would duplicate what the actor
  // cannot see (companies it creates go through the customers service and its checks)
  const companies = scope.internal(scope.model(companyModel.name) as typeof companyModel);
  for (let start = 0; start < keys.length; start += CHUNK) {
    const page = await companies.find({
      where: { nameKey: { in: keys.slice(start, start + CHUNK) } },
      limit: 10_000,
    });
    for (const found of page.rows) {
      const key = found.nameKey ?? '';
      byKey.set(key, [...(byKey.get(key) ?? []), found]);
    }
  }
  return byKey;
}

/**
 * Imports orders from a CSV export of another system, one row per order line, grouped by the
 * `orderId` column (kept as the order's `externalId`, so running the same file again creates
 * nothing new). Dates may mix the configured layouts; amounts stay exact; companies and
 * products are matched by name (or created with `createMissing`). Imported orders get
 * `source: 'import'`, the file's status (default `closed`) and no events: history does not go
 * to the warehouse again. Everything is one transaction (rolled back on `dryRun`).
 */
export async function importOrders(
  ctx: OrdersContext,
  source: string | Readable,
  options: OrderImportOptions,
): Promise<OrderImportReport> {
  const mapping = checkOptions(options);
  const dates = dateLayoutReader(options.dateLayouts ?? ['yyyy-MM-dd']);
  const report: OrderImportReport = {
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    orders: { created: 0, unchanged: 0, rejected: 0 },
    createdCompanies: 0,
    createdProducts: 0,
    dryRun: options.dryRun === true,
  };
  const groups = new Map<string, Group>();
  const columns = [...new Set(Object.values(mapping).filter((c): c is string => !!c))];
  for await (const row of readCsv(source, {
    requiredColumns: columns,
    progressEvery: 5000,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  })) {
    report.total += 1;
    const id = cellOf(row, mapping, 'orderId');
    if (id === '') {
      rejectImportRow(
        report,
        row.line,
        validationError('orderId', 'is required', 'required', { column: mapping.orderId }),
      );
      continue;
    }
    const group = groups.get(id) ?? { externalId: id, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return transactionOrDryRun(ctx.scope, options, async (tx) => {
    const inner: OrdersContext = { ...ctx, scope: tx };
    await run(inner, [...groups.values()], mapping, dates, options, report);
    return report;
  });
}

async function run(
  ctx: OrdersContext,
  groups: readonly Group[],
  mapping: OrderImportMapping,
  dates: ReturnType<typeof dateLayoutReader>,
  options: OrderImportOptions,
  report: OrderImportReport,
): Promise<void> {
  const { scope } = ctx;
  // internal: the idempotency check must see orders the actor cannot read
  const orders = scope.internal(ordersModels(scope).salesOrder);
  const existing = new Set<string>();
  for (let start = 0; start < groups.length; start += CHUNK) {
    const ids = groups.slice(start, start + CHUNK).map((group) => group.externalId);
    const page = await orders.find({ where: { externalId: { in: ids } }, limit: CHUNK });
    for (const order of page.rows) if (order.externalId) existing.add(order.externalId);
  }
  const parsed: { group: Group; rows: ParsedRow[] }[] = [];
  for (const group of groups) {
    if (existing.has(group.externalId)) {
      report.unchanged += group.rows.length;
      report.orders.unchanged += 1;
      continue;
    }
    let current: CsvRow | undefined;
    try {
      const rows: ParsedRow[] = [];
      for (const row of group.rows) {
        current = row;
        const one = parseRow(row, mapping, dates);
        if (rows[0]) checkSameOrder(rows[0], one, mapping);
        rows.push(one);
      }
      parsed.push({ group, rows });
    } catch (error) {
      rejectGroup(report, group, current?.line ?? 0, error, mapping);
    }
  }
  const catalog = importLookups(ctx);
  const currency = options.currency ?? ctx.options.currency ?? catalog.catalog.currency;
  const products = await resolveProducts(ctx, parsed, options, report, currency);
  const companies = await resolveCompanies(ctx, parsed, options, report);
  // Orders are priced and written a batch at a time, so a long file never holds every order.
  let drafts: { draft: PricedDraft; status: OrderStatus; rows: number }[] = [];
  const flush = async () => {
    await writeOrders(scope, drafts);
    for (const done of drafts) {
      report.created += done.rows;
      report.orders.created += 1;
    }
    drafts = [];
  };
  for (const { group, rows } of parsed) {
    try {
      const first = rows[0];
      if (!first) continue;
      const company = first.company === null ? null : companies.get(first.company);
      if (company instanceof SellkitError) throw new RowFailure(first.line, company);
      const rowProducts = rows.map((row) => {
        if (row.product === null) return null;
        const found = products.get(row.product);
        if (!found) {
          throw new RowFailure(
            row.line,
            validationError(
              'product',
              `no product is named "${row.product.slice(0, 80)}"`,
              'not_found',
              {
                column: mapping.product ?? null,
              },
            ),
          );
        }
        if (!found.active) {
          throw new RowFailure(
            row.line,
            validationError('product', `product ${found.sku} is inactive`, 'inactive', {
              column: mapping.product ?? null,
            }),
          );
        }
        return found;
      });
      const orderCurrency = first.currency ?? currency;
      if (!orderCurrency) {
        throw new RowFailure(
          first.line,
          validationError('currency', 'is required (no column, option or default)', 'required'),
        );
      }
      const draft = await priceGroup(
        ctx,
        catalog,
        {
          externalId: group.externalId,
          rows,
          company: company ?? null,
          products: rowProducts,
          currency: orderCurrency,
        },
        options.pricesIncludeTax === true,
      );
      drafts.push({ draft, status: first.status ?? options.status ?? 'closed', rows: rows.length });
      if (drafts.length >= WRITE_BATCH) await flush();
    } catch (error) {
      if (!(error instanceof RowFailure)) throw error;
      rejectGroup(report, group, error.line, error.error, mapping);
    }
  }
  await flush();
}

async function resolveProducts(
  ctx: OrdersContext,
  parsed: readonly { rows: readonly ParsedRow[] }[],
  options: OrderImportOptions,
  report: OrderImportReport,
  currency: string | null,
): Promise<Map<string, Product>> {
  const catalog = importLookups(ctx).catalog;
  const names = new Map<string, ParsedRow>();
  for (const { rows } of parsed)
    for (const row of rows) if (row.product) names.set(row.product, row);
  const found = await catalog.products.resolveMany([...names.keys()]);
  const products = new Map<string, Product>();
  for (const [name, row] of names) {
    // A name that differs only in spelling from one created just before resolves to it.
    let product =
      found.get(name) ?? (options.createMissing ? await catalog.products.resolve(name) : null);
    const rowCurrency = row.currency ?? currency;
    if (!product && options.createMissing && rowCurrency) {
      // The list price is the first price the file shows, rounded to the currency.
      try {
        product = await catalog.products.create({
          name,
          listPrice: Money.of(row.unitPrice ?? '0', rowCurrency, { rounding: 'half-even' }),
        });
        report.createdProducts += 1;
      } catch (error) {
        // A name the catalog refuses stays unresolved: its rows are rejected as unknown.
        if (!isSellkitError(error)) throw error;
      }
    }
    if (product) products.set(name, product);
  }
  return products;
}

async function resolveCompanies(
  ctx: OrdersContext,
  parsed: readonly { rows: readonly ParsedRow[] }[],
  options: OrderImportOptions,
  report: OrderImportReport,
): Promise<Map<string, Company | SellkitError>> {
  const names = new Set<string>();
  for (const { rows } of parsed) if (rows[0]?.company) names.add(rows[0].company);
  const byKey = await findCompanies(ctx.scope, [...names]);
  const result = new Map<string, Company | SellkitError>();
  for (const name of names) {
    const key = normalizeCompanyName(name);
    const matches = byKey.get(key) ?? [];
    if (matches.length === 1 && matches[0]) result.set(name, matches[0]);
    else if (matches.length > 1) {
      result.set(
        name,
        validationError(
          'company',
          `"${name.slice(0, 80)}" matches ${matches.length} companies`,
          'ambiguous',
        ),
      );
    } else if (options.createMissing) {
      try {
        const created = await ctx.scope.use(customersHandle).companies.create({ name });
        byKey.set(key, [created]);
        report.createdCompanies += 1;
        result.set(name, created);
      } catch (error) {
        if (!isSellkitError(error)) throw error;
        result.set(name, error);
      }
    } else {
      result.set(
        name,
        validationError('company', `no company is named "${name.slice(0, 80)}"`, 'not_found'),
      );
    }
  }
  return result;
}

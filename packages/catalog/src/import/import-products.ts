import type { Readable } from 'node:stream';
import { isCurrencyCode, Money, readCsv, SellkitError } from '@sellkit/core';
import {
  type ImportRowError,
  type ImportRowsReport,
  importRowsReport,
  issueList,
  rejectImportRow,
  transactionOrDryRun,
} from '@sellkit/core/module';
import { productKey, skuFromName } from '../products/normalize.js';
import { prepareProductCreate, prepareProductPatch } from '../products/product-input.js';
import { type Product, product } from '../products/product-model.js';
import { type CatalogContext, within } from '../shared/context.js';

/** Product fields an import can fill, and the CSV column each one reads. */
export interface ProductColumnMapping {
  name: string;
  listPrice: string;
  sku?: string;
  series?: string;
  category?: string;
  unit?: string;
  externalId?: string;
  description?: string;
}

/** Options of `importProducts`. */
export interface ProductImportOptions {
  /** The currency of the price column (default: the catalog's currency, else required). */
  currency?: string;
  /** Column names; the default reads Maven CRM's `products.csv` (product, series, sales_price). */
  mapping?: Partial<ProductColumnMapping>;
  /** Check everything, write nothing. */
  dryRun?: boolean;
  onProgress?: (progress: ProductImportProgress) => void;
}

/** Progress of an import. */
export interface ProductImportProgress {
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

/**
 * One refused row: its line in the file, the field (its whole path, `listPrice.amount`) and
 * column at fault, the error code and why. The core import row error.
 */
export type RejectedRow = ImportRowError;

/** What an import did. Every row is counted once: total = created + updated + unchanged + rejected. */
export interface ProductImportReport extends ImportRowsReport {
  readonly dryRun: boolean;
}

const DEFAULT_MAPPING: ProductColumnMapping = {
  name: 'product',
  listPrice: 'sales_price',
  sku: 'sku',
  series: 'series',
  category: 'category',
  unit: 'unit',
  externalId: 'external_id',
  description: 'description',
};

const COMPARED = [
  'name',
  'sku',
  'series',
  'category',
  'unit',
  'externalId',
  'description',
] as const;

function rowInput(
  values: Readonly<Record<string, string>>,
  mapping: ProductColumnMapping,
  currency: string,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [fieldName, column] of Object.entries(mapping)) {
    if (column === undefined || !(column in values) || fieldName === 'listPrice') continue;
    const cell = values[column] ?? '';
    if (cell !== '') input[fieldName] = cell;
  }
  const price = values[mapping.listPrice] ?? '';
  // Refused by prepareProductWrite/storage with a field path when it is not a decimal.
  input.listPrice = price === '' ? undefined : { amount: price, currency };
  return input;
}

function sameAs(existing: Product, data: Record<string, unknown>): boolean {
  for (const name of COMPARED) {
    if (name in data && (existing[name] ?? null) !== (data[name] ?? null)) return false;
  }
  const price = data.listPrice;
  if (price === undefined) return true;
  const money = Money.isMoney(price)
    ? price
    : Money.of((price as { amount: string }).amount, (price as { currency: string }).currency);
  return money.equals(existing.listPrice);
}

/**
 * Imports products from a CSV file: new SKUs are created, known ones updated, identical ones
 * counted as unchanged (so re-importing is harmless). Each row succeeds or fails alone.
 *
 * @example
 * ```ts
 * const report = await admin.catalog.importProducts('products.csv', { currency: 'USD' });
 * report.created; // 7
 * ```
 */
export async function importProducts(
  ctx: CatalogContext,
  source: string | Readable,
  options: ProductImportOptions = {},
): Promise<ProductImportReport> {
  const currency = options.currency ?? ctx.options.currency;
  if (!isCurrencyCode(currency)) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      'importProducts needs the currency of the price column',
      { issues: [{ path: 'currency', message: 'must be an ISO 4217 code', reason: 'required' }] },
    );
  }
  const mapping: ProductColumnMapping = { ...DEFAULT_MAPPING, ...options.mapping };
  const report: ProductImportReport = { ...importRowsReport(), dryRun: options.dryRun === true };
  const columns: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) if (column) columns[field] = column;
  const work = async (tx: CatalogContext['scope']) => {
    for await (const row of readCsv(source, {
      requiredColumns: [mapping.name, mapping.listPrice],
    })) {
      report.total += 1;
      const input = rowInput(row.values, mapping, currency);
      try {
        await tx.transaction(async (inner) => {
          const nameCell = typeof input.name === 'string' ? input.name : '';
          const sku = typeof input.sku === 'string' ? input.sku : skuFromName(nameCell);
          // internal: match the row's SKU across the tenant (an import is a bulk job)
          const found = await inner.internal(product).find({
            where: { skuKey: productKey(sku) },
            limit: 1,
          });
          const existing = found.rows[0];
          const service = within(ctx, inner);
          if (!existing) {
            const issues = issueList();
            const data = await prepareProductCreate(service, input, issues);
            issues.throwIfAny({ model: 'product' });
            const created = await inner.records(product).create(data);
            await inner.emit('product.created', { product: created });
            report.created += 1;
            return;
          }
          const issues = issueList();
          const data = await prepareProductPatch(service, input, existing, issues);
          issues.throwIfAny({ model: 'product', id: existing.id });
          if (sameAs(existing, data)) {
            report.unchanged += 1;
            return;
          }
          const after = await inner
            .records(product)
            .update(existing.id, data, { current: existing });
          await inner.emit('product.updated', { product: after, changed: Object.keys(input) });
          report.updated += 1;
        });
      } catch (error) {
        rejectImportRow(report, row.line, error, { columns, fullPath: true });
      }
      options.onProgress?.({
        rows: report.total,
        created: report.created,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected.length,
      });
    }
  };
  await transactionOrDryRun(ctx.scope, options, work);
  return report;
}

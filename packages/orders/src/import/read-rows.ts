import { isCurrencyCode, toDecimal, validationError } from '@sellkit/core';
import type { CsvRow, DateLayoutReader } from '@sellkit/core/module';
import { ORDER_STATUSES, type OrderStatus } from '../orders/order-model.js';
import type { OrderImportField, OrderImportMapping } from './import-types.js';

/** One order-line row read and checked, before companies, products and prices are looked up. */
export interface ParsedRow {
  readonly line: number;
  readonly date: string;
  readonly company: string | null;
  readonly product: string | null;
  readonly description: string | null;
  readonly quantity: string;
  readonly unit: string | null;
  /** Exact, as written (thousands separators dropped): may carry more decimals than the currency. */
  readonly unitPrice: string | null;
  readonly discountPercent: string | null;
  readonly currency: string | null;
  readonly status: OrderStatus | null;
  readonly title: string | null;
  readonly lineId: string | null;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
/** The unit price column's scale: more decimals than this cannot be kept exactly. */
const PRICE_SCALE = 8;

/** A cell of the row by field ('' when unmapped or empty). */
export function cellOf(row: CsvRow, mapping: OrderImportMapping, field: OrderImportField): string {
  const column = mapping[field];
  return column === undefined ? '' : (row.values[column] ?? '').trim();
}

function decimalCell(text: string, field: string, column: string | undefined): string {
  const plain = GROUPED.test(text) ? text.replaceAll(',', '') : text;
  if (!NUMBER.test(plain)) {
    throw validationError(field, `must be a number (got "${text.slice(0, 40)}")`, 'invalid_type', {
      column: column ?? null,
    });
  }
  return toDecimal(plain).toFixed();
}

/**
 * Reads one CSV row into a {@link ParsedRow}: the date against the configured layouts (an
 * ambiguous or unreadable value is an error, never a guess), quantities and prices as exact
 * decimals. Throws `VALIDATION_FAILED` naming the field and the column.
 */
export function parseRow(
  row: CsvRow,
  mapping: OrderImportMapping,
  dates: DateLayoutReader,
): ParsedRow {
  const cell = (field: OrderImportField) => cellOf(row, mapping, field);
  const fail = (field: OrderImportField, message: string, code: string): never => {
    throw validationError(field, message, code, { column: mapping[field] ?? null });
  };
  const rawDate = cell('date');
  const reading = dates.read(rawDate);
  if (!reading.ok) {
    if (reading.reason === 'ambiguous') {
      const candidates = reading.candidates.map((c) => `${c.date} (${c.layout})`).join(' or ');
      fail('date', `"${rawDate}" is ambiguous: ${candidates}`, 'ambiguous_date');
    }
    fail(
      'date',
      `"${rawDate.slice(0, 40)}" matches none of ${dates.layouts.join(', ')}`,
      'invalid_date',
    );
  }
  const date = reading.ok ? reading.date : '';
  const quantity = decimalCell(cell('quantity'), 'quantity', mapping.quantity);
  if (!toDecimal(quantity).greaterThan(0)) fail('quantity', 'must be more than 0', 'too_small');
  const priceText = cell('unitPrice');
  const unitPrice =
    priceText === '' ? null : decimalCell(priceText, 'unitPrice', mapping.unitPrice);
  if (unitPrice !== null) {
    if (toDecimal(unitPrice).isNegative()) fail('unitPrice', 'must not be negative', 'too_small');
    if (toDecimal(unitPrice).decimalPlaces() > PRICE_SCALE) {
      fail('unitPrice', `has more than ${PRICE_SCALE} decimals`, 'too_precise');
    }
  }
  const discountText = cell('discountPercent').replace(/%$/, '').trim();
  const discountPercent =
    discountText === ''
      ? null
      : decimalCell(discountText, 'discountPercent', mapping.discountPercent);
  if (
    discountPercent !== null &&
    (toDecimal(discountPercent).isNegative() || toDecimal(discountPercent).greaterThan(100))
  ) {
    fail('discountPercent', 'must be from 0 to 100', 'out_of_range');
  }
  const currency = cell('currency').toUpperCase() || null;
  if (currency !== null && !isCurrencyCode(currency)) {
    fail(
      'currency',
      `${String(currency).slice(0, 10)} is not an ISO 4217 code`,
      'invalid_enum_value',
    );
  }
  const statusText = cell('status').toLowerCase().replaceAll(' ', '-').replaceAll('_', '-');
  const status = statusText === '' ? null : ORDER_STATUSES.find((s) => s === statusText);
  if (status === undefined) {
    fail('status', `must be one of ${ORDER_STATUSES.join(', ')}`, 'invalid_enum_value');
  }
  const product = cell('product') || null;
  const description = cell('description') || null;
  if (product === null && (description === null || unitPrice === null)) {
    fail('product', 'is required (or give a description and a unit price)', 'required');
  }
  return {
    line: row.line,
    date,
    company: cell('company') || null,
    product,
    description,
    quantity,
    unit: cell('unit') || null,
    unitPrice,
    discountPercent,
    currency,
    status: status ?? null,
    title: cell('title') || null,
    lineId: cell('lineId') || null,
  };
}

/**
 * Checks that the rows of one order agree on what belongs to the order (date, company,
 * currency, status): the first row decides, a later row that says otherwise is an error.
 */
export function checkSameOrder(first: ParsedRow, row: ParsedRow, mapping: OrderImportMapping) {
  for (const field of ['date', 'company', 'currency', 'status'] as const) {
    const value = row[field];
    if (value !== null && value !== first[field]) {
      throw validationError(
        field,
        `"${String(value).slice(0, 60)}" differs from line ${first.line} of the same order ("${String(first[field]).slice(0, 60)}")`,
        'inconsistent_order',
        { column: mapping[field] ?? null },
      );
    }
  }
}

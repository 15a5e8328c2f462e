import type { CsvProgress, DateLayout, ImportRowsReport } from '@sellkit/core/module';
import type { OrderStatus } from '../orders/order-model.js';

/**
 * The fields an order-line row can fill. `orderId` (the other system's order number, kept as
 * the order's `externalId`), `date` and `quantity` are required; every other one is optional.
 */
export const ORDER_IMPORT_FIELDS = [
  'orderId',
  'date',
  'company',
  'product',
  'description',
  'quantity',
  'unit',
  'unitPrice',
  'discountPercent',
  'currency',
  'status',
  'title',
  'lineId',
] as const;

/** A field of an order-line row. */
export type OrderImportField = (typeof ORDER_IMPORT_FIELDS)[number];

/** Field → CSV column. */
export type OrderImportMapping = Readonly<Partial<Record<OrderImportField, string>>>;

/** What `orders.importOrders` takes beside the file. */
export interface OrderImportOptions {
  /** Which column holds which field (`orderId`, `date` and `quantity` at least). */
  readonly mapping: OrderImportMapping;
  /**
   * The date layouts the `date` column may mix (`yyyy-MM-dd`, `dd/MM/yyyy`, `MM/dd/yyyy`...),
   * detected per value; a value several layouts read differently (`03/04/2017`) is a row
   * error, never a guess. Default `['yyyy-MM-dd']`.
   */
  readonly dateLayouts?: readonly DateLayout[];
  /** The currency when the file has no currency column (default: the orders/catalog currency). */
  readonly currency?: string;
  /** Create companies and products the file names but the tenant lacks (default false: row error). */
  readonly createMissing?: boolean;
  /** The state imported orders get when the file has no status column (default `closed`). */
  readonly status?: OrderStatus;
  /** Whether the file's unit prices include tax (default false). */
  readonly pricesIncludeTax?: boolean;
  /** Check and count everything, write nothing. */
  readonly dryRun?: boolean;
  /** Called while the file is read (every 5,000 rows and at the end). */
  readonly onProgress?: (progress: CsvProgress) => void;
}

/** Orders counted by what the import did with them. */
export interface OrderImportOrderCounts {
  created: number;
  /** Already imported by an earlier run (same `orderId`): left as they are. */
  unchanged: number;
  rejected: number;
}

/**
 * What an order import did. Every data row (one order line) is counted exactly once:
 * `total = created + unchanged + rejected.length` (`updated` stays 0: an imported order is
 * never changed by a re-run). An order with one bad row is rejected whole, each of its rows
 * listed with its reason.
 */
export interface OrderImportReport extends ImportRowsReport {
  readonly orders: OrderImportOrderCounts;
  /** Companies and products created by name (`createMissing`). */
  createdCompanies: number;
  createdProducts: number;
  readonly dryRun: boolean;
}

import type { ModuleScope } from '@sellkit/core';
import { ordersHandle } from '@sellkit/orders';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';
import type { CellDisplay, Report } from '../output/report.js';
import { defineTables } from '../output/table.js';
import { keyText } from './names.js';

/** Shows a stored order state in the reader's words. */
function stateName(messages: Messages): CellDisplay {
  return (value, localisation) =>
    localisation.messages.ordersReport.states[String(value)] ??
    messages.ordersReport.states[String(value)] ??
    String(value);
}

function tablesFor(messages: Messages) {
  const label = messages.ordersReport.columns;
  return defineTables({
    ...Object.fromEntries(Object.entries(label).map(([key, text]) => [key, { label: text }])),
    status: { label: label.status, display: stateName(messages) },
    month: { kind: 'month', label: label.month },
    orders: { kind: 'integer', label: label.orders },
    lines: { kind: 'integer', label: label.lines },
    quantity: { kind: 'decimal', label: label.quantity },
    net: { kind: 'money', label: label.net },
    tax: { kind: 'money', label: label.tax },
    gross: { kind: 'money', label: label.gross },
  });
}

/**
 * The orders report: orders by state, ordered amounts per month and per product, each computed
 * by the orders module's storage aggregates (`orders.reports`). Titles and labels come from
 * `options.messages` (English unless told).
 *
 * @example
 * ```ts
 * const report = await buildOrdersReport(scope, { tenantId: 'acme' });
 * report.sections.map((section) => section.id); // ['byState', 'byMonth', 'byProduct']
 * ```
 */
export async function buildOrdersReport(
  scope: ModuleScope,
  options: { readonly tenantId: string; readonly messages?: Messages },
): Promise<Report> {
  const messages = options.messages ?? en;
  const text = messages.ordersReport;
  const table = tablesFor(messages);
  const sales = scope.use(ordersHandle);
  const [byState, byMonth, byProduct, quotes] = await Promise.all([
    sales.reports.byState(),
    sales.reports.byMonth(),
    sales.reports.byProduct(),
    scope.records(scope.model('quote')).count(),
  ]);
  const orders = byState.reduce((sum, row) => sum + row.orders, 0);
  return {
    id: 'orders',
    title: text.title,
    facts: { tenant: options.tenantId, orders, quotes },
    factLines: [
      { label: text.facts.tenant, value: options.tenantId },
      { label: text.facts.orders, value: orders, kind: 'integer' },
      { label: text.facts.quotes, value: quotes, kind: 'integer' },
    ],
    sections: [
      table(
        'byState',
        text.sections.byState,
        ['status', 'orders', 'net', 'gross', 'currency'],
        byState.map((row) => ({
          status: row.status,
          orders: row.orders,
          net: row.net.toString(),
          gross: row.gross.toString(),
          currency: row.currency,
        })),
      ),
      table(
        'byMonth',
        text.sections.byMonth,
        ['month', 'orders', 'net', 'tax', 'gross', 'currency'],
        byMonth.map((row) => ({
          month: row.month,
          orders: row.orders,
          net: row.net.toString(),
          tax: row.tax.toString(),
          gross: row.gross.toString(),
          currency: row.currency,
        })),
      ),
      table(
        'byProduct',
        text.sections.byProduct,
        ['product', 'lines', 'quantity', 'net', 'currency'],
        byProduct.map((row) => ({
          product: keyText(row.sku),
          lines: row.lines,
          quantity: row.quantity,
          net: row.net.toString(),
          currency: row.currency,
        })),
      ),
    ],
  };
}

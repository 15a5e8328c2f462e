import {
  type CalendarUnit,
  type FindQuery,
  type Money,
  type Page,
  validationError,
} from '@sellkit/core';
import { CALENDAR_UNITS } from '@sellkit/core/module';
import type { OrderStatus, SalesOrder } from '../orders/order-model.js';
import { type OrdersContext, ordersModels } from '../shared/context.js';

/** The states that count as ordered: confirmed and everything after it but cancelled. */
export const ORDERED_STATES: readonly OrderStatus[] = [
  'confirmed',
  'partially-shipped',
  'shipped',
  'delivered',
  'closed',
];

/** What `orders.customers.totals` takes. */
export interface OrderTotalsQuery {
  /** The tenant-calendar period (`month` by default; `quarter`, `year`, `fiscalYear`...). */
  readonly unit?: CalendarUnit;
  /** Only this company's orders. */
  readonly companyId?: string;
  /** First and last order dates counted (calendar dates, inclusive). */
  readonly from?: string;
  readonly to?: string;
}

/** One period's total: orders counted and amounts, per currency. */
export interface OrderTotalsRow {
  /** The tenant calendar's period key (`2026-03`, `2026-Q1`, `FY2026`). */
  readonly period: string;
  readonly currency: string;
  readonly orders: number;
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
}

/** A company's orders, newest first (what the actor may read). */
export function companyOrders(
  ctx: OrdersContext,
  companyId: string,
  page: Pick<FindQuery<SalesOrder>, 'limit' | 'after'> = {},
): Promise<Page<SalesOrder>> {
  if (typeof companyId !== 'string' || companyId.length === 0) {
    throw validationError('companyId', 'is required', 'required');
  }
  return ctx.scope.records(ordersModels(ctx.scope).salesOrder).find({
    where: { companyId },
    orderBy: [
      { field: 'documentDate', direction: 'desc' },
      { field: 'id', direction: 'desc' },
    ],
    limit: page.limit ?? 50,
    ...(page.after ? { after: page.after } : {}),
  });
}

/**
 * Totals ordered per tenant-calendar period (confirmed orders onwards, cancelled ones left
 * out), per currency, oldest period first. Amounts are exact sums of the orders' totals,
 * computed by one storage aggregate (never by loading the orders).
 */
export async function orderTotals(
  ctx: OrdersContext,
  query: OrderTotalsQuery = {},
): Promise<OrderTotalsRow[]> {
  if (query === null || typeof query !== 'object') {
    throw validationError('', 'a query must be an object', 'invalid_type');
  }
  const unit: CalendarUnit = query.unit ?? 'month';
  if (!CALENDAR_UNITS.includes(unit)) {
    throw validationError(
      'unit',
      `must be one of ${CALENDAR_UNITS.join(', ')}`,
      'invalid_enum_value',
    );
  }
  const { scope } = ctx;
  const calendar = await scope.calendar();
  const dates = {
    ...(query.from ? { gte: query.from } : {}),
    ...(query.to ? { lte: query.to } : {}),
  };
  const where = {
    status: { in: [...ORDERED_STATES] },
    ...(query.companyId ? { companyId: query.companyId } : {}),
    ...(query.from || query.to ? { documentDate: dates } : {}),
  };
  // One aggregate by order date and currency; the dates fold into the tenant's periods here
  // (a fiscal quarter or a week is not a storage bucket). At most one row per day and currency.
  const rows = await scope.records(ordersModels(scope).salesOrder).aggregate({
    where,
    groupBy: ['documentDate', 'net.currency', 'tax.currency', 'gross.currency'],
    measures: {
      orders: { fn: 'count' },
      net: { fn: 'sum', field: 'net' },
      tax: { fn: 'sum', field: 'tax' },
      gross: { fn: 'sum', field: 'gross' },
    },
  });
  const groups = new Map<string, OrderTotalsRow>();
  for (const row of rows) {
    const net = row.net as Money;
    const tax = row.tax as Money;
    const gross = row.gross as Money;
    const period = calendar.periodKey(unit, String(row.documentDate));
    const key = `${period}|${net.currency}`;
    const group = groups.get(key);
    groups.set(
      key,
      group
        ? {
            ...group,
            orders: group.orders + Number(row.orders),
            net: group.net.add(net),
            tax: group.tax.add(tax),
            gross: group.gross.add(gross),
          }
        : { period, currency: net.currency, orders: Number(row.orders), net, tax, gross },
    );
  }
  return [...groups.values()].sort((a, b) =>
    a.period === b.period ? a.currency.localeCompare(b.currency) : a.period.localeCompare(b.period),
  );
}

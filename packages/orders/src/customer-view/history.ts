import {
  type CalendarUnit,
  type FindQuery,
  Money,
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
 * out), per currency, oldest period first. Amounts are exact sums of the orders' totals.
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
  const groups = new Map<
    string,
    { period: string; currency: string; orders: number; net: Money; tax: Money; gross: Money }
  >();
  let after: string | undefined;
  do {
    const page = await scope.records(ordersModels(scope).salesOrder).find({
      where,
      select: ['documentDate', 'currency', 'net', 'tax', 'gross'],
      limit: 1000,
      ...(after ? { after } : {}),
    });
    for (const order of page.rows) {
      const period = calendar.periodKey(unit, order.documentDate);
      const key = `${period}|${order.currency}`;
      const group = groups.get(key) ?? {
        period,
        currency: order.currency,
        orders: 0,
        net: Money.zero(order.currency),
        tax: Money.zero(order.currency),
        gross: Money.zero(order.currency),
      };
      group.orders += 1;
      group.net = group.net.add(order.net);
      group.tax = group.tax.add(order.tax);
      group.gross = group.gross.add(order.gross);
      groups.set(key, group);
    }
    after = page.nextCursor ?? undefined;
  } while (after);
  return [...groups.values()].sort((a, b) =>
    a.period === b.period ? a.currency.localeCompare(b.currency) : a.period.localeCompare(b.period),
  );
}

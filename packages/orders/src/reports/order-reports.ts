import { Money, toDecimal, validationError } from '@sellkit/core';
import { isCalendarDate } from '@sellkit/core/module';
import { ORDERED_STATES } from '../customer-view/history.js';
import { ORDER_STATUSES, type OrderStatus } from '../orders/order-model.js';
import { type OrdersContext, ordersModels } from '../shared/context.js';

/** What every orders report takes: an inclusive range of order dates (tenant calendar). */
export interface OrdersReportQuery {
  readonly from?: string;
  readonly to?: string;
}

/** Orders in one state and currency. */
export interface OrdersByStateRow {
  readonly status: OrderStatus;
  readonly currency: string;
  readonly orders: number;
  readonly net: Money;
  readonly gross: Money;
}

/** Ordered amounts of one month (`2026-03`) and currency; drafts, pending and cancelled orders left out. */
export interface OrdersByMonthRow {
  readonly month: string;
  readonly currency: string;
  readonly orders: number;
  readonly net: Money;
  readonly tax: Money;
  readonly gross: Money;
}

/** What was ordered of one product (null: lines without a product) in one currency. */
export interface OrdersByProductRow {
  readonly productId: string | null;
  readonly sku: string | null;
  readonly currency: string;
  readonly lines: number;
  /** Exact decimal string. */
  readonly quantity: string;
  readonly net: Money;
}

/** The orders reports, computed by storage aggregates (`orders.reports`). */
export interface OrdersReportService {
  /** Every order by state and currency, in the order of the states. */
  byState(query?: OrdersReportQuery): Promise<OrdersByStateRow[]>;
  /** Ordered amounts (confirmed onwards, not cancelled) per month of the order date. */
  byMonth(query?: OrdersReportQuery): Promise<OrdersByMonthRow[]>;
  /** Ordered quantities and net amounts per product, largest net first. */
  byProduct(query?: OrdersReportQuery): Promise<OrdersByProductRow[]>;
}

const CHUNK = 500;

function datesWhere(query: OrdersReportQuery | undefined) {
  if (query === undefined) return {};
  if (query === null || typeof query !== 'object') {
    throw validationError('', 'a query must be an object', 'invalid_type');
  }
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !isCalendarDate(value)) {
      throw validationError(key, 'must be a calendar date (YYYY-MM-DD)', 'invalid_date');
    }
  }
  if (!query.from && !query.to) return {};
  return {
    documentDate: {
      ...(query.from ? { gte: query.from } : {}),
      ...(query.to ? { lte: query.to } : {}),
    },
  };
}

const money = (value: unknown, currency: string) =>
  Money.isMoney(value) ? value : Money.zero(currency);

/**
 * The orders reports of one scope: by state, by month, by product. Orders are read with the
 * actor's access (a rep sees their own); lines are summed only for the orders counted.
 *
 * @example
 * ```ts
 * const reports = scope.use(ordersHandle).reports; // built by createOrdersReports
 * const months = await reports.byMonth({ from: '2026-01-01' });
 * months[0]; // { month: '2026-01', currency: 'CNY', orders: 12, net, tax, gross }
 * ```
 */
export function createOrdersReports(ctx: OrdersContext): OrdersReportService {
  const { scope } = ctx;
  const models = ordersModels(scope);
  const orders = () => scope.records(models.salesOrder);
  return {
    async byState(query) {
      const groups = await orders().aggregate({
        where: datesWhere(query),
        groupBy: ['status', 'gross.currency'],
        measures: {
          orders: { fn: 'count' },
          net: { fn: 'sum', field: 'net' },
          gross: { fn: 'sum', field: 'gross' },
        },
      });
      const rank = (status: string) => ORDER_STATUSES.indexOf(status as OrderStatus);
      return groups
        .map((group) => {
          const currency = String(group['gross.currency']);
          return {
            status: group.status as OrderStatus,
            currency,
            orders: Number(group.orders),
            net: money(group.net, currency),
            gross: money(group.gross, currency),
          };
        })
        .sort((a, b) => rank(a.status) - rank(b.status) || a.currency.localeCompare(b.currency));
    },
    async byMonth(query) {
      const groups = await orders().aggregate({
        where: { ...datesWhere(query), status: { in: [...ORDERED_STATES] } },
        groupBy: [{ field: 'documentDate', bucket: 'month', as: 'month' }, 'gross.currency'],
        measures: {
          orders: { fn: 'count' },
          net: { fn: 'sum', field: 'net' },
          tax: { fn: 'sum', field: 'tax' },
          gross: { fn: 'sum', field: 'gross' },
        },
        orderBy: [{ key: 'month', direction: 'asc' }],
      });
      return groups.map((group) => {
        const currency = String(group['gross.currency']);
        return {
          month: String(group.month),
          currency,
          orders: Number(group.orders),
          net: money(group.net, currency),
          tax: money(group.tax, currency),
          gross: money(group.gross, currency),
        };
      });
    },
    async byProduct(query) {
      const totals = new Map<
        string,
        {
          productId: string | null;
          sku: string | null;
          currency: string;
          lines: number;
          quantity: string;
          net: Money;
        }
      >();
      // internal: lines have no owner; only lines of orders the actor may read are summed
      const lines = scope.internal(models.salesOrderLine);
      let after: string | undefined;
      do {
        const page = await orders().find({
          where: { ...datesWhere(query), status: { in: [...ORDERED_STATES] } },
          select: ['id'],
          limit: CHUNK,
          ...(after ? { after } : {}),
        });
        const ids = page.rows.map((row) => row.id);
        if (ids.length > 0) {
          const groups = await lines.aggregate({
            where: { orderId: { in: ids } },
            groupBy: ['productId', 'sku', 'net.currency'],
            measures: {
              lines: { fn: 'count' },
              quantity: { fn: 'sum', field: 'quantity' },
              net: { fn: 'sum', field: 'net' },
            },
          });
          for (const group of groups) {
            const currency = String(group['net.currency']);
            const productId = typeof group.productId === 'string' ? group.productId : null;
            const key = `${productId ?? ''}|${currency}`;
            const entry = totals.get(key) ?? {
              productId,
              sku: typeof group.sku === 'string' ? group.sku : null,
              currency,
              lines: 0,
              quantity: '0',
              net: Money.zero(currency),
            };
            entry.lines += Number(group.lines);
            entry.quantity = toDecimal(entry.quantity)
              .plus(toDecimal(String(group.quantity ?? '0')))
              .toFixed();
            entry.net = entry.net.add(money(group.net, currency));
            totals.set(key, entry);
          }
        }
        after = page.nextCursor ?? undefined;
      } while (after);
      return [...totals.values()].sort(
        (a, b) =>
          b.net.toDecimal().comparedTo(a.net.toDecimal()) ||
          a.currency.localeCompare(b.currency) ||
          (a.sku ?? '').localeCompare(b.sku ?? ''),
      );
    },
  };
}

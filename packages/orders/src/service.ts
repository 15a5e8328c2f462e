import type { Readable } from 'node:stream';
import type { FindQuery, Page, Where } from '@sellkit/core';
import {
  approveOrder,
  confirmOrder,
  type DecisionInput,
  rejectOrder,
  submitOrder,
} from './approval/approval-actions.js';
import {
  companyOrders,
  type OrderTotalsQuery,
  type OrderTotalsRow,
  orderTotals,
} from './customer-view/history.js';
import type { DocumentInput } from './documents/document-input.js';
import {
  finishOrder,
  type MovementInput,
  type ReasonInput,
  returnGoods,
  shipOrder,
} from './fulfilment/movements.js';
import { importOrders } from './import/import-orders.js';
import type { OrderImportOptions, OrderImportReport } from './import/import-types.js';
import type { ResolvedOrdersOptions } from './options.js';
import {
  createOrder,
  type FromOpportunityOptions,
  orderFromOpportunity,
  updateDraftOrder,
} from './orders/create-order.js';
import type {
  OrderApproval,
  OrderMovement,
  SalesOrder,
  SalesOrderLine,
} from './orders/order-model.js';
import { loadOrder, type OrderWithLines } from './orders/order-store.js';
import {
  acceptQuote,
  createQuote,
  expireQuotes,
  type QuoteInput,
  type QuoteWithLines,
  quoteFromOpportunity,
  quoteLinesOf,
  rejectQuote,
  reviseQuote,
  sendQuote,
} from './quotes/quote-actions.js';
import type { Quote, QuoteLine } from './quotes/quote-model.js';
import { createOrdersReports, type OrdersReportService } from './reports/order-reports.js';
import { type OrdersContext, type OrdersScope, ordersModels } from './shared/context.js';

/** Quotes: versions, sent / accepted / rejected / expired; accepting one creates the order. */
export interface QuoteService {
  /** A quote from scratch, in `draft`, priced now. */
  create(input: QuoteInput): Promise<QuoteWithLines>;
  /** A quote from an opportunity's lines, at the deal's prices. */
  fromOpportunity(opportunityId: string, extra?: Partial<QuoteInput>): Promise<QuoteWithLines>;
  get(id: string): Promise<Quote>;
  lines(id: string): Promise<QuoteLine[]>;
  find(query?: FindQuery<Quote>): Promise<Page<Quote>>;
  /** Every version of a quote number, oldest first. */
  versions(number: string): Promise<Quote[]>;
  /** A new version with the changes; the old one is kept as `superseded`. */
  revise(id: string, changes: Partial<QuoteInput>): Promise<QuoteWithLines>;
  send(id: string): Promise<Quote>;
  /** Accepts a sent, still valid quote and creates its order (in `draft`). */
  accept(
    id: string,
    input?: { note?: string | null },
  ): Promise<{ quote: Quote; order: OrderWithLines }>;
  reject(id: string, input?: { reason?: string | null }): Promise<Quote>;
  /** Marks draft and sent quotes past their validity as `expired`; returns how many. */
  expireDue(): Promise<number>;
}

/** Sales orders: creation, approval and the fulfilment states. */
export interface SalesOrderService {
  /** An order from scratch, in `draft`. */
  create(input: DocumentInput): Promise<OrderWithLines>;
  /** The order of a won opportunity (the existing one when it was made already). */
  fromOpportunity(opportunityId: string, options?: FromOpportunityOptions): Promise<OrderWithLines>;
  get(id: string): Promise<SalesOrder>;
  lines(id: string): Promise<SalesOrderLine[]>;
  find(query?: FindQuery<SalesOrder>): Promise<Page<SalesOrder>>;
  count(where?: Where<SalesOrder>): Promise<number>;
  /** Changes a draft (header and/or lines) and prices it again. */
  update(id: string, patch: Partial<DocumentInput>): Promise<OrderWithLines>;
  /** Runs the approval rules: `pending-approval` when one fires, else `confirmed`. */
  submit(id: string): Promise<SalesOrder>;
  /** Confirms a draft that needs no approval (`INVALID_TRANSITION` when it does). */
  confirm(id: string): Promise<SalesOrder>;
  approve(id: string, input?: DecisionInput): Promise<SalesOrder>;
  /** Rejects with a comment (required); the order goes back to `draft`. */
  reject(id: string, input: DecisionInput): Promise<SalesOrder>;
  /** The approval steps of an order, oldest first. */
  approvals(id: string): Promise<OrderApproval[]>;
  /** Records what the warehouse shipped, per line. */
  ship(id: string, input: MovementInput): Promise<SalesOrder>;
  /** Records goods that came back, per line. */
  recordReturn(id: string, input: MovementInput): Promise<SalesOrder>;
  /** Shipments and returns of an order, oldest first. */
  movements(id: string): Promise<OrderMovement[]>;
  deliver(id: string): Promise<SalesOrder>;
  close(id: string): Promise<SalesOrder>;
  cancel(id: string, input?: ReasonInput): Promise<SalesOrder>;
}

/** A customer's side of orders: their orders and totals per period. */
export interface CustomerOrdersService {
  /** A company's orders, newest first. */
  forCompany(
    companyId: string,
    page?: Pick<FindQuery<SalesOrder>, 'limit' | 'after'>,
  ): Promise<Page<SalesOrder>>;
  /** Totals ordered per tenant-calendar period and currency. */
  totals(query?: OrderTotalsQuery): Promise<OrderTotalsRow[]>;
}

/**
 * What `crm.as(ctx).orders` offers: `quotes`, `salesOrders` and the `customers` view.
 *
 * @example
 * ```ts
 * const sales = scope.use(ordersHandle);
 * const { quote } = await sales.quotes.create({
 *   companyId: 'com_1', currency: 'CNY', lines: [{ productId: 'prd_1', quantity: '10' }],
 * });
 * await sales.quotes.send(quote.id);
 * const { order } = await sales.quotes.accept(quote.id);
 * await sales.salesOrders.submit(order.order.id);
 * ```
 */
export interface OrdersService {
  readonly quotes: QuoteService;
  readonly salesOrders: SalesOrderService;
  readonly customers: CustomerOrdersService;
  /** Orders by state, by month and by product, computed by storage aggregates. */
  readonly reports: OrdersReportService;
  /**
   * Imports historical orders from a CSV export (a path or a stream), one row per order line,
   * grouped by the mapped `orderId` column; re-running the same file creates nothing new.
   */
  importOrders(source: string | Readable, options: OrderImportOptions): Promise<OrderImportReport>;
}

async function historyOf<R>(
  scope: OrdersScope,
  read: () => Promise<Page<R>>,
  orderId: string,
): Promise<R[]> {
  await scope.records(ordersModels(scope).salesOrder).get(orderId);
  return (await read()).rows;
}

/** An order's steps (approvals, movements) oldest first. */
function stepsOf(orderId: string) {
  return {
    where: { orderId },
    orderBy: [
      { field: 'occurredAt', direction: 'asc' },
      { field: 'id', direction: 'asc' },
    ],
    limit: 1000,
  } as const;
}

/** Builds the orders services for one scope. */
export function createOrdersService(
  scope: OrdersScope,
  options: ResolvedOrdersOptions,
): OrdersService {
  const ctx: OrdersContext = { scope, options };
  const models = ordersModels(scope);
  const quotes: QuoteService = {
    create: (input) => createQuote(ctx, input),
    fromOpportunity: (id, extra) => quoteFromOpportunity(ctx, id, extra),
    get: (id) => scope.records(models.quote).get(id),
    async lines(id) {
      await scope.records(models.quote).get(id);
      return quoteLinesOf(scope, id);
    },
    find: (query) => scope.records(models.quote).find(query),
    async versions(number) {
      const page = await scope.records(models.quote).find({
        where: { number },
        orderBy: [{ field: 'revision', direction: 'asc' }],
        limit: 1000,
      });
      return page.rows;
    },
    revise: (id, changes) => reviseQuote(ctx, id, changes),
    send: (id) => sendQuote(ctx, id),
    accept: (id, input) => acceptQuote(ctx, id, input),
    reject: (id, input) => rejectQuote(ctx, id, input),
    expireDue: () => expireQuotes(ctx),
  };
  const salesOrders: SalesOrderService = {
    create: (input) => createOrder(ctx, input),
    fromOpportunity: (id, fromOptions) => orderFromOpportunity(ctx, id, fromOptions),
    get: (id) => scope.records(models.salesOrder).get(id),
    async lines(id) {
      return (await loadOrder(scope, id)).lines;
    },
    find: (query) => scope.records(models.salesOrder).find(query),
    count: (where) => scope.records(models.salesOrder).count(where),
    update: (id, patch) => updateDraftOrder(ctx, id, patch),
    submit: (id) => submitOrder(ctx, id),
    confirm: (id) => confirmOrder(ctx, id),
    approve: (id, input) => approveOrder(ctx, id, input),
    reject: (id, input) => rejectOrder(ctx, id, input),
    approvals: (id) =>
      historyOf(
        scope,
        // internal: approval steps are read once the order's own access check passed
        () => scope.internal(models.orderApproval).find(stepsOf(id)),
        id,
      ),
    ship: (id, input) => shipOrder(ctx, id, input),
    recordReturn: (id, input) => returnGoods(ctx, id, input),
    movements: (id) =>
      historyOf(
        scope,
        // internal: movements are read once the order's own access check passed
        () => scope.internal(models.orderMovement).find(stepsOf(id)),
        id,
      ),
    deliver: (id) => finishOrder(ctx, id, 'delivered'),
    close: (id) => finishOrder(ctx, id, 'closed'),
    cancel: (id, input) => finishOrder(ctx, id, 'cancelled', input),
  };
  return {
    quotes,
    salesOrders,
    customers: {
      forCompany: (companyId, page) => companyOrders(ctx, companyId, page),
      totals: (query) => orderTotals(ctx, query),
    },
    reports: createOrdersReports(ctx),
    importOrders: (source, importOptions) => importOrders(ctx, source, importOptions),
  };
}

/**
 * Sellkit orders: quotes with versions, sales orders from accepted quotes, won opportunities or
 * scratch, exact document pricing with per-line or per-document tax rounding, approval by
 * scoring-engine rules, fulfilment states with partial shipments and returns, warehouse-ready
 * events, and a customer's order history.
 *
 * @packageDocumentation
 * @module @sellkit/orders
 */
export type { DecisionInput } from './approval/approval-actions.js';
export { approvalFacts } from './approval/evaluate.js';
export type {
  AutoOrderOptions,
  SellkitWithOrders,
} from './automation/auto-order.js';
export { autoOrderOnWin } from './automation/auto-order.js';
export type { OrderCreditSource } from './credit/order-confirmed-credit.js';
export { orderConfirmedCredit } from './credit/order-confirmed-credit.js';
export type { OrderTotalsQuery, OrderTotalsRow } from './customer-view/history.js';
export { ORDERED_STATES } from './customer-view/history.js';
export type { StoredTaxRow } from './documents/document-fields.js';
export { LINE_KINDS, TAX_ROUNDINGS, TAX_TREATMENTS } from './documents/document-fields.js';
export type { DocumentInput, DocumentLineInput } from './documents/document-input.js';
export type {
  OrderShippedEvent,
  OrdersEvents,
  WarehouseLine,
  WarehouseOrder,
} from './events.js';
export type { MovementInput, ReasonInput } from './fulfilment/movements.js';
export { canMove, ORDER_TRANSITIONS, RETURNABLE_STATES } from './fulfilment/states.js';
export type {
  OrderImportField,
  OrderImportMapping,
  OrderImportOptions,
  OrderImportOrderCounts,
  OrderImportReport,
} from './import/import-types.js';
export { ORDER_IMPORT_FIELDS } from './import/import-types.js';
export { orders, ordersHandle } from './module.js';
export type { ApprovalLevel, ApprovalOptions, OrdersOptions, PerTenant } from './options.js';
export { DEFAULT_APPROVAL_LEVELS } from './options.js';
export type { FromOpportunityOptions } from './orders/create-order.js';
export type {
  ApprovalExplanation,
  ApprovalStatus,
  OrderApproval,
  OrderMovement,
  OrderSource,
  OrderStatus,
  SalesOrder,
  SalesOrderLine,
} from './orders/order-model.js';
export {
  APPROVAL_STATUSES,
  ORDER_SOURCES,
  ORDER_STATUSES,
  orderApproval,
  orderMovement,
  salesOrder,
  salesOrderLine,
} from './orders/order-model.js';
export type { OrderWithLines } from './orders/order-store.js';
export type { PriceDocumentOptions } from './pricing/price-document.js';
export { priceDocument } from './pricing/price-document.js';
export type {
  Discount,
  LineKind,
  LineTax,
  PricedDocument,
  PricedLine,
  PricingInput,
  PricingLineInput,
  TaxRounding,
  TaxSummaryRow,
  TaxTreatment,
} from './pricing/pricing-types.js';
export type { QuoteInput, QuoteWithLines } from './quotes/quote-actions.js';
export type { Quote, QuoteLine, QuoteStatus } from './quotes/quote-model.js';
export { QUOTE_STATUSES, quote, quoteLine } from './quotes/quote-model.js';
export type {
  OrdersByMonthRow,
  OrdersByProductRow,
  OrdersByStateRow,
  OrdersReportQuery,
  OrdersReportService,
} from './reports/order-reports.js';
export type {
  CustomerOrdersService,
  OrdersService,
  QuoteService,
  SalesOrderService,
} from './service.js';

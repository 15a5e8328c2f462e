import type { PostalAddress } from '@sellkit/customers';
import type { OrderApproval, SalesOrder, SalesOrderLine } from './orders/order-model.js';
import type { Quote, QuoteLine } from './quotes/quote-model.js';

/** One line as a warehouse or ERP needs it: what, how many, and what has moved so far. */
export interface WarehouseLine {
  readonly lineId: string;
  readonly position: number;
  readonly kind: SalesOrderLine['kind'];
  readonly productId: string | null;
  readonly sku: string | null;
  readonly description: string | null;
  readonly unit: string | null;
  readonly quantity: string;
  readonly shippedQuantity: string;
  readonly returnedQuantity: string;
  /** The host's id of the line, when it gave one. */
  readonly externalId: string | null;
}

/**
 * The order as a warehouse or ERP needs it, in every fulfilment event: ids (ours and the
 * host's), the customer, both addresses, the lines with quantities, and the totals as exact
 * decimal strings.
 */
export interface WarehouseOrder {
  readonly orderId: string;
  readonly number: string;
  readonly externalId: string | null;
  readonly status: SalesOrder['status'];
  readonly companyId: string | null;
  readonly companyExternalId: string | null;
  readonly contactId: string | null;
  readonly opportunityId: string | null;
  readonly quoteId: string | null;
  readonly ownerId: string | null;
  readonly orderDate: string;
  readonly currency: string;
  readonly billingAddress: PostalAddress | null;
  readonly shippingAddress: PostalAddress | null;
  readonly lines: readonly WarehouseLine[];
  readonly totals: { readonly net: string; readonly tax: string; readonly gross: string };
}

/** Payload of `order.shipped`: the order after the shipment, and what this shipment carried. */
export interface OrderShippedEvent extends WarehouseOrder {
  readonly shipment: {
    readonly movementId: string;
    readonly reference: string | null;
    readonly complete: boolean;
    readonly lines: readonly { readonly lineId: string; readonly quantity: string }[];
  };
}

/**
 * Events of the orders module, delivered after the transaction that caused them commits (and
 * written to the outbox when the host turns it on: `createSellkit({ outbox: true })`).
 *
 * @example
 * ```ts
 * import { definePlugin } from '@sellkit/core';
 * const reserved = new Map<string, number>();
 * const warehouseSync = definePlugin({
 *   id: 'warehouse-sync',
 *   on: {
 *     'order.confirmed': (order: OrdersEvents['order.confirmed']) => {
 *       reserved.set(order.number, order.lines.length);
 *     },
 *     'order.cancelled': (order: OrdersEvents['order.cancelled']) => {
 *       reserved.delete(order.number);
 *     },
 *   },
 * });
 * ```
 */
export interface OrdersEvents {
  'quote.created': { readonly quote: Quote; readonly lines: readonly QuoteLine[] };
  'quote.revised': { readonly quote: Quote; readonly previous: Quote };
  'quote.sent': { readonly quote: Quote };
  'quote.accepted': { readonly quote: Quote; readonly orderId: string };
  'quote.rejected': { readonly quote: Quote; readonly reason: string | null };
  'quote.expired': { readonly quote: Quote };
  'order.created': { readonly order: SalesOrder; readonly lines: readonly SalesOrderLine[] };
  'order.submitted': { readonly order: SalesOrder; readonly needsApproval: boolean };
  'order.approved': { readonly order: SalesOrder; readonly approval: OrderApproval };
  'order.rejected': { readonly order: SalesOrder; readonly approval: OrderApproval };
  'order.confirmed': WarehouseOrder;
  'order.shipped': OrderShippedEvent;
  'order.delivered': WarehouseOrder;
  'order.returned': WarehouseOrder & {
    readonly returned: readonly { readonly lineId: string; readonly quantity: string }[];
  };
  'order.closed': WarehouseOrder;
  'order.cancelled': WarehouseOrder & { readonly reason: string | null };
}

declare module '@sellkit/core' {
  interface SellkitEventRegistry extends OrdersEvents {}
}

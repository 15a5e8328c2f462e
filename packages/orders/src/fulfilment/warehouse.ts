import { isSellkitError, toDecimal } from '@sellkit/core';
import { customersHandle } from '@sellkit/customers';
import type { WarehouseLine, WarehouseOrder } from '../events.js';
import type { SalesOrder, SalesOrderLine } from '../orders/order-model.js';
import type { OrdersScope } from '../shared/context.js';

/** A stored decimal as written (adapters may pad it to the field's scale). */
const plain = (value: string) => toDecimal(value).toFixed();

function line(row: SalesOrderLine): WarehouseLine {
  return {
    lineId: row.id,
    position: row.position,
    kind: row.kind,
    productId: row.productId,
    sku: row.sku,
    description: row.description,
    unit: row.unit,
    quantity: plain(row.quantity),
    shippedQuantity: plain(row.shippedQuantity),
    returnedQuantity: plain(row.returnedQuantity),
    externalId: row.externalId,
  };
}

async function companyExternalId(scope: OrdersScope, companyId: string | null) {
  if (!companyId || !scope.has(customersHandle)) return null;
  try {
    return (await scope.use(customersHandle).companies.get(companyId)).externalId ?? null;
  } catch (error) {
    // A warehouse user may not read the customer; the order's own ids still identify it.
    if (isSellkitError(error, 'FORBIDDEN') || isSellkitError(error, 'NOT_FOUND')) return null;
    throw error;
  }
}

/** The order as a warehouse or ERP needs it (the payload of the fulfilment events). */
export async function warehouseOrder(
  scope: OrdersScope,
  order: SalesOrder,
  lines: readonly SalesOrderLine[],
): Promise<WarehouseOrder> {
  return {
    orderId: order.id,
    number: order.number,
    externalId: order.externalId,
    status: order.status,
    companyId: order.companyId,
    companyExternalId: await companyExternalId(scope, order.companyId),
    contactId: order.contactId,
    opportunityId: order.opportunityId,
    quoteId: order.quoteId,
    ownerId: order.ownerId,
    orderDate: order.documentDate,
    currency: order.currency,
    billingAddress: order.billingAddress,
    shippingAddress: order.shippingAddress,
    lines: [...lines].sort((a, b) => a.position - b.position).map(line),
    totals: {
      net: order.net.toDecimal().toFixed(),
      tax: order.tax.toDecimal().toFixed(),
      gross: order.gross.toDecimal().toFixed(),
    },
  };
}

import { validationError } from '@sellkit/core';
import type { PricedDraft } from '../documents/price-lines.js';
import { nextNumber, type OrdersScope, ordersModels } from '../shared/context.js';
import type { OrderSource, SalesOrder, SalesOrderLine } from './order-model.js';

/** An order with its lines, in position order. */
export interface OrderWithLines {
  readonly order: SalesOrder;
  readonly lines: SalesOrderLine[];
}

/** Lines are guarded by their order's access check, so they are read past it. */
export function lineStore(scope: OrdersScope) {
  // internal: lines are guarded by their order's access check (the line model has no owner)
  return scope.internal(ordersModels(scope).salesOrderLine);
}

/** The lines of one order, in position order. */
export async function linesOf(scope: OrdersScope, orderId: string): Promise<SalesOrderLine[]> {
  const page = await lineStore(scope).find({
    where: { orderId },
    orderBy: [{ field: 'position', direction: 'asc' }],
    limit: 10_000,
  });
  return page.rows;
}

/** Reads an order the actor may read, with its lines. */
export async function loadOrder(scope: OrdersScope, id: string): Promise<OrderWithLines> {
  const order = await scope.records(ordersModels(scope).salesOrder).get(id);
  return { order, lines: await linesOf(scope, id) };
}

/** Extra header fields an order gets beside the priced document's. */
export interface OrderExtras {
  readonly source: OrderSource;
  readonly quoteId?: string | null;
}

/** Writes a priced draft as a new order in `draft`, in the caller's transaction. */
export async function insertOrder(
  tx: OrdersScope,
  draft: PricedDraft,
  extras: OrderExtras,
): Promise<OrderWithLines> {
  const models = ordersModels(tx);
  if (draft.header.externalId) {
    const taken = await tx
      .records(models.salesOrder)
      .count({ externalId: draft.header.externalId });
    if (taken > 0) {
      throw validationError(
        'externalId',
        `an order with externalId ${draft.header.externalId} exists`,
        'duplicate',
      );
    }
  }
  const number = await nextNumber(tx, 'order', 'SO');
  const order = await tx.records(models.salesOrder).create({
    ...draft.header,
    number,
    status: 'draft',
    source: extras.source,
    quoteId: extras.quoteId ?? null,
    approvalStatus: 'not-required',
  });
  const lines = await lineStore(tx).insert(
    draft.lines.map((line) => ({
      ...line,
      orderId: order.id,
      shippedQuantity: '0',
      returnedQuantity: '0',
    })),
  );
  await tx.emit('order.created', { order, lines });
  return { order, lines };
}

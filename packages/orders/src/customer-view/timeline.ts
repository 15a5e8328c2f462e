import { isSellkitError } from '@sellkit/core';
import { customersHandle } from '@sellkit/customers';
import type { SalesOrder } from '../orders/order-model.js';
import type { OrdersContext } from '../shared/context.js';

/**
 * Logs an order milestone (`Order SO-000001 confirmed`) as a note on the company's interaction
 * timeline, in the caller's transaction. Skipped when the order has no company, the customers
 * module is not installed, or `orders({ timeline: false })`.
 */
export async function logMilestone(
  ctx: OrdersContext,
  order: SalesOrder,
  milestone: string,
  detail?: string,
): Promise<void> {
  const { scope, options } = ctx;
  if (!options.timeline || !order.companyId || !scope.has(customersHandle)) return;
  const note = {
    type: 'note',
    companyId: order.companyId,
    contactId: order.contactId,
    occurredAt: scope.clock.now(),
    subject: `Order ${order.number} ${milestone}`,
    body: detail ?? `${order.number}: ${order.gross.toString()} (${order.status})`,
    repIds: order.ownerId ? [order.ownerId] : [],
  } as const;
  try {
    // A savepoint: an actor who may not write on the customer's timeline (a warehouse user, an
    // approver from another team) still moves the order; the milestone is then not logged.
    await scope.transaction((tx) => tx.use(customersHandle).interactions.log(note));
  } catch (error) {
    if (!isSellkitError(error, 'FORBIDDEN')) throw error;
  }
}

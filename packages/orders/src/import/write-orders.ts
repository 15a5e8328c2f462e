import type { PricedDraft } from '../documents/price-lines.js';
import type { OrderStatus } from '../orders/order-model.js';
import { lineStore } from '../orders/order-store.js';
import { type OrdersScope, ordersModels } from '../shared/context.js';

const BATCH = 1000;

/** Timestamps an imported order in a state past `draft` carries, set to its document date. */
function milestones(status: OrderStatus, at: Date) {
  const confirmed = status !== 'draft' && status !== 'pending-approval';
  return {
    ...(confirmed && status !== 'cancelled' ? { confirmedAt: at } : {}),
    ...(status === 'shipped' || status === 'delivered' || status === 'closed'
      ? { shippedAt: at }
      : {}),
    ...(status === 'delivered' || status === 'closed' ? { deliveredAt: at } : {}),
    ...(status === 'closed' ? { closedAt: at } : {}),
    ...(status === 'cancelled' ? { cancelledAt: at } : {}),
  };
}

/**
 * Reserves `count` document numbers of a counter at once (`SO-000001`...), in the caller's
 * transaction: one read and one write whatever the count.
 */
export async function reserveNumbers(
  scope: OrdersScope,
  key: string,
  prefix: string,
  count: number,
): Promise<string[]> {
  if (count === 0) return [];
  // internal: numbering is bookkeeping every creator moves, whatever they may read
  const counters = scope.internal(ordersModels(scope).documentCounter);
  const current = (await counters.find({ where: { key }, limit: 1 })).rows[0];
  const first = (current?.value ?? 0) + 1;
  const last = first + count - 1;
  if (current) await counters.update(current.id, { value: last }, { current });
  else await counters.insert([{ key, value: last }]);
  return Array.from(
    { length: count },
    (_, index) => `${prefix}-${String(first + index).padStart(6, '0')}`,
  );
}

/**
 * Writes imported orders and their lines in batches (access-checked creates for the orders,
 * audited like any other), with `source: 'import'`. Shipped quantities follow the state: a
 * shipped, delivered or closed order has shipped every line. No events are emitted.
 */
export async function writeOrders(
  scope: OrdersScope,
  drafts: readonly { draft: PricedDraft; status: OrderStatus }[],
): Promise<void> {
  if (drafts.length === 0) return;
  const models = ordersModels(scope);
  const numbers = await reserveNumbers(scope, 'order', 'SO', drafts.length);
  for (let start = 0; start < drafts.length; start += BATCH) {
    const batch = drafts.slice(start, start + BATCH);
    const created = await scope.records(models.salesOrder).createMany(
      batch.map(({ draft, status }, index) => ({
        ...draft.header,
        ...milestones(status, new Date(`${draft.header.documentDate}T00:00:00.000Z`)),
        number: numbers[start + index] ?? '',
        status,
        source: 'import' as const,
        quoteId: null,
        approvalStatus: 'not-required' as const,
      })),
    );
    const lines = created.flatMap((order, index) => {
      const entry = batch[index];
      if (!entry) return [];
      const shipped = ['shipped', 'delivered', 'closed'].includes(entry.status);
      return entry.draft.lines.map((line) => ({
        ...line,
        orderId: order.id,
        shippedQuantity: shipped ? line.quantity : '0',
        returnedQuantity: '0',
      }));
    });
    await lineStore(scope).insert(lines);
  }
}

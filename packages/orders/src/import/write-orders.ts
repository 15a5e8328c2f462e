import type { PricedDraft } from '../documents/price-lines.js';
import type { OrderStatus } from '../orders/order-model.js';
import { lineStore } from '../orders/order-store.js';
import { nextNumber, type OrdersScope, ordersModels } from '../shared/context.js';

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
 * Takes `count` document numbers of a series (`SO-000001`...) from the kernel's gapless
 * sequence, in the caller's transaction (a rolled-back import gives them back).
 */
export async function reserveNumbers(
  scope: OrdersScope,
  key: string,
  prefix: string,
  count: number,
): Promise<string[]> {
  const numbers: string[] = [];
  for (let index = 0; index < count; index += 1) numbers.push(await nextNumber(scope, key, prefix));
  return numbers;
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

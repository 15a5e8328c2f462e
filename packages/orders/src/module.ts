import { defineModule } from '@sellkit/core';
import { moduleHandle } from '@sellkit/core/module';
import type { OrdersEvents } from './events.js';
import { type OrdersOptions, resolveOrdersOptions } from './options.js';
import { orderApproval, orderMovement, salesOrder, salesOrderLine } from './orders/order-model.js';
import { quote, quoteLine } from './quotes/quote-model.js';
import { createOrdersService, type OrdersService } from './service.js';

/**
 * The orders module: quotes with versions, sales orders (from an accepted quote, a won
 * opportunity or scratch) priced exactly, approval by scoring-engine rules with the approver
 * from the team's reports-to tree, fulfilment states with partial shipments and returns, and
 * warehouse-ready events through the outbox. It needs `catalog`, `customers` and `pipeline`
 * installed beside it; `team` is optional (approvers).
 *
 * @example
 * ```ts
 * import { catalog } from '@sellkit/catalog';
 * import { createSellkit, memory } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * import { pipeline } from '@sellkit/pipeline';
 * const sales = await createSellkit({
 *   storage: memory(),
 *   modules: [customers(), catalog({ currency: 'CNY' }), pipeline(), orders({ taxRounding: 'per-document', jurisdiction: 'CN' })],
 *   outbox: true,
 * });
 * const seller = sales.as({ tenantId: 'acme', actor: { id: 'u-7', roles: ['sales-rep'] } });
 * const { order } = await seller.orders.salesOrders.create({
 *   lines: [{ description: 'Installation', quantity: '1', unitPrice: '800', kind: 'charge' }],
 * });
 * await seller.orders.salesOrders.submit(order.id);
 * ```
 */
export function orders(options: OrdersOptions = {}) {
  const resolved = resolveOrdersOptions(options);
  return defineModule({
    id: 'orders',
    models: {
      quote,
      quoteLine,
      salesOrder,
      salesOrderLine,
      orderMovement,
      orderApproval,
    },
    events: {} as OrdersEvents,
    services: (scope) => createOrdersService(scope, resolved),
    jobs: {
      expireQuotes: async (scope) => {
        await createOrdersService(scope, resolved).quotes.expireDue();
      },
    },
  });
}

/**
 * The typed handle of the orders module, for other modules (billing) and host tools:
 * `scope.use(ordersHandle)` is the orders services bound to that scope (joining its
 * transaction).
 *
 * @example
 * ```ts
 * const sales = scope.use(ordersHandle);
 * const page = await sales.salesOrders.find({ where: { status: 'confirmed' }, limit: 20 });
 * ```
 */
export const ordersHandle = moduleHandle<OrdersService>('orders');

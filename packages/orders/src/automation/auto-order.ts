import { type Actor, definePlugin, type EventMeta, type SellkitContext } from '@sellkit/core';
import type { OpportunityWonEvent } from '@sellkit/pipeline';
import type { OrdersService } from '../service.js';

/** The part of a Sellkit the plugin uses: a scoped view with the orders services. */
export interface SellkitWithOrders {
  as(context: SellkitContext): { readonly orders: OrdersService };
}

/** Options of {@link autoOrderOnWin}. */
export interface AutoOrderOptions {
  /** The Sellkit the plugin is installed in (a function: the plugin is built before it). */
  readonly sellkit: () => SellkitWithOrders;
  /**
   * Only these tenants get automatic orders (default: every tenant, the one the win happened in,
   * from the event's meta).
   */
  readonly tenants?: readonly string[] | ((tenantId: string) => boolean);
  /** Who creates the orders (default `{ id: 'sellkit-orders', roles: ['admin'] }`). */
  readonly actor?: Actor;
  /** Also submit each new order (approval rules run; default false: it stays a draft). */
  readonly submit?: boolean;
  /** Called with each order made (or found: a redelivered event makes no second order). */
  readonly onOrder?: (order: { readonly id: string; readonly number: string }) => void;
}

/**
 * A plugin that turns every won opportunity into a sales order (its lines at the deal's
 * prices), after the win commits, in the tenant the win happened in. The host opts in by adding it; a failure (an inactive
 * product, a tax category without a rate) leaves the deal won and reaches the host's
 * `onHandlerError`. Delivering the event twice makes one order.
 *
 * @example
 * ```ts
 * import { catalog } from '@sellkit/catalog';
 * import { createSellkit, memory } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * import { pipeline } from '@sellkit/pipeline';
 * const sales = await createSellkit({
 *   storage: memory(),
 *   modules: [customers(), catalog({ currency: 'USD' }), pipeline(), orders()],
 *   plugins: [autoOrderOnWin({ sellkit: (): SellkitWithOrders => sales })],
 * });
 * ```
 */
export function autoOrderOnWin(options: AutoOrderOptions) {
  const actor = options.actor ?? { id: 'sellkit-orders', roles: ['admin'] };
  return definePlugin({
    id: 'orders-auto-order',
    on: {
      'opportunity.won': async (event: OpportunityWonEvent, { tenantId }: EventMeta) => {
        const { tenants } = options;
        if (
          typeof tenants === 'function'
            ? !tenants(tenantId)
            : tenants && !tenants.includes(tenantId)
        ) {
          return;
        }
        const sales = options.sellkit().as({ tenantId, actor }).orders.salesOrders;
        const { order } = await sales.fromOpportunity(event.opportunity.id);
        const done =
          options.submit && order.status === 'draft' ? await sales.submit(order.id) : order;
        options.onOrder?.({ id: done.id, number: done.number });
      },
    },
  });
}

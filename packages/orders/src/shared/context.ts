import type { ModuleScope } from '@sellkit/core';
import type { OrdersEvents } from '../events.js';
import type { ResolvedOrdersOptions } from '../options.js';
import { orderApproval, orderMovement, salesOrder, salesOrderLine } from '../orders/order-model.js';
import { quote, quoteLine } from '../quotes/quote-model.js';

/** The scope every orders service works in. */
export type OrdersScope = ModuleScope<OrdersEvents>;

/** What every orders service works with: one scope (maybe a transaction) and the options. */
export interface OrdersContext {
  readonly scope: OrdersScope;
  readonly options: ResolvedOrdersOptions;
}

/** The orders models as composed by the kernel (plugin fields included). */
export function ordersModels(scope: Pick<ModuleScope, 'model'>) {
  return {
    quote: scope.model(quote.name) as typeof quote,
    quoteLine: scope.model(quoteLine.name) as typeof quoteLine,
    salesOrder: scope.model(salesOrder.name) as typeof salesOrder,
    salesOrderLine: scope.model(salesOrderLine.name) as typeof salesOrderLine,
    orderMovement: scope.model(orderMovement.name) as typeof orderMovement,
    orderApproval: scope.model(orderApproval.name) as typeof orderApproval,
  };
}

/**
 * The next number of a per-tenant series (`quote`, `order`), from the kernel's gapless
 * sequence inside the caller's transaction (a rolled-back creation gives its number back),
 * formatted as `PREFIX-000001`.
 */
export async function nextNumber(scope: OrdersScope, key: string, prefix: string): Promise<string> {
  const value = await scope.nextSequenceValue(`orders.${key}`);
  return `${prefix}-${String(value).padStart(6, '0')}`;
}

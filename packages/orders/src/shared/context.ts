import type { ModuleScope } from '@sellkit/core';
import type { OrdersEvents } from '../events.js';
import type { ResolvedOrdersOptions } from '../options.js';
import {
  documentCounter,
  orderApproval,
  orderMovement,
  salesOrder,
  salesOrderLine,
} from '../orders/order-model.js';
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
    documentCounter: scope.model(documentCounter.name) as typeof documentCounter,
  };
}

/**
 * The next number of a per-tenant counter (`quote`, `order`), inside the caller's transaction,
 * formatted as `PREFIX-000001`.
 */
export async function nextNumber(scope: OrdersScope, key: string, prefix: string): Promise<string> {
  const { documentCounter: model } = ordersModels(scope);
  // internal: numbering is bookkeeping every creator moves, whatever they may read
  const counters = scope.internal(model);
  const current = (await counters.find({ where: { key }, limit: 1 })).rows[0];
  let value: number;
  if (current) {
    value = current.value + 1;
    await counters.update(current.id, { value }, { current });
  } else {
    value = 1;
    await counters.insert([{ key, value }]);
  }
  return `${prefix}-${String(value).padStart(6, '0')}`;
}

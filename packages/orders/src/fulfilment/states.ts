import { SellkitError } from '@sellkit/core';
import type { OrderStatus } from '../orders/order-model.js';

/**
 * The moves an order may make. Everything else is `INVALID_TRANSITION`:
 * draft → pending-approval | confirmed | cancelled; pending-approval → confirmed | draft
 * (rejected) | cancelled; confirmed → partially-shipped | shipped | cancelled;
 * partially-shipped → partially-shipped | shipped; shipped → delivered; delivered → closed.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> =
  Object.freeze({
    draft: ['pending-approval', 'confirmed', 'cancelled'],
    'pending-approval': ['confirmed', 'draft', 'cancelled'],
    confirmed: ['partially-shipped', 'shipped', 'cancelled'],
    'partially-shipped': ['partially-shipped', 'shipped'],
    shipped: ['delivered'],
    delivered: ['closed'],
    closed: [],
    cancelled: [],
  });

/** The states in which goods may come back. */
export const RETURNABLE_STATES: readonly OrderStatus[] = [
  'partially-shipped',
  'shipped',
  'delivered',
];

/**
 * Whether an order may move from one state to another.
 *
 * @example
 * ```ts
 * canMove('confirmed', 'shipped'); // true
 * canMove('shipped', 'cancelled'); // false
 * ```
 */
export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws `INVALID_TRANSITION` unless the order may move from `from` to `to`. */
export function assertMove(
  order: { readonly id: string; readonly number: string; readonly status: OrderStatus },
  to: OrderStatus,
  action: string,
): void {
  if (!canMove(order.status, to)) {
    throw new SellkitError(
      'INVALID_TRANSITION',
      `cannot ${action} order ${order.number}: it is ${order.status} (allowed from ${order.status}: ${ORDER_TRANSITIONS[order.status].join(', ') || 'nothing'})`,
      { model: 'salesOrder', id: order.id, from: order.status, to },
    );
  }
}

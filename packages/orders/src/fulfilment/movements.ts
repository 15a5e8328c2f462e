import { SellkitError, toDecimal, validationError } from '@sellkit/core';
import { isPlainObject, issueList } from '@sellkit/core/module';
import { logMilestone } from '../customer-view/timeline.js';
import type { SalesOrder, SalesOrderLine } from '../orders/order-model.js';
import { lineStore, loadOrder } from '../orders/order-store.js';
import { type OrdersContext, type OrdersScope, ordersModels } from '../shared/context.js';
import { assertMove, RETURNABLE_STATES } from './states.js';
import { warehouseOrder } from './warehouse.js';

/** What the host's warehouse reports: quantities per order line. */
export interface MovementInput {
  readonly lines: readonly { readonly lineId: string; readonly quantity: string }[];
  /** The warehouse's id of the shipment or return; reporting it twice changes nothing. */
  readonly reference?: string | null;
  readonly note?: string | null;
}

/** A state change with an optional reason (cancellation). */
export interface ReasonInput {
  readonly reason?: string | null;
}

const DECIMAL = /^\d{1,18}(\.\d{1,6})?$/;

function checkMovement(input: MovementInput, lines: readonly SalesOrderLine[]) {
  if (!isPlainObject(input))
    throw validationError('', 'a movement must be an object', 'invalid_type');
  const issues = issueList();
  if (!Array.isArray(input.lines) || input.lines.length === 0) {
    issues.add('lines', 'must list at least one line', 'too_small');
  }
  const seen = new Set<string>();
  const moves = (Array.isArray(input.lines) ? input.lines : []).map((move, index) => {
    const path = `lines.${index}`;
    const line = lines.find((candidate) => candidate.id === move?.lineId);
    if (!line) issues.add(`${path}.lineId`, 'is not a line of this order', 'unknown_line');
    else if (seen.has(line.id)) issues.add(`${path}.lineId`, 'is listed twice', 'duplicate');
    else seen.add(line.id);
    const quantity = typeof move?.quantity === 'string' ? move.quantity.trim() : '';
    if (!DECIMAL.test(quantity) || !toDecimal(quantity).greaterThan(0)) {
      issues.add(
        `${path}.quantity`,
        'must be a decimal more than 0, written as a string',
        'too_small',
      );
    }
    return { line, quantity };
  });
  const reference = input.reference ?? null;
  if (reference !== null && (typeof reference !== 'string' || reference.length > 200)) {
    issues.add('reference', 'must be text of at most 200 characters', 'invalid_type');
  }
  issues.throwIfAny({ model: 'salesOrder' });
  return moves.flatMap(({ line, quantity }) => (line ? [{ line, quantity }] : []));
}

async function alreadyReported(
  tx: OrdersScope,
  orderId: string,
  kind: 'shipment' | 'return',
  reference: string | null,
) {
  if (!reference) return false;
  // internal: movements are the order's history, guarded by its access check
  const found = await tx
    .internal(ordersModels(tx).orderMovement)
    .count({ orderId, kind, reference });
  return found > 0;
}

/**
 * Records a shipment the warehouse reports: each line's shipped quantity grows; shipping more
 * than was ordered (less what came back) is `VALIDATION_FAILED` and nothing is written. The
 * order becomes `partially-shipped` or `shipped`, and `order.shipped` tells the ERP.
 */
export async function shipOrder(
  ctx: OrdersContext,
  id: string,
  input: MovementInput,
): Promise<SalesOrder> {
  return ctx.scope.transaction(async (tx) => {
    const current = await loadOrder(tx, id);
    const moves = checkMovement(input, current.lines);
    const reference = input.reference ?? null;
    if (await alreadyReported(tx, id, 'shipment', reference)) return current.order;
    const issues = issueList();
    const shipped = new Map<string, string>();
    moves.forEach(({ line, quantity }, index) => {
      const after = toDecimal(line.shippedQuantity).plus(quantity);
      if (after.greaterThan(line.quantity)) {
        issues.add(
          `lines.${index}.quantity`,
          `ships ${after.toFixed()} of ${line.quantity} ordered (line ${line.position + 1})`,
          'too_big',
        );
      }
      shipped.set(line.id, after.toFixed());
    });
    issues.throwIfAny({ model: 'salesOrder', id });
    const lines = current.lines.map((line) => ({
      ...line,
      shippedQuantity: shipped.get(line.id) ?? line.shippedQuantity,
    }));
    const complete = lines.every((line) =>
      toDecimal(line.shippedQuantity).greaterThanOrEqualTo(line.quantity),
    );
    const to = complete ? 'shipped' : 'partially-shipped';
    assertMove(current.order, to, 'ship');
    const store = lineStore(tx);
    const written = await Promise.all(
      current.lines.map((line) => {
        const after = shipped.get(line.id);
        return after === undefined
          ? line
          : store.update(line.id, { shippedQuantity: after }, { current: line });
      }),
    );
    // internal: the movement is the order's history, guarded by its access check
    const [movement] = await tx.internal(ordersModels(tx).orderMovement).insert([
      {
        orderId: id,
        kind: 'shipment',
        reference,
        lines: moves.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
        occurredAt: tx.clock.now(),
        note: input.note ?? null,
      },
    ]);
    const order = await tx
      .records(ordersModels(tx).salesOrder)
      .update(
        id,
        { status: to, ...(complete ? { shippedAt: tx.clock.now() } : {}) },
        { current: current.order },
      );
    await tx.emit('order.shipped', {
      ...(await warehouseOrder(tx, order, written)),
      shipment: {
        movementId: movement?.id ?? '',
        reference,
        complete,
        lines: moves.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
      },
    });
    await logMilestone({ ...ctx, scope: tx }, order, complete ? 'shipped' : 'partially shipped');
    return order;
  });
}

/**
 * Records goods coming back: each line's returned quantity grows, up to what was shipped and
 * not yet returned. The state does not change; `order.returned` tells the ERP.
 */
export async function returnGoods(
  ctx: OrdersContext,
  id: string,
  input: MovementInput,
): Promise<SalesOrder> {
  return ctx.scope.transaction(async (tx) => {
    const current = await loadOrder(tx, id);
    const moves = checkMovement(input, current.lines);
    if (!RETURNABLE_STATES.includes(current.order.status)) {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `order ${current.order.number} is ${current.order.status}: nothing was shipped to return`,
        {
          model: 'salesOrder',
          id,
          from: current.order.status,
        },
      );
    }
    const reference = input.reference ?? null;
    if (await alreadyReported(tx, id, 'return', reference)) return current.order;
    const issues = issueList();
    moves.forEach(({ line, quantity }, index) => {
      const after = toDecimal(line.returnedQuantity).plus(quantity);
      if (after.greaterThan(line.shippedQuantity)) {
        issues.add(
          `lines.${index}.quantity`,
          `returns ${after.toFixed()} of ${line.shippedQuantity} shipped`,
          'too_big',
        );
      }
    });
    issues.throwIfAny({ model: 'salesOrder', id });
    const store = lineStore(tx);
    const written: SalesOrderLine[] = [];
    for (const line of current.lines) {
      const move = moves.find((entry) => entry.line.id === line.id);
      written.push(
        move
          ? await store.update(
              line.id,
              { returnedQuantity: toDecimal(line.returnedQuantity).plus(move.quantity).toFixed() },
              { current: line },
            )
          : line,
      );
    }
    // internal: the movement is the order's history, guarded by its access check
    await tx.internal(ordersModels(tx).orderMovement).insert([
      {
        orderId: id,
        kind: 'return',
        reference,
        lines: moves.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
        occurredAt: tx.clock.now(),
        note: input.note ?? null,
      },
    ]);
    await tx.audit({
      model: 'salesOrder',
      recordId: id,
      action: 'return',
      changes: {
        returned: {
          before: null,
          after: moves.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
        },
      },
    });
    await tx.emit('order.returned', {
      ...(await warehouseOrder(tx, current.order, written)),
      returned: moves.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
    });
    await logMilestone({ ...ctx, scope: tx }, current.order, 'goods returned');
    return current.order;
  });
}

/** Moves an order to `delivered`, `closed` or `cancelled` (see {@link ORDER_TRANSITIONS}). */
export async function finishOrder(
  ctx: OrdersContext,
  id: string,
  to: 'delivered' | 'closed' | 'cancelled',
  input: ReasonInput = {},
): Promise<SalesOrder> {
  const raw: unknown = isPlainObject(input) ? input.reason : undefined;
  if (!isPlainObject(input) || (raw !== undefined && raw !== null && typeof raw !== 'string')) {
    throw validationError('reason', 'must be text', 'invalid_type');
  }
  const reason = typeof raw === 'string' ? raw.trim() || null : null;
  return ctx.scope.transaction(async (tx) => {
    const current = await loadOrder(tx, id);
    assertMove(
      current.order,
      to,
      to === 'cancelled' ? 'cancel' : to === 'closed' ? 'close' : 'deliver',
    );
    const now = tx.clock.now();
    const stamp =
      to === 'delivered'
        ? { deliveredAt: now }
        : to === 'closed'
          ? { closedAt: now }
          : { cancelledAt: now, cancelReason: reason };
    const order = await tx
      .records(ordersModels(tx).salesOrder)
      .update(id, { status: to, ...stamp }, { current: current.order });
    const payload = await warehouseOrder(tx, order, current.lines);
    if (to === 'cancelled') await tx.emit('order.cancelled', { ...payload, reason });
    else await tx.emit(to === 'delivered' ? 'order.delivered' : 'order.closed', payload);
    await logMilestone({ ...ctx, scope: tx }, order, to, reason ?? undefined);
    return order;
  });
}

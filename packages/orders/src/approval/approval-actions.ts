import { SellkitError, validationError } from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';
import { logMilestone } from '../customer-view/timeline.js';
import { assertMove } from '../fulfilment/states.js';
import { warehouseOrder } from '../fulfilment/warehouse.js';
import type { ApprovalExplanation, OrderApproval, SalesOrder } from '../orders/order-model.js';
import { linesOf, loadOrder, type OrderWithLines } from '../orders/order-store.js';
import { type OrdersContext, type OrdersScope, ordersModels } from '../shared/context.js';
import { resolveApprover } from './approver.js';
import { evaluateApproval } from './evaluate.js';

/** A decision's comment (required when rejecting). */
export interface DecisionInput {
  readonly comment?: string | null;
}

async function record(
  tx: OrdersScope,
  order: SalesOrder,
  decision: OrderApproval['decision'],
  comment: string | null,
): Promise<OrderApproval> {
  // internal: approval steps are the order's history, written whoever acts on it
  const [row] = await tx.internal(ordersModels(tx).orderApproval).insert([
    {
      orderId: order.id,
      decision,
      level: order.approvalLevel,
      approverId: order.approverId,
      actorId: tx.context.actor.id,
      comment,
      occurredAt: tx.clock.now(),
    },
  ]);
  if (!row) throw new SellkitError('STORAGE_FAILURE', 'the approval step was not written');
  return row;
}

/** Confirms an order in the caller's transaction and tells the warehouse (`order.confirmed`). */
async function confirmIn(
  ctx: OrdersContext,
  tx: OrdersScope,
  current: OrderWithLines,
  patch: Partial<SalesOrder>,
  byApprover = false,
) {
  const model = ordersModels(tx).salesOrder;
  const changes = { ...patch, status: 'confirmed' as const, confirmedAt: tx.clock.now() };
  const order = byApprover
    ? // internal: the approver was checked by decide(); the order may be outside their reach
      await tx.internal(model).update(current.order.id, changes, { current: current.order })
    : await tx.records(model).update(current.order.id, changes, { current: current.order });
  await tx.emit('order.confirmed', await warehouseOrder(tx, order, current.lines));
  await logMilestone({ ...ctx, scope: tx }, order, 'confirmed');
  return order;
}

function needs(ctx: OrdersContext, current: OrderWithLines, now: Date): ApprovalExplanation | null {
  const approval = ctx.options.approval;
  return approval ? evaluateApproval(approval, current.order, current.lines, now) : null;
}

/**
 * Submits a draft: the approval rules run on it; when one fires the order waits for the
 * approver (`pending-approval`), else it is confirmed at once.
 */
export async function submitOrder(ctx: OrdersContext, id: string): Promise<SalesOrder> {
  return ctx.scope.transaction(async (tx) => {
    const current = await loadOrder(tx, id);
    const explanation = needs(ctx, current, tx.clock.now());
    if (!explanation) {
      assertMove(current.order, 'confirmed', 'submit');
      const order = await confirmIn(ctx, tx, current, {
        submittedAt: tx.clock.now(),
        approvalStatus: 'not-required',
      });
      await tx.emit('order.submitted', { order, needsApproval: false });
      return order;
    }
    assertMove(current.order, 'pending-approval', 'submit');
    const level = ctx.options.approval?.levels.find((entry) => entry.level === explanation.level);
    const approver = level
      ? await resolveApprover(tx, current.order.ownerId, level)
      : { approverId: null, note: 'unknown level' };
    const order = await tx.records(ordersModels(tx).salesOrder).update(
      id,
      {
        status: 'pending-approval',
        submittedAt: tx.clock.now(),
        approvalStatus: 'pending',
        approvalLevel: explanation.level,
        approverId: approver.approverId,
        approvalExplanation: { ...explanation, approver: approver.note },
      },
      { current: current.order },
    );
    await record(tx, order, 'requested', approver.note);
    await tx.emit('order.submitted', { order, needsApproval: true });
    return order;
  });
}

/**
 * Confirms a draft that needs no approval. An order the approval rules stop is
 * `INVALID_TRANSITION` (reason `approval_required`): submit it instead.
 */
export async function confirmOrder(ctx: OrdersContext, id: string): Promise<SalesOrder> {
  return ctx.scope.transaction(async (tx) => {
    const current = await loadOrder(tx, id);
    assertMove(current.order, 'confirmed', 'confirm');
    if (current.order.status === 'pending-approval') {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `order ${current.order.number} waits for approval: approve it`,
        {
          model: 'salesOrder',
          id,
          reason: 'approval_required',
        },
      );
    }
    const explanation = needs(ctx, current, tx.clock.now());
    if (explanation) {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `order ${current.order.number} needs ${explanation.level} approval (${explanation.rules.map((rule) => rule.description).join('; ')}): submit it`,
        { model: 'salesOrder', id, reason: 'approval_required', level: explanation.level },
      );
    }
    return confirmIn(ctx, tx, current, { submittedAt: tx.clock.now() });
  });
}

function checkComment(input: DecisionInput | undefined, required: boolean): string | null {
  if (input !== undefined && !isPlainObject(input)) {
    throw validationError('', 'a decision must be an object', 'invalid_type');
  }
  const comment = input?.comment;
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    throw validationError('comment', 'must be text', 'invalid_type');
  }
  const text = comment?.trim() || null;
  if (required && !text) throw validationError('comment', 'is required to reject', 'required');
  if (text && text.length > 2000)
    throw validationError('comment', 'must be at most 2000 characters', 'too_big');
  return text;
}

async function decide(ctx: OrdersContext, id: string, approve: boolean, input?: DecisionInput) {
  const comment = checkComment(input, !approve);
  return ctx.scope.transaction(async (tx) => {
    const models = ordersModels(tx);
    // internal: the named approver may not reach the order otherwise; checked just below
    const found = await tx.internal(models.salesOrder).get(id);
    if (!found)
      throw new SellkitError('NOT_FOUND', `order ${id} does not exist`, {
        model: 'salesOrder',
        id,
      });
    const actor = tx.context.actor;
    const isApprover = found.approverId !== null && found.approverId === actor.id;
    if (!isApprover) {
      if (found.approverId !== null && !actor.roles.includes('admin')) {
        throw new SellkitError(
          'FORBIDDEN',
          `order ${found.number} is for ${found.approverId} to approve`,
          { model: 'salesOrder', id },
        );
      }
      await tx.assertCan('update', models.salesOrder, found);
      if (found.ownerId === actor.id) {
        throw new SellkitError(
          'FORBIDDEN',
          `the owner of order ${found.number} cannot approve it`,
          { model: 'salesOrder', id },
        );
      }
    }
    const current = { order: found, lines: await linesOf(tx, id) };
    assertMove(found, approve ? 'confirmed' : 'draft', approve ? 'approve' : 'reject');
    if (found.status !== 'pending-approval') {
      throw new SellkitError(
        'INVALID_TRANSITION',
        `order ${found.number} is not waiting for approval`,
        { model: 'salesOrder', id },
      );
    }
    const step = await record(tx, found, approve ? 'approved' : 'rejected', comment);
    await tx.audit({
      model: 'salesOrder',
      recordId: id,
      action: approve ? 'approve' : 'reject',
      changes: {
        approvalStatus: { before: 'pending', after: approve ? 'approved' : 'rejected' },
        comment: { before: null, after: comment },
      },
    });
    if (approve) {
      const order = await confirmIn(ctx, tx, current, { approvalStatus: 'approved' }, true);
      await tx.emit('order.approved', { order, approval: step });
      return order;
    }
    // internal: the approver moves the order back to its owner's draft, past owner scoping
    const order = await tx
      .internal(models.salesOrder)
      .update(id, { status: 'draft', approvalStatus: 'rejected' }, { current: found });
    await tx.emit('order.rejected', { order, approval: step });
    return order;
  });
}

/** Approves an order waiting for approval (the named approver, or an admin) and confirms it. */
export function approveOrder(
  ctx: OrdersContext,
  id: string,
  input?: DecisionInput,
): Promise<SalesOrder> {
  return decide(ctx, id, true, input);
}

/** Rejects an order waiting for approval, with a comment; it goes back to draft. */
export function rejectOrder(
  ctx: OrdersContext,
  id: string,
  input: DecisionInput,
): Promise<SalesOrder> {
  return decide(ctx, id, false, input);
}

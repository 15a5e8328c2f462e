import type { Explanation } from '@sellkit/core';
import { defineModel, field, type InferRecord } from '@sellkit/core';
import { documentFields, lineFields } from '../documents/document-fields.js';

/** The fulfilment states of an order (see `docs/orders.md` for the allowed moves). */
export const ORDER_STATUSES = [
  'draft',
  'pending-approval',
  'confirmed',
  'partially-shipped',
  'shipped',
  'delivered',
  'closed',
  'cancelled',
] as const;
/** An order status. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Where an order's approval stands. */
export const APPROVAL_STATUSES = ['not-required', 'pending', 'approved', 'rejected'] as const;
/** An approval status. */
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Where an order came from. */
export const ORDER_SOURCES = ['scratch', 'quote', 'opportunity', 'import'] as const;
/** An order source. */
export type OrderSource = (typeof ORDER_SOURCES)[number];

/** Why an order needs approval: the rules that fired, as the scoring engine explained them. */
export interface ApprovalExplanation {
  readonly level: string;
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly rules: readonly {
    readonly id: string;
    readonly description: string;
    readonly level: string;
  }[];
  /** How the approver was found in the team's reports-to tree (or why nobody was). */
  readonly approver?: string;
  /** The full explanation of the rule set on the order's facts. */
  readonly detail: Explanation;
}

/** A sales order. Named `salesOrder` (not `order`, a word SQL reserves). */
export const salesOrder = defineModel({
  name: 'salesOrder',
  idPrefix: 'ord',
  description: 'A confirmed or to-be-confirmed sale, with its fulfilment state.',
  fields: {
    number: field.text({ required: true, maxLength: 40, unique: true }),
    status: field.enum(ORDER_STATUSES, { required: true, default: 'draft', index: true }),
    source: field.enum(ORDER_SOURCES, { required: true, default: 'scratch' }),
    quoteId: field.reference('quote', { index: true }),
    title: field.text({ maxLength: 200, searchable: true }),
    approvalStatus: field.enum(APPROVAL_STATUSES, { required: true, default: 'not-required' }),
    approvalLevel: field.text({ maxLength: 64 }),
    /** The host user id who must approve (null: any admin or sales manager). */
    approverId: field.text({ maxLength: 128, index: true }),
    approvalExplanation: field.jsonOf<ApprovalExplanation>()(),
    submittedAt: field.timestamp(),
    confirmedAt: field.timestamp(),
    shippedAt: field.timestamp(),
    deliveredAt: field.timestamp(),
    closedAt: field.timestamp(),
    cancelledAt: field.timestamp(),
    cancelReason: field.text({ maxLength: 2000 }),
    ...documentFields,
  },
  indexes: [{ fields: ['companyId', 'documentDate'] }],
  access: { ownerField: 'ownerId' },
});

/** An order as stored. */
export type SalesOrder = InferRecord<typeof salesOrder>;

/** One line of an order, with what has been shipped and returned so far. */
export const salesOrderLine = defineModel({
  name: 'salesOrderLine',
  idPrefix: 'orl',
  description: 'A line of a sales order.',
  fields: {
    orderId: field.reference('salesOrder', { required: true }),
    ...lineFields,
    shippedQuantity: field.decimal({ required: true, scale: 6, precision: 24, default: '0' }),
    returnedQuantity: field.decimal({ required: true, scale: 6, precision: 24, default: '0' }),
    externalId: field.text({ maxLength: 200 }),
  },
  indexes: [{ fields: ['orderId', 'position'] }],
});

/** An order line as stored. */
export type SalesOrderLine = InferRecord<typeof salesOrderLine>;

/** What a warehouse reported: a shipment or a return, line by line. */
export const orderMovement = defineModel({
  name: 'orderMovement',
  idPrefix: 'omv',
  description: 'A shipment or a return of (part of) an order.',
  fields: {
    orderId: field.reference('salesOrder', { required: true, index: true }),
    kind: field.enum(['shipment', 'return'] as const, { required: true }),
    /** The warehouse's own id of the movement; reporting it again changes nothing. */
    reference: field.text({ maxLength: 200 }),
    lines: field.jsonOf<{ lineId: string; quantity: string }[]>()({ required: true }),
    occurredAt: field.timestamp({ required: true }),
    note: field.text({ maxLength: 2000 }),
  },
  indexes: [{ fields: ['orderId', 'reference'] }],
});

/** A movement as stored. */
export type OrderMovement = InferRecord<typeof orderMovement>;

/** One approval step: requested, approved or rejected, with the comment. */
export const orderApproval = defineModel({
  name: 'orderApproval',
  idPrefix: 'oap',
  description: 'An approval request or decision on an order.',
  fields: {
    orderId: field.reference('salesOrder', { required: true, index: true }),
    decision: field.enum(['requested', 'approved', 'rejected'] as const, { required: true }),
    level: field.text({ maxLength: 64 }),
    approverId: field.text({ maxLength: 128 }),
    actorId: field.text({ required: true, maxLength: 128 }),
    comment: field.text({ maxLength: 2000 }),
    occurredAt: field.timestamp({ required: true }),
  },
});

/** An approval step as stored. */
export type OrderApproval = InferRecord<typeof orderApproval>;

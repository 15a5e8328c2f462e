import { defineModel, field, type InferRecord } from '@sellkit/core';
import { documentFields, lineFields } from '../documents/document-fields.js';

/** Where a quote stands. A revised quote is `superseded` by its next version. */
export const QUOTE_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'rejected',
  'expired',
  'superseded',
] as const;
/** A quote status. */
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/**
 * A quote (sales quotation). Versions share a `number`; each revision is a new row with the
 * next `revision`, and the one it replaced is kept as `superseded`.
 */
export const quote = defineModel({
  name: 'quote',
  idPrefix: 'quo',
  description: 'A priced offer to a customer, with versions.',
  fields: {
    number: field.text({ required: true, maxLength: 40, index: true }),
    revision: field.integer({ required: true, min: 1, default: 1 }),
    previousId: field.reference('quote'),
    status: field.enum(QUOTE_STATUSES, { required: true, default: 'draft', index: true }),
    validUntil: field.date({ required: true, index: true }),
    title: field.text({ maxLength: 200, searchable: true }),
    sentAt: field.timestamp(),
    decidedAt: field.timestamp(),
    decisionNote: field.text({ maxLength: 2000 }),
    orderId: field.reference('salesOrder'),
    ...documentFields,
  },
  indexes: [{ fields: ['number', 'revision'], unique: true }],
  access: { ownerField: 'ownerId' },
});

/** A quote as stored. */
export type Quote = InferRecord<typeof quote>;

/** One line of a quote. */
export const quoteLine = defineModel({
  name: 'quoteLine',
  idPrefix: 'qul',
  description: 'A line of a quote.',
  fields: {
    quoteId: field.reference('quote', { required: true }),
    ...lineFields,
  },
  indexes: [{ fields: ['quoteId', 'position'] }],
});

/** A quote line as stored. */
export type QuoteLine = InferRecord<typeof quoteLine>;

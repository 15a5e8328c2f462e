import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * Counts of won and lost deals per feature value (`source = referral`: 12 won, 30 lost), the
 * whole of what the naive Bayes win model learns. The row `feature = '*'`, `value = '*'`
 * holds the totals. Updated in the transaction that closes or reopens a deal.
 */
export const winStat = defineModel({
  name: 'winStat',
  idPrefix: 'wst',
  description: 'Won and lost counts per feature value, for the predictive win model.',
  audited: false,
  fields: {
    feature: field.text({ required: true, maxLength: 64 }),
    value: field.text({ required: true, maxLength: 200 }),
    won: field.integer({ required: true, default: 0, min: 0 }),
    lost: field.integer({ required: true, default: 0, min: 0 }),
  },
  indexes: [{ fields: ['feature', 'value'], unique: true }],
});

/** A stored count. */
export type WinStat = InferRecord<typeof winStat>;

import { defineModel } from '../model/define-model.js';
import { field } from '../model/fields.js';

/** Events waiting for delivery to outside systems (finance, e-mail, webhooks). */
export const outboxEventModel = defineModel({
  name: 'outboxEvent',
  idPrefix: 'obx',
  audited: false,
  fields: {
    event: field.text({ required: true, maxLength: 128 }),
    payload: field.json({ required: true }),
    status: field.enum(['pending', 'delivered', 'failed'] as const, {
      required: true,
      index: true,
    }),
    attempts: field.integer({ required: true, min: 0 }),
    availableAt: field.timestamp({ required: true }),
    leasedUntil: field.timestamp(),
    deliveredAt: field.timestamp(),
    lastError: field.text({ maxLength: 2000 }),
  },
  indexes: [{ fields: ['status', 'availableAt'] }],
});

/** Keys of events already emitted once (`emitOnce`), unique per tenant. */
export const deliveryModel = defineModel({
  name: 'eventDelivery',
  idPrefix: 'dlv',
  audited: false,
  fields: {
    key: field.text({ required: true, unique: true, maxLength: 400 }),
    event: field.text({ required: true, maxLength: 128 }),
    at: field.timestamp({ required: true }),
  },
});

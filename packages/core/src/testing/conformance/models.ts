import { defineModel } from '../../model/define-model.js';
import { field } from '../../model/fields.js';

/** A parent that items refer to. */
export const confParent = defineModel({
  name: 'confParent',
  idPrefix: 'cpar',
  fields: {
    name: field.text({ required: true, maxLength: 100 }),
  },
  audited: false,
});

/** One field of every kind, with nulls allowed almost everywhere. */
export const confItem = defineModel({
  name: 'confItem',
  idPrefix: 'citm',
  fields: {
    name: field.text({ required: true, maxLength: 200 }),
    code: field.text({ unique: true, maxLength: 40 }),
    email: field.text({ format: 'email', maxLength: 254 }),
    website: field.text({ format: 'url' }),
    phone: field.text({ format: 'phone', maxLength: 40 }),
    note: field.text({ maxLength: 5000 }),
    quantity: field.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    big: field.integer(),
    price: field.decimal({ scale: 2, precision: 14 }),
    rate: field.decimal({ scale: 4, precision: 12 }),
    amount: field.money(),
    active: field.boolean({ default: true }),
    dueOn: field.date(),
    happenedAt: field.timestamp(),
    status: field.enum(['draft', 'open', 'won', 'lost'] as const, { default: 'draft' }),
    meta: field.json(),
    tags: field.textList({ default: () => [] }),
    parentId: field.reference('confParent', { index: true }),
  },
  indexes: [{ fields: ['status', 'dueOn'] }],
  audited: false,
});

/** Lines of an item: a required reference and a composite unique index. */
export const confLine = defineModel({
  name: 'confLine',
  idPrefix: 'clin',
  fields: {
    itemId: field.reference('confItem', { required: true }),
    lineNo: field.integer({ required: true, min: 1 }),
    label: field.text({ maxLength: 100 }),
  },
  indexes: [{ fields: ['itemId', 'lineNo'], unique: true }],
  audited: false,
});

/** A tree: a model that refers to itself. */
export const confNode = defineModel({
  name: 'confNode',
  idPrefix: 'cnod',
  fields: {
    name: field.text({ required: true, maxLength: 100 }),
    parentId: field.reference('confNode'),
  },
  audited: false,
});

/**
 * The models the storage conformance suite sets up. Adapter authors can reuse them for their
 * own tests; their table names all start with `sk_conf_`.
 */
export const testModels = Object.freeze({ confParent, confItem, confLine, confNode });

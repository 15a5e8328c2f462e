import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * A tag of the tenant ("key account", "new customer"). `key` is the lower-cased name, so
 * "Key Account" and "key account" are one tag. Companies and contacts keep tag names in their
 * `tags` list, which keeps `contains` filters fast.
 */
export const tag = defineModel({
  name: 'tag',
  idPrefix: 'tag',
  fields: {
    name: field.text({ required: true, maxLength: 100, unique: true }),
    key: field.text({ required: true, maxLength: 100, unique: true }),
    color: field.text({ maxLength: 20 }),
    description: field.text({ maxLength: 1000 }),
  },
});

/** A tag as stored. */
export type Tag = InferRecord<typeof tag>;

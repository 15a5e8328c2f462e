import { defineModel, field, type InferRecord } from '@sellkit/core';

/** What a segment selects. */
export const SEGMENT_TARGETS = ['company', 'contact'] as const;
/** A segment target. */
export type SegmentTarget = (typeof SEGMENT_TARGETS)[number];

/**
 * A saved filter over companies or contacts, in the storage filter language (`Where`), so it
 * runs inside the storage engine. Owned by its creator; `shared` segments are visible to
 * everyone in the tenant (their results are still limited to what each user may see).
 */
export const segment = defineModel({
  name: 'segment',
  idPrefix: 'seg',
  fields: {
    name: field.text({ required: true, maxLength: 200 }),
    description: field.text({ maxLength: 2000 }),
    target: field.enum(SEGMENT_TARGETS, { required: true }),
    filter: field.jsonOf<Record<string, unknown>>()({ required: true }),
    /** Columns of the CSV export, in order (default: a sensible set per target). */
    columns: field.textList({ required: true, default: () => [], maxItems: 100, maxLength: 64 }),
    shared: field.boolean({ required: true, default: false }),
    ownerId: field.text({ maxLength: 128, index: true }),
  },
  access: { ownerField: 'ownerId' },
});

/** A segment as stored. */
export type Segment = InferRecord<typeof segment>;

import { defineModel, field, type InferRecord } from '@sellkit/core';
import type { StageDefinition } from './stage-definition.js';

/**
 * A stored pipeline of one tenant: its key, name and ordered stages (validated by
 * `definePipeline` before anything is written). Tenants may have several; one is the default.
 */
export const salesPipeline = defineModel({
  name: 'salesPipeline',
  idPrefix: 'pln',
  description: 'A sales pipeline: ordered stages with probabilities, rules and playbooks.',
  fields: {
    key: field.text({ required: true, maxLength: 64, unique: true }),
    name: field.text({ required: true, maxLength: 200 }),
    stages: field.jsonOf<StageDefinition[]>()({ required: true }),
    isDefault: field.boolean({ required: true, default: false, index: true }),
    active: field.boolean({ required: true, default: true }),
  },
});

/** A pipeline as stored. */
export type SalesPipeline = InferRecord<typeof salesPipeline>;

import { defineModel, field, type InferRecord } from '@sellkit/core';
import type { KpiDefinition } from './kpi-definition.js';

/** A tenant's own KPI, stored as data (the standard KPIs are built in). */
export const kpiDefinition = defineModel({
  name: 'kpiDefinition',
  idPrefix: 'kpi',
  description: 'A KPI defined by the tenant: measure, target and bands.',
  fields: {
    key: field.text({ required: true, maxLength: 64, unique: true }),
    name: field.text({ required: true, maxLength: 200 }),
    definition: field.jsonOf<KpiDefinition>()({ required: true }),
  },
});

/** A stored KPI. */
export type KpiDefinitionRecord = InferRecord<typeof kpiDefinition>;

/**
 * The last band a rep was evaluated in, per KPI and period: a re-evaluation that moves the rep
 * to another band emits `kpi.bandChanged`.
 */
export const kpiBand = defineModel({
  name: 'kpiBand',
  idPrefix: 'kpb',
  description: 'The last band of a rep on a KPI for a period.',
  audited: false,
  fields: {
    kpiKey: field.text({ required: true, maxLength: 64 }),
    periodKey: field.text({ required: true, maxLength: 16 }),
    repId: field.text({ required: true, maxLength: 128 }),
    band: field.text({ required: true, maxLength: 64 }),
    attainment: field.decimal({ required: true, precision: 24, scale: 4 }),
  },
  indexes: [{ fields: ['kpiKey', 'periodKey', 'repId'], unique: true }],
});

/** A stored last band. */
export type KpiBandRecord = InferRecord<typeof kpiBand>;

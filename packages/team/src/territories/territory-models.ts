import { defineModel, field, type InferRecord } from '@sellkit/core';

/** A territory: a node of the tree (country > region > office), with an optional lead. */
export const territory = defineModel({
  name: 'territory',
  idPrefix: 'ter',
  description: 'A sales territory; territories form a tree.',
  fields: {
    name: field.text({ required: true, maxLength: 200, searchable: true }),
    code: field.text({ required: true, maxLength: 64, unique: true }),
    parentId: field.reference('territory', { index: true }),
    leadRepId: field.reference('rep', { index: true }),
  },
});

/** A territory as stored. */
export type Territory = InferRecord<typeof territory>;

/**
 * A rep assigned to a territory over a half-open period: `validFrom` is the first day,
 * `validTo` the first day no longer assigned (null = until further notice). Periods of the
 * same rep and territory never overlap, so "the territory a rep had on a day" is one answer.
 */
export const territoryAssignment = defineModel({
  name: 'territoryAssignment',
  idPrefix: 'tas',
  description: 'A rep assigned to a territory, effective-dated.',
  fields: {
    repId: field.reference('rep', { required: true, index: true }),
    territoryId: field.reference('territory', { required: true, index: true }),
    validFrom: field.date({ required: true }),
    validTo: field.date(),
  },
  indexes: [{ fields: ['repId', 'validFrom'] }, { fields: ['territoryId', 'validFrom'] }],
  // Territory leads manage the assignments of their territories.
  access: { territoryField: 'territoryId' },
});

/** A territory assignment as stored. */
export type TerritoryAssignment = InferRecord<typeof territoryAssignment>;

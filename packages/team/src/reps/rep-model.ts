import { defineModel, field, type InferRecord } from '@sellkit/core';

/** Seniority levels when a tenant configures none, from least to most senior. */
export const DEFAULT_SENIORITY_LEVELS = ['junior', 'senior', 'lead'] as const;

/** A tenant's seniority levels, ordered from least to most senior. */
export type SeniorityLevels = readonly [string, ...string[]];

/**
 * Builds the `rep` model for a set of seniority levels. `team({ seniorityLevels })` calls it;
 * hosts rarely need it themselves.
 *
 * @example
 * ```ts
 * const rep = defineRepModel(['associate', 'executive', 'director']);
 * ```
 */
export function defineRepModel(levels: SeniorityLevels = DEFAULT_SENIORITY_LEVELS) {
  return defineModel({
    name: 'rep',
    idPrefix: 'rep',
    description: 'A sales representative, linked to the host application user.',
    fields: {
      /** The host's own user id; records' owner fields hold it. */
      userId: field.text({ required: true, maxLength: 128, unique: true }),
      name: field.text({ required: true, maxLength: 200, searchable: true }),
      email: field.text({ maxLength: 254, format: 'email' }),
      title: field.text({ maxLength: 200 }),
      hireDate: field.date(),
      active: field.boolean({ required: true, default: true }),
      deactivatedAt: field.timestamp(),
      seniority: field.enum(levels, { required: true, default: levels[0] }),
      skills: field.textList({ required: true, default: () => [], maxItems: 100, maxLength: 100 }),
      reportsToId: field.reference('rep', { index: true }),
      /** Most open records the assignment rules give this rep (overrides the rule set's limit). */
      capacity: field.integer({ min: 0, max: 1_000_000 }),
      externalId: field.text({ maxLength: 200, unique: true }),
    },
    indexes: [{ fields: ['active', 'name'] }],
    // A rep's own directory entry is "owned" by their user, so the kernel's scopes apply:
    // a rep reads their entry, a manager the entries beneath them, an admin all.
    access: { ownerField: 'userId' },
  });
}

/** The `rep` model with the default seniority levels. */
export const rep = defineRepModel();

/** A rep as stored. `seniority` is one of the tenant's levels. */
export type Rep = InferRecord<typeof rep>;

/** Fields that shape the organisation; a rep cannot change them on their own entry. */
export const STRUCTURAL_REP_FIELDS = ['reportsToId', 'seniority', 'capacity', 'active'] as const;

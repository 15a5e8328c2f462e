import { defineModel, field, type InferRecord } from '@sellkit/core';

/** Who a quota is for. */
export const QUOTA_SUBJECTS = ['rep', 'team', 'territory'] as const;

/** Who a quota is for: a rep, a sales team or a territory. */
export type QuotaSubjectType = (typeof QUOTA_SUBJECTS)[number];

/**
 * One version of a quota: a target on a measure for a subject and a tenant calendar period.
 * Versions are never changed: a new one with a later (or the same) `effectiveFrom` supersedes
 * the one before, so the history stays; `revision` orders versions of the same quota.
 */
export const quota = defineModel({
  name: 'quota',
  idPrefix: 'quo',
  description: 'A quota version: a target on a measure for a rep, team or territory and a period.',
  fields: {
    subjectType: field.enum(QUOTA_SUBJECTS, { required: true }),
    subjectId: field.text({ required: true, maxLength: 128 }),
    measure: field.text({ required: true, maxLength: 64 }),
    /** A tenant calendar period key: `2026-03`, `2026-Q1`, `2026`, `FY2026-Q1`, `FY2026`. */
    periodKey: field.text({ required: true, maxLength: 16 }),
    /** The target, an exact decimal (money quotas in `currency`). */
    target: field.decimal({ required: true, precision: 24, scale: 4, min: '0' }),
    currency: field.text({ maxLength: 3 }),
    /**
     * A ramp for new hires (rep quotas): the percentage of the target due in the rep's 1st, 2nd...
     * month since their hire date (`['25', '50', '75']`); 100 % after the last.
     */
    ramp: field.textList({ required: true, default: () => [], maxItems: 36, maxLength: 12 }),
    /** The first day this version is in force. */
    effectiveFrom: field.date({ required: true }),
    revision: field.integer({ required: true, min: 1 }),
    /** How the version came about: set by hand, rolled up from members or split down from a team. */
    source: field.enum(['set', 'rollUp', 'splitDown'] as const, { required: true, default: 'set' }),
    note: field.text({ maxLength: 500 }),
  },
  indexes: [
    { fields: ['subjectId', 'measure', 'periodKey'] },
    { fields: ['measure', 'periodKey'] },
  ],
});

/** A quota version as stored. */
export type Quota = InferRecord<typeof quota>;

import { defineModel, field, type InferRecord } from '@sellkit/core';
import type { AssignmentRules } from './rule-schema.js';

/**
 * One published revision of a named assignment rule set. Publishing adds a revision; older
 * ones stay as history and the highest revision is the one in force.
 */
export const assignmentRuleSet = defineModel({
  name: 'assignmentRuleSet',
  idPrefix: 'ars',
  description: 'A published revision of assignment rules.',
  fields: {
    name: field.text({ required: true, maxLength: 100 }),
    revision: field.integer({ required: true, min: 1 }),
    definition: field.jsonOf<AssignmentRules>()({ required: true }),
    note: field.text({ maxLength: 1000 }),
    publishedBy: field.text({ required: true, maxLength: 128 }),
    publishedAt: field.timestamp({ required: true }),
  },
  indexes: [{ fields: ['name', 'revision'], unique: true }],
});

/** A rule set revision as stored. */
export type AssignmentRuleSetRecord = InferRecord<typeof assignmentRuleSet>;

/**
 * Where round-robin stopped in one pool (a team, a territory). Updated in the assignment's
 * transaction with an expected version, so two concurrent assignments never take one turn.
 */
export const roundRobinCursor = defineModel({
  name: 'roundRobinCursor',
  idPrefix: 'rrc',
  description: 'Round-robin position per assignment pool.',
  // Internal bookkeeping: every assignment moves it, and the reassignment itself is audited.
  audited: false,
  fields: {
    poolKey: field.text({ required: true, maxLength: 200, unique: true }),
    lastRepId: field.text({ maxLength: 64 }),
    turns: field.integer({ required: true, default: 0, min: 0 }),
  },
});

/** A round-robin cursor as stored. */
export type RoundRobinCursor = InferRecord<typeof roundRobinCursor>;

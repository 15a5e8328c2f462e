import { defineModel, field, type InferRecord } from '@sellkit/core';
import type { CommissionPlan } from './plan-schema.js';

/**
 * One published version of a commission plan. Publishing a new version of a key adds a row;
 * old versions stay, so a statement can always name the version it was computed with.
 */
export const commissionPlan = defineModel({
  name: 'commissionPlan',
  idPrefix: 'cpl',
  description: 'A published version of a commission plan (the plan itself is validated JSON).',
  fields: {
    key: field.text({ required: true, maxLength: 64, index: true }),
    /** The version number: 1, 2, 3... per key. */
    revision: field.integer({ required: true, min: 1 }),
    name: field.text({ required: true, maxLength: 200 }),
    periodUnit: field.text({ required: true, maxLength: 32 }),
    definition: field.jsonOf<CommissionPlan>()({ required: true }),
    publishedBy: field.text({ required: true, maxLength: 128 }),
  },
  indexes: [{ fields: ['key', 'revision'], unique: true }],
});

/** A published commission plan version as stored. */
export type CommissionPlanRecord = InferRecord<typeof commissionPlan>;

/**
 * One rep's share of one credited record (e.g. a won deal shared 60/40). The shares of a
 * record always sum to exactly 100.
 */
export const creditSplit = defineModel({
  name: 'creditSplit',
  idPrefix: 'csp',
  description: 'A rep share (percent) of the credit of one source record.',
  fields: {
    source: field.text({ required: true, maxLength: 64 }),
    recordId: field.text({ required: true, maxLength: 128 }),
    repId: field.reference('rep', { required: true, index: true }),
    /** Percent, exact: `"60"`, `"33.3333"`. */
    share: field.decimal({ required: true, scale: 4, precision: 9 }),
  },
  indexes: [{ fields: ['source', 'recordId'] }],
});

/** A credit split row as stored. */
export type CreditSplit = InferRecord<typeof creditSplit>;

/** A closed commission period: from then on its statements never change. */
export const commissionClose = defineModel({
  name: 'commissionClose',
  idPrefix: 'ccl',
  description: 'A closed (frozen) commission period.',
  fields: {
    periodKey: field.text({ required: true, maxLength: 16, unique: true }),
    unit: field.text({ required: true, maxLength: 32 }),
    closedBy: field.text({ required: true, maxLength: 128 }),
    statements: field.integer({ required: true, min: 0 }),
  },
});

/** A period close as stored. */
export type CommissionClose = InferRecord<typeof commissionClose>;

/** A frozen statement: written once when its period closes, never updated. */
export const commissionStatement = defineModel({
  name: 'commissionStatement',
  idPrefix: 'cst',
  description: 'The frozen commission statement of one rep for one closed period.',
  fields: {
    periodKey: field.text({ required: true, maxLength: 16 }),
    repId: field.reference('rep', { required: true, index: true }),
    planKey: field.text({ maxLength: 64 }),
    planVersion: field.integer({ min: 1 }),
    total: field.money({ required: true }),
    /** The whole statement, lines and explanations, as JSON (money as `{ amount, currency }`). */
    body: field.json({ required: true }),
  },
  indexes: [{ fields: ['periodKey', 'repId'], unique: true }],
});

/** A frozen statement row. */
export type CommissionStatementRecord = InferRecord<typeof commissionStatement>;

/**
 * The commission ledger: what each closed period paid per rep and source record (a credit,
 * or a later adjustment: a clawback or a credit given back). Adjustments are measured against
 * it, so each change to a record is paid or clawed back exactly once.
 */
export const commissionEntry = defineModel({
  name: 'commissionEntry',
  idPrefix: 'cen',
  description: 'What a closed commission period paid for one rep and one credited record.',
  audited: false,
  fields: {
    periodKey: field.text({ required: true, maxLength: 16 }),
    repId: field.reference('rep', { required: true }),
    source: field.text({ required: true, maxLength: 64 }),
    recordId: field.text({ required: true, maxLength: 128 }),
    kind: field.enum(['credit', 'adjustment'] as const, { required: true }),
    credited: field.money({ required: true }),
    commission: field.money({ required: true }),
  },
  indexes: [{ fields: ['repId', 'source', 'recordId'] }, { fields: ['source', 'recordId'] }],
});

/** A ledger entry as stored. */
export type CommissionEntry = InferRecord<typeof commissionEntry>;

/** The commission models, for the module's model map. */
export const COMMISSION_MODELS = {
  commissionPlan,
  creditSplit,
  commissionClose,
  commissionStatement,
  commissionEntry,
} as const;

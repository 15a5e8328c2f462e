import { defineModel, field, type InferRecord } from '@sellkit/core';

/** Kinds of interaction. */
export const INTERACTION_TYPES = ['call', 'email', 'meeting', 'visit', 'note'] as const;
/** An interaction type. */
export type InteractionType = (typeof INTERACTION_TYPES)[number];

/** Which way an interaction went. */
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound'] as const;
/** A direction. */
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

/**
 * One interaction with a customer. `companyId` is the company of the time (resolved from the
 * contact when logged), so a company's timeline, its contacts' interactions included, is one
 * indexed query, and a contact who moves on leaves their history where it happened.
 */
export const interaction = defineModel({
  name: 'interaction',
  idPrefix: 'int',
  description: 'A call, e-mail, meeting, visit or note.',
  fields: {
    type: field.enum(INTERACTION_TYPES, { required: true }),
    direction: field.enum(INTERACTION_DIRECTIONS),
    occurredAt: field.timestamp({ required: true }),
    durationMinutes: field.integer({ min: 0, max: 100_000 }),
    subject: field.text({ maxLength: 300, searchable: true }),
    body: field.text({ maxLength: 100_000 }),
    outcome: field.text({ maxLength: 1000 }),
    nextStep: field.text({ maxLength: 1000 }),
    /** Host user ids of the reps who took part. */
    repIds: field.textList({ required: true, default: () => [], maxItems: 50, maxLength: 128 }),
    /** Every contact who took part (the primary `contactId` included). */
    contactIds: field.textList({ required: true, default: () => [], maxItems: 50, maxLength: 64 }),
    contactId: field.reference('contact'),
    companyId: field.reference('company'),
    ownerId: field.text({ maxLength: 128, index: true }),
  },
  indexes: [
    { fields: ['companyId', 'occurredAt', 'id'] },
    { fields: ['contactId', 'occurredAt', 'id'] },
  ],
  access: { ownerField: 'ownerId' },
});

/** An interaction as stored. */
export type Interaction = InferRecord<typeof interaction>;

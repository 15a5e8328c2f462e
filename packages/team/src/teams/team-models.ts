import { defineModel, field, type InferRecord } from '@sellkit/core';

/**
 * A sales team with a manager, optionally serving a territory (assignment by territory
 * round-robins among the members of the teams serving it).
 */
export const salesTeam = defineModel({
  name: 'salesTeam',
  idPrefix: 'team',
  description: 'A sales team and its manager.',
  fields: {
    name: field.text({ required: true, maxLength: 200, searchable: true }),
    description: field.text({ maxLength: 2000 }),
    managerRepId: field.reference('rep', { index: true }),
    territoryId: field.reference('territory', { index: true }),
    externalId: field.text({ maxLength: 200, unique: true }),
  },
});

/** A sales team as stored. */
export type SalesTeam = InferRecord<typeof salesTeam>;

/**
 * One rep's membership of one team over a period. `leftOn` is the first day no longer a
 * member (null while current), so history stays when people move.
 */
export const teamMember = defineModel({
  name: 'teamMember',
  idPrefix: 'tmm',
  description: 'Membership of a rep in a sales team, with dates.',
  fields: {
    teamId: field.reference('salesTeam', { required: true, index: true }),
    repId: field.reference('rep', { required: true, index: true }),
    joinedOn: field.date({ required: true }),
    leftOn: field.date(),
  },
  indexes: [{ fields: ['teamId', 'leftOn'] }],
});

/** A team membership as stored. */
export type TeamMember = InferRecord<typeof teamMember>;

import { isSellkitError, memory } from '@sellkit/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, type Harness, setup } from './test-support/harness.js';

/** Any JSON-ish value, plus the shapes most likely to trip code up. */
const junk = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(null, undefined, [], {}, '', 'rep_nope', 0, -1, Number.NaN, true),
  fc.dictionary(
    fc.constantFrom(
      'userId',
      'name',
      'email',
      'reportsToId',
      'model',
      'territoryId',
      'rules',
      'models',
      'fromRepId',
      'toRepId',
      'validFrom',
      'validTo',
      'repId',
      'seniority',
      'skills',
    ),
    fc.oneof(fc.jsonValue(), fc.constantFrom(null, undefined, 'rep_nope')),
  ),
);

describe('bad input never escapes as a TypeError', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await setup(() => memory());
    const rep = await h.team.createRep({ userId: 'u-1', name: 'One' });
    const crew = await h.team.createTeam({ name: 'Crew' });
    await h.team.addTeamMember(crew.id, rep.id);
    await h.team.publishRules({ rules: [{ id: 'crew', assignTo: { team: crew.id } }] });
  });
  afterAll(closeAll);

  const calls: [string, (value: unknown, other: unknown) => Promise<unknown>][] = [
    ['createRep', (v) => h.team.createRep(v as never)],
    ['updateRep', (v, o) => h.team.updateRep(v as never, o as never)],
    ['deactivateRep', (v, o) => h.team.deactivateRep(v as never, o as never)],
    ['repsUnder', (v, o) => h.team.repsUnder(v as never, o as never)],
    ['createTeam', (v) => h.team.createTeam(v as never)],
    ['addTeamMember', (v, o) => h.team.addTeamMember(v as never, 'rep_x', o as never)],
    ['createTerritory', (v) => h.team.createTerritory(v as never)],
    ['updateTerritory', (v, o) => h.team.updateTerritory(v as never, o as never)],
    ['assignTerritory', (v) => h.team.assignTerritory(v as never)],
    ['changeTerritory', (v, o) => h.team.changeTerritory(v as never, 'ter_x', o as never)],
    ['territoryOf', (v, o) => h.team.territoryOf(v as never, o as never)],
    ['publishRules', (v, o) => h.team.publishRules(v, o as never)],
    ['assign', (v, o) => h.team.assign(v as never, o as never)],
    ['assignRecord', (v, o) => h.team.assignRecord(v as never, 'lead_x', o as never)],
    ['handover', (v) => h.team.handover(v as never)],
    ['listReps', (v) => h.team.listReps(v as never)],
    ['territoryAssignments', (v) => h.team.territoryAssignments(v as never)],
    ['getRep', (v) => h.team.getRep(v as never)],
    ['listTeams', (v) => h.team.listTeams(v as never)],
    ['listTerritories', (v) => h.team.listTerritories(v as never)],
    ['teamMembers', (v, o) => h.team.teamMembers(v as never, o as never)],
    ['removeTeamMember', (v, o) => h.team.removeTeamMember(v as never, 'rep_x', o as never)],
    ['territoryAncestors', (v) => h.team.territoryAncestors(v as never)],
    [
      'updateTerritoryAssignment',
      (v, o) => h.team.updateTerritoryAssignment(v as never, o as never),
    ],
    ['reassignRecord', (v, o) => h.team.reassignRecord('lead', v as never, o as never)],
    ['applyAssignment', (v, o) => h.team.applyAssignment(v as never, 'lead_x', o as never)],
    ['activeRules', (v) => h.team.activeRules(v as never)],
    ['importSalesTeams', (v, o) => h.team.importSalesTeams(v as never, o as never)],
  ];

  for (const [name, call] of calls) {
    it(`${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(junk, junk, async (value, other) => {
          const error = await call(value, other).then(
            () => null,
            (caught: unknown) => caught,
          );
          if (error !== null) expect(isSellkitError(error), `${name}: ${String(error)}`).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }
});

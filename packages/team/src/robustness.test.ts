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
    const rep = await h.team.reps.create({ userId: 'u-1', name: 'One' });
    const crew = await h.team.teams.create({ name: 'Crew' });
    await h.team.teams.addMember(crew.id, rep.id);
    await h.team.rules.publish({ rules: [{ id: 'crew', assignTo: { team: crew.id } }] });
  });
  afterAll(closeAll);

  const calls: [string, (value: unknown, other: unknown) => Promise<unknown>][] = [
    ['reps.create', (v) => h.team.reps.create(v as never)],
    ['reps.update', (v, o) => h.team.reps.update(v as never, o as never)],
    ['reps.deactivate', (v, o) => h.team.reps.deactivate(v as never, o as never)],
    ['reps.under', (v, o) => h.team.reps.under(v as never, o as never)],
    ['teams.create', (v) => h.team.teams.create(v as never)],
    ['teams.addMember', (v, o) => h.team.teams.addMember(v as never, 'rep_x', o as never)],
    ['territories.create', (v) => h.team.territories.create(v as never)],
    ['territories.update', (v, o) => h.team.territories.update(v as never, o as never)],
    ['territories.assign', (v) => h.team.territories.assign(v as never)],
    ['territories.moveRep', (v, o) => h.team.territories.moveRep(v as never, 'ter_x', o as never)],
    ['territories.of', (v, o) => h.team.territories.of(v as never, o as never)],
    ['rules.publish', (v, o) => h.team.rules.publish(v, o as never)],
    ['assign', (v, o) => h.team.assign(v as never, o as never)],
    ['assignRecord', (v, o) => h.team.assignRecord(v as never, 'lead_x', o as never)],
    ['handover', (v) => h.team.handover(v as never)],
    ['reps.list', (v) => h.team.reps.list(v as never)],
    ['territories.assignments', (v) => h.team.territories.assignments(v as never)],
    ['reps.get', (v) => h.team.reps.get(v as never)],
    ['teams.list', (v) => h.team.teams.list(v as never)],
    ['territories.list', (v) => h.team.territories.list(v as never)],
    ['teams.members', (v, o) => h.team.teams.members(v as never, o as never)],
    ['teams.removeMember', (v, o) => h.team.teams.removeMember(v as never, 'rep_x', o as never)],
    ['territories.ancestors', (v) => h.team.territories.ancestors(v as never)],
    [
      'territories.updateAssignment',
      (v, o) => h.team.territories.updateAssignment(v as never, o as never),
    ],
    ['reassignRecord', (v, o) => h.team.reassignRecord('lead', v as never, o as never)],
    ['applyAssignment', (v, o) => h.team.applyAssignment(v as never, 'lead_x', o as never)],
    ['rules.active', (v) => h.team.rules.active(v as never)],
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

import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { closeAll, expectError, seedOrg, setup } from './harness.js';

export function teamSuite(adapter: NamedAdapter) {
  describe(`teams (${adapter.name})`, () => {
    afterEach(closeAll);

    it('creates teams with a manager and keeps membership history', async () => {
      const h = await setup(adapter.create);
      const org = await seedOrg(h);
      const north = await h.team.teams.create({ name: 'North', managerRepId: org.north.id });
      await h.team.teams.addMember(north.id, org.ann.id, { from: '2026-01-01' });
      await h.team.teams.addMember(north.id, org.bob.id);
      expect((await h.team.teams.members(north.id)).map((rep) => rep.name).sort()).toEqual([
        'Ann',
        'Bob',
      ]);
      expect((await h.team.teams.members(north.id, '2026-02-01')).map((rep) => rep.name)).toEqual([
        'Ann',
      ]);
      await h.clock.advance(10 * 86_400_000);
      const ended = await h.team.teams.removeMember(north.id, org.ann.id);
      expect(ended.leftOn).toBe('2026-03-11');
      expect((await h.team.teams.members(north.id)).map((rep) => rep.name)).toEqual(['Bob']);
      expect(
        (await h.team.teams.members(north.id, '2026-03-10')).map((rep) => rep.name).sort(),
      ).toEqual(['Ann', 'Bob']);
      expect(await h.team.teams.membershipsOf(org.ann.id)).toEqual([
        expect.objectContaining({ joinedOn: '2026-01-01', leftOn: '2026-03-11' }),
      ]);
      expect((await h.team.teams.list()).rows.map((row) => row.name)).toEqual(['North']);
    });

    it('refuses bad input: inactive or unknown people, unknown teams, double membership', async () => {
      const h = await setup(adapter.create);
      const org = await seedOrg(h);
      await h.team.reps.deactivate(org.cid.id);
      await expectError(
        h.team.teams.create({ name: 'X', managerRepId: org.cid.id }),
        'VALIDATION_FAILED',
        'managerRepId',
      );
      await expectError(
        h.team.teams.create({ name: 'X', territoryId: 'ter_nope' }),
        'VALIDATION_FAILED',
        'territoryId',
      );
      const south = await h.team.teams.create({ name: 'South', managerRepId: org.south.id });
      await expectError(h.team.teams.addMember(south.id, org.cid.id), 'VALIDATION_FAILED', 'repId');
      await expectError(
        h.team.teams.addMember('team_nope', org.ann.id),
        'VALIDATION_FAILED',
        'teamId',
      );
      await h.team.teams.addMember(south.id, org.dee.id);
      await expectError(h.team.teams.addMember(south.id, org.dee.id), 'CONFLICT', 'repId');
      await expectError(h.team.teams.removeMember(south.id, org.ann.id), 'NOT_FOUND', 'repId');
      await expectError(
        h.team.teams.addMember(south.id, org.ann.id, { from: '2026-13-01' }),
        'VALIDATION_FAILED',
        'from',
      );
      expect((await h.team.teams.members(south.id)).map((rep) => rep.name)).toEqual(['Dee']);
      expect((await h.team.teams.list()).rows).toHaveLength(1);
    });

    it('only admins manage teams by default', async () => {
      const h = await setup(adapter.create);
      const org = await seedOrg(h);
      const nina = h.as({ id: 'u-mgr-n', roles: ['sales-manager'] }).team;
      await expectError(
        nina.teams.create({ name: 'Mine', managerRepId: org.north.id }),
        'FORBIDDEN',
      );
    });
  });
}

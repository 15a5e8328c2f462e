import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { closeAll, type Harness, seedOrg, setup } from './harness.js';

async function seed(h: Harness) {
  const north = await h.team.territories.create({ name: 'North', code: 'N' });
  const south = await h.team.territories.create({ name: 'South', code: 'S' });
  const org = await seedOrg(h);
  await h.team.territories.assign({
    repId: org.ann.id,
    territoryId: north.id,
    validFrom: '2025-01-01',
  });
  return { north, south, org };
}

export function timeZoneSuite(adapter: NamedAdapter) {
  describe(`effective dates in the tenant's time zone (${adapter.name})`, () => {
    afterEach(closeAll);

    it('Shanghai at 00:30 local: today is already the next day', async () => {
      // 2026-03-01T16:30Z is 2026-03-02 00:30 in Shanghai.
      const h = await setup(adapter.create, {}, '2026-03-01T16:30:00Z', [], {
        timeZone: 'Asia/Shanghai',
      });
      const { north, south, org } = await seed(h);
      const change = await h.team.territories.moveRep(org.ann.id, south.id);
      expect(change.assignment.validFrom).toBe('2026-03-02');
      expect(change.ended).toEqual([
        expect.objectContaining({ territoryId: north.id, validTo: '2026-03-02' }),
      ]);
      expect(await h.team.territories.of('u-ann')).toBe(south.id);
      // An instant is read as the local date it falls on: 2026-03-01T15:30Z is 23:30 on the 1st.
      expect(await h.team.territories.of('u-ann', new Date('2026-03-01T15:30:00Z'))).toBe(north.id);
      expect(await h.team.territories.of('u-ann', new Date('2026-03-01T16:00:00Z'))).toBe(south.id);
      // A calendar date is never shifted.
      expect(await h.team.territories.of('u-ann', '2026-03-01')).toBe(north.id);
    });

    it('New York at 23:30 local: today is still the previous day', async () => {
      // 2026-03-02T04:30Z is 2026-03-01 23:30 in New York (UTC-5).
      const h = await setup(adapter.create, {}, '2026-03-02T04:30:00Z', [], {
        timeZone: 'America/New_York',
      });
      const { south, org } = await seed(h);
      const change = await h.team.territories.moveRep(org.ann.id, south.id);
      expect(change.assignment.validFrom).toBe('2026-03-01');
      const member = await h.team.teams.create({ name: 'East' });
      const joined = await h.team.teams.addMember(member.id, org.bob.id);
      expect(joined.joinedOn).toBe('2026-03-01');
      // The same instant for a UTC tenant is the 2nd.
      const utc = await setup(adapter.create, {}, '2026-03-02T04:30:00Z');
      const other = await seed(utc);
      const moved = await utc.team.territories.moveRep(other.org.ann.id, other.south.id);
      expect(moved.assignment.validFrom).toBe('2026-03-02');
    });

    it('the DST change night in Berlin and 31 December', async () => {
      // 2026-03-28T23:30Z is 00:30 on 29 March in Berlin (CET), the night clocks go forward.
      const h = await setup(adapter.create, {}, '2026-03-28T23:30:00Z', [], {
        timeZone: 'Europe/Berlin',
      });
      const { south, org } = await seed(h);
      expect((await h.team.territories.moveRep(org.ann.id, south.id)).assignment.validFrom).toBe(
        '2026-03-29',
      );
      h.clock.set('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Berlin
      const team = await h.team.teams.create({ name: 'New year' });
      expect((await h.team.teams.addMember(team.id, org.cid.id)).joinedOn).toBe('2027-01-01');
    });
  });
}

import { afterEach, describe, expect, it } from 'vitest';
import { teamDirectory } from '../directory/team-directory.js';
import type { NamedAdapter } from './adapters.js';
import { closeAll, expectError, type Harness, seedOrg, setup } from './harness.js';

async function seedTree(h: Harness) {
  const de = await h.team.territories.create({ name: 'Germany', code: 'DE' });
  const south = await h.team.territories.create({ name: 'South', code: 'DE-S', parentId: de.id });
  const munich = await h.team.territories.create({
    name: 'Munich',
    code: 'DE-S-MUC',
    parentId: south.id,
  });
  const north = await h.team.territories.create({ name: 'North', code: 'DE-N', parentId: de.id });
  return { de, south, munich, north };
}

export function territorySuite(adapter: NamedAdapter) {
  describe(`territories (${adapter.name})`, () => {
    afterEach(closeAll);

    it('forms a tree: ancestors and descendants', async () => {
      const h = await setup(adapter.create);
      const t = await seedTree(h);
      expect((await h.team.territories.ancestors(t.munich.id)).map((n) => n.code)).toEqual([
        'DE-S',
        'DE',
      ]);
      expect((await h.team.territories.descendants(t.de.id)).map((n) => n.code)).toEqual([
        'DE-N',
        'DE-S',
        'DE-S-MUC',
      ]);
      expect(await h.team.territories.descendants(t.munich.id)).toEqual([]);
      await expectError(h.team.territories.ancestors('ter_nope'), 'NOT_FOUND');
    });

    it('refuses making a territory its own ancestor, unknown parents and duplicate codes', async () => {
      const h = await setup(adapter.create);
      const t = await seedTree(h);
      await expectError(
        h.team.territories.update(t.de.id, { parentId: t.de.id }),
        'VALIDATION_FAILED',
        'parentId',
      );
      const error = await expectError(
        h.team.territories.update(t.de.id, { parentId: t.munich.id }),
        'VALIDATION_FAILED',
        'parentId',
      );
      expect(error.details.issues?.[0]?.reason).toBe('cycle');
      await expectError(
        h.team.territories.create({ name: 'X', code: 'X', parentId: 'ter_nope' }),
        'VALIDATION_FAILED',
        'parentId',
      );
      await expectError(
        h.team.territories.create({ name: 'Again', code: 'DE' }),
        'CONFLICT',
        'code',
      );
      expect((await h.team.territories.get(t.de.id)).parentId).toBeNull();
      // Legal re-parenting.
      const moved = await h.team.territories.update(t.munich.id, { parentId: t.north.id });
      expect(moved.parentId).toBe(t.north.id);
    });

    it('assigns reps with effective dates: a past deal counts for the territory of its time', async () => {
      const h = await setup(adapter.create);
      const t = await seedTree(h);
      const org = await seedOrg(h);
      await h.team.territories.assign({
        repId: org.ann.id,
        territoryId: t.north.id,
        validFrom: '2025-01-01',
        validTo: '2025-07-01',
      });
      await h.team.territories.assign({
        repId: org.ann.id,
        territoryId: t.munich.id,
        validFrom: '2025-07-01',
      });
      expect(await h.team.territories.of('u-ann', '2025-03-15')).toBe(t.north.id);
      expect(await h.team.territories.of('u-ann', '2025-06-30')).toBe(t.north.id);
      expect(await h.team.territories.of('u-ann', '2025-07-01')).toBe(t.munich.id);
      expect(await h.team.territories.of('u-ann', new Date('2026-02-01T10:00:00Z'))).toBe(
        t.munich.id,
      );
      expect(await h.team.territories.of('u-ann')).toBe(t.munich.id);
      expect(await h.team.territories.of('u-ann', '2024-12-31')).toBeNull();
      expect(await h.team.territories.of('u-nobody')).toBeNull();
      expect(await h.seen('rep.territoryChanged')).toHaveLength(2);
    });

    it('refuses overlapping periods for the same rep and territory, and inactive reps', async () => {
      const h = await setup(adapter.create);
      const t = await seedTree(h);
      const org = await seedOrg(h);
      const first = await h.team.territories.assign({
        repId: org.bob.id,
        territoryId: t.north.id,
        validFrom: '2025-01-01',
        validTo: '2025-06-01',
      });
      for (const period of [
        { validFrom: '2025-05-31' },
        { validFrom: '2024-01-01', validTo: '2025-01-02' },
        { validFrom: '2025-02-01', validTo: '2025-03-01' },
        { validFrom: '2024-06-01' },
      ]) {
        const error = await expectError(
          h.team.territories.assign({ repId: org.bob.id, territoryId: t.north.id, ...period }),
          'VALIDATION_FAILED',
          'validFrom',
        );
        expect(error.details.issues?.[0]?.reason).toBe('overlapping_period');
      }
      // Adjacent periods and other territories are fine.
      await h.team.territories.assign({
        repId: org.bob.id,
        territoryId: t.north.id,
        validFrom: '2025-06-01',
      });
      await h.team.territories.assign({
        repId: org.bob.id,
        territoryId: t.south.id,
        validFrom: '2025-03-01',
      });
      await expectError(
        h.team.territories.updateAssignment(first.id, { validTo: '2025-06-02' }),
        'VALIDATION_FAILED',
        'validTo',
      );
      await expectError(
        h.team.territories.assign({
          repId: org.bob.id,
          territoryId: t.de.id,
          validFrom: '2025-03-01',
          validTo: '2025-03-01',
        }),
        'VALIDATION_FAILED',
        'validTo',
      );
      await h.team.reps.deactivate(org.cid.id);
      await expectError(
        h.team.territories.assign({ repId: org.cid.id, territoryId: t.de.id }),
        'VALIDATION_FAILED',
        'repId',
      );
      await expectError(
        h.team.territories.assign({ repId: org.ann.id, territoryId: 'ter_nope' }),
        'VALIDATION_FAILED',
        'territoryId',
      );
      expect(await h.team.territories.assignments({ repId: org.bob.id })).toHaveLength(3);
      expect(await h.team.territories.assignments({ repId: org.cid.id })).toHaveLength(0);
    });

    it('moves a rep: the old period ends the day the new one starts', async () => {
      const h = await setup(adapter.create);
      const t = await seedTree(h);
      const org = await seedOrg(h);
      await h.team.territories.assign({
        repId: org.dee.id,
        territoryId: t.north.id,
        validFrom: '2025-01-01',
      });
      const change = await h.team.territories.moveRep(org.dee.id, t.south.id, { on: '2026-02-01' });
      expect(change.ended).toEqual([
        expect.objectContaining({ territoryId: t.north.id, validTo: '2026-02-01' }),
      ]);
      expect(change.assignment).toMatchObject({
        territoryId: t.south.id,
        validFrom: '2026-02-01',
        validTo: null,
      });
      expect(await h.team.territories.of('u-dee', '2026-01-31')).toBe(t.north.id);
      expect(await h.team.territories.of('u-dee', '2026-02-01')).toBe(t.south.id);
      // A same-day correction re-points the new period rather than leaving an empty one.
      const fixed = await h.team.territories.moveRep(org.dee.id, t.munich.id, { on: '2026-02-01' });
      expect(fixed.assignment.id).toBe(change.assignment.id);
      expect(fixed.assignment.territoryId).toBe(t.munich.id);
      const moves = (await h.seen('rep.territoryChanged')) as {
        change: string;
        previousTerritoryId: string | null;
      }[];
      expect(moves.map((event) => [event.change, event.previousTerritoryId])).toEqual([
        ['assigned', null],
        ['moved', t.north.id],
        ['moved', t.south.id],
      ]);
      // The directory answers the same without access checks, for other modules.
      expect(await teamDirectory(h.admin.scope).territoryOf('u-dee', '2025-12-31')).toBe(
        t.north.id,
      );
    });

    it('territory leads manage the assignments of their territory and its children', async () => {
      const h = await setup(adapter.create);
      const t = await seedTree(h);
      const org = await seedOrg(h);
      await h.team.territories.update(t.south.id, { leadRepId: org.south.id });
      const lead = h.as({ id: 'u-mgr-s', roles: ['territory-lead'] }).team;
      await lead.territories.assign({ repId: org.cid.id, territoryId: t.munich.id });
      await expectError(
        lead.territories.assign({ repId: org.cid.id, territoryId: t.north.id }),
        'FORBIDDEN',
      );
      expect((await lead.territories.assignments()).map((row) => row.territoryId)).toEqual([
        t.munich.id,
      ]);
    });
  });
}

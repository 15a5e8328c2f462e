import { afterEach, describe, expect, it } from 'vitest';
import { teamDirectory } from '../directory/team-directory.js';
import type { NamedAdapter } from './adapters.js';
import { closeAll, expectError, seedOrg, setup } from './harness.js';

export function hierarchySuite(adapter: NamedAdapter) {
  describe(`hierarchy (${adapter.name})`, () => {
    afterEach(closeAll);

    it('everyone under a manager, any depth, in one call', async () => {
      const h = await setup(adapter.create);
      await seedOrg(h);
      const names = (reps: { name: string }[]) => reps.map((rep) => rep.name);
      expect(names(await h.team.reps.under('u-vp'))).toEqual([
        'Nina North',
        'Sam South',
        'Ann',
        'Bob',
        'Cid',
        'Dee',
      ]);
      expect(names(await h.team.reps.under('u-vp', { depth: 1 }))).toEqual([
        'Nina North',
        'Sam South',
      ]);
      expect(names(await h.team.reps.under('u-mgr-n'))).toEqual(['Ann', 'Bob', 'Dee']);
      expect(await h.team.reps.under('u-dee')).toEqual([]);
      await expectError(h.team.reps.under('u-nobody'), 'NOT_FOUND', 'managerUserId');
      await expectError(h.team.reps.under('u-vp', { depth: 0 }), 'VALIDATION_FAILED', 'depth');
    });

    it('handles thousands of reps, deep and wide', async () => {
      const h = await setup(adapter.create);
      const reps = h.admin.records.rep;
      const [root] = await reps.createMany([{ userId: 'u-root', name: 'Root' }]);
      // A chain 200 deep, then 10 levels of fan-out of 3 under its end... kept to 2,200 reps.
      let parent = root?.id as string;
      for (let level = 0; level < 200; level += 1) {
        const [next] = await reps.createMany([
          { userId: `u-chain-${level}`, name: `Chain ${level}`, reportsToId: parent },
        ]);
        parent = next?.id as string;
      }
      let frontier = [parent];
      let made = 0;
      while (made < 2000) {
        const batch = frontier.flatMap((id, index) =>
          [0, 1, 2].map((k) => ({
            userId: `u-fan-${made}-${index}-${k}`,
            name: `Fan ${made}-${index}-${k}`,
            reportsToId: id,
          })),
        );
        const created = await reps.createMany(batch.slice(0, 2000 - made));
        made += created.length;
        frontier = created.map((row) => row.id);
      }
      const under = await teamDirectory(h.admin.scope).repsUnder('u-root');
      expect(under).toHaveLength(2200);
      expect(new Set(under.map((rep) => rep.id)).size).toBe(2200);
      expect(await teamDirectory(h.admin.scope).repsUnder('u-root', { depth: 200 })).toHaveLength(
        200,
      );
    });
  });
}

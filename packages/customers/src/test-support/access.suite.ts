import { describe, expect, it } from 'vitest';
import type { Company } from '../companies/company-model.js';
import {
  ADMIN,
  type AdapterFactory,
  expectError,
  MANAGER,
  REP_1,
  REP_2,
  setup,
  VIEWER,
} from './harness.js';

type Role = 'rep' | 'manager' | 'admin' | 'viewer';
type Action = 'read' | 'list' | 'update' | 'delete';
/** Whose company: the acting rep's own, a member of the manager's team, or someone else's. */
type Ownership = 'own' | 'team' | 'other';

const ACTORS = { rep: REP_1, manager: MANAGER, admin: ADMIN, viewer: VIEWER } as const;
/** rep-1 is the rep; mgr-1 manages rep-1; rep-2 is in nobody's team here. */
const OWNERS: Record<Role, Record<Ownership, string>> = {
  rep: { own: 'rep-1', team: 'mgr-1', other: 'rep-2' },
  manager: { own: 'mgr-1', team: 'rep-1', other: 'rep-2' },
  admin: { own: 'admin-1', team: 'rep-1', other: 'rep-2' },
  viewer: { own: 'rep-1', team: 'mgr-1', other: 'rep-2' },
};

/** The expected outcome of every role × action × ownership. */
const ALLOWED: Record<Role, Record<Action, readonly Ownership[]>> = {
  rep: { read: ['own'], list: ['own'], update: ['own'], delete: [] },
  manager: {
    read: ['own', 'team'],
    list: ['own', 'team'],
    update: ['own', 'team'],
    delete: ['own', 'team'],
  },
  admin: {
    read: ['own', 'team', 'other'],
    list: ['own', 'team', 'other'],
    update: ['own', 'team', 'other'],
    delete: ['own', 'team', 'other'],
  },
  viewer: {
    read: ['own', 'team', 'other'],
    list: ['own', 'team', 'other'],
    update: [],
    delete: [],
  },
};

const MATRIX = (Object.keys(ALLOWED) as Role[]).flatMap((role) =>
  (Object.keys(ALLOWED[role]) as Action[]).flatMap((action) =>
    (['own', 'team', 'other'] as const).map((ownership) => ({
      role,
      action,
      ownership,
      allowed: ALLOWED[role][action].includes(ownership),
    })),
  ),
);

/** The access matrix, run per adapter. */
export function accessSuite(name: string, factory: AdapterFactory): void {
  describe(`access matrix (${name})`, () => {
    it.each(MATRIX)(
      '$role $action on $ownership company: allowed=$allowed',
      async ({ role, action, ownership, allowed }) => {
        const { admin, as } = await setup(factory);
        const target = await admin.companies.create({
          name: 'Target',
          ownerId: OWNERS[role][ownership],
        });
        const actor = as(ACTORS[role]).customers;
        const attempt = async (): Promise<unknown> => {
          switch (action) {
            case 'read':
              return actor.companies.get(target.id);
            case 'list': {
              const page = await actor.companies.find();
              const count = await actor.companies.count();
              expect(count).toBe(page.rows.length);
              if (!page.rows.some((row: Company) => row.id === target.id))
                throw new Error('not listed');
              return page;
            }
            case 'update':
              return actor.companies.update(target.id, { industry: 'retail' });
            case 'delete':
              return actor.companies.delete(target.id);
          }
        };
        if (allowed) {
          await attempt();
          if (action === 'update')
            expect((await admin.companies.get(target.id)).industry).toBe('retail');
          if (action === 'delete') await expectError(admin.companies.get(target.id), 'NOT_FOUND');
        } else {
          if (action === 'list') await expect(attempt()).rejects.toThrow('not listed');
          else await expectError(attempt(), 'FORBIDDEN');
          const after = await admin.companies.get(target.id);
          expect(after.version).toBe(1);
        }
      },
    );

    it('a rep cannot give a company away or create one for someone else', async () => {
      const { admin, rep1 } = await setup(factory);
      await expectError(
        rep1.companies.create({ name: 'For rep-2', ownerId: 'rep-2' }),
        'FORBIDDEN',
      );
      const mine = await rep1.companies.create({ name: 'Mine' });
      expect(mine.ownerId).toBe('rep-1');
      await expectError(rep1.companies.update(mine.id, { ownerId: 'rep-2' }), 'FORBIDDEN');
      expect((await admin.companies.get(mine.id)).ownerId).toBe('rep-1');
    });

    it('contacts follow the same scopes, and territory leads see their territory', async () => {
      const { admin, as, manager } = await setup(factory);
      const north = await admin.companies.create({
        name: 'North Co',
        ownerId: 'rep-2',
        territoryId: 'north',
      });
      const teamCo = await admin.companies.create({ name: 'Team Co', ownerId: 'rep-1' });
      await admin.contacts.create({ lastName: 'Northerner', companyId: north.id });
      await admin.contacts.create({ lastName: 'Teammate', companyId: teamCo.id });
      const lead = as({
        id: 'lead-1',
        roles: ['territory-lead'],
        territoryIds: ['north'],
      }).customers;
      expect((await lead.companies.find()).rows.map((row) => row.name)).toEqual(['North Co']);
      expect((await lead.contacts.find()).rows.map((row) => row.lastName)).toEqual(['Northerner']);
      expect((await manager.contacts.find()).rows.map((row) => row.lastName)).toEqual(['Teammate']);
      expect((await as(REP_2).customers.contacts.find()).rows.map((row) => row.lastName)).toEqual([
        'Northerner',
      ]);
    });
  });
}

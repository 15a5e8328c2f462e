import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { closeAll, expectError, seedOrg, setup } from './harness.js';

export function repSuite(adapter: NamedAdapter) {
  describe(`reps (${adapter.name})`, () => {
    afterEach(closeAll);

    it('creates a rep linked to a host user, with defaults, and emits rep.created', async () => {
      const h = await setup(adapter.create);
      const ana = await h.team.reps.create({
        userId: 'u-17',
        name: 'Ana Ruiz',
        email: 'ana@example.com',
        title: 'Account executive',
        hireDate: '2024-02-29',
        skills: ['german', 'medical'],
      });
      expect(ana).toMatchObject({
        userId: 'u-17',
        active: true,
        seniority: 'junior',
        skills: ['german', 'medical'],
        reportsToId: null,
      });
      expect(await h.seen('rep.created')).toEqual([{ rep: ana }]);
      expect((await h.admin.audit.history('rep', ana.id)).map((entry) => entry.action)).toEqual([
        'create',
      ]);
    });

    it('accepts a tenant’s own seniority levels', async () => {
      const h = await setup(adapter.create, { seniorityLevels: ['associate', 'principal'] });
      const rep = await h.team.reps.create({ userId: 'u-1', name: 'A', seniority: 'principal' });
      expect(rep.seniority).toBe('principal');
      expect((await h.team.reps.create({ userId: 'u-2', name: 'B' })).seniority).toBe('associate');
      await expectError(
        h.team.reps.create({ userId: 'u-3', name: 'C', seniority: 'senior' }),
        'VALIDATION_FAILED',
        'seniority',
      );
    });

    it('refuses bad input naming the field, and writes nothing', async () => {
      const h = await setup(adapter.create);
      await expectError(
        h.team.reps.create({ userId: 'u-1', name: 'A', email: 'not-an-email' }),
        'VALIDATION_FAILED',
        'email',
      );
      await expectError(
        h.team.reps.create({ userId: 'u-1', name: 'A', reportsToId: 'rep_nope' }),
        'VALIDATION_FAILED',
        'reportsToId',
      );
      await expectError(
        h.team.reps.create({ name: 'No user' } as never),
        'VALIDATION_FAILED',
        'userId',
      );
      await expectError(
        h.team.reps.create({ userId: 'u-1', name: 'A', active: false } as never),
        'VALIDATION_FAILED',
        'active',
      );
      await expectError(h.team.reps.create(null as never), 'VALIDATION_FAILED');
      await expectError(
        h.team.reps.create({ userId: 'u-1', name: 'A', hireDate: '2023-02-30' }),
        'VALIDATION_FAILED',
        'hireDate',
      );
      expect((await h.team.reps.list()).rows).toHaveLength(0);
      expect(await h.seen('rep.created')).toEqual([]);
      await h.team.reps.create({ userId: 'u-1', name: 'A' });
      await expectError(h.team.reps.create({ userId: 'u-1', name: 'B' }), 'CONFLICT', 'userId');
    });

    it('refuses a reports-to cycle, including reporting to oneself', async () => {
      const h = await setup(adapter.create);
      const org = await seedOrg(h);
      await expectError(
        h.team.reps.update(org.vp.id, { reportsToId: org.vp.id }),
        'VALIDATION_FAILED',
        'reportsToId',
      );
      // dee → ann → north → vp: making the VP report to Dee closes a four-step loop.
      const error = await expectError(
        h.team.reps.update(org.vp.id, { reportsToId: org.dee.id }),
        'VALIDATION_FAILED',
        'reportsToId',
      );
      expect(error.details.issues?.[0]?.reason).toBe('cycle');
      await expectError(
        h.team.reps.update(org.north.id, { reportsToId: org.ann.id }),
        'VALIDATION_FAILED',
        'reportsToId',
      );
      expect((await h.team.reps.get(org.vp.id)).reportsToId).toBeNull();
      expect((await h.team.reps.get(org.north.id)).reportsToId).toBe(org.vp.id);
      // A legal move still works.
      const moved = await h.team.reps.update(org.dee.id, { reportsToId: org.south.id });
      expect(moved.reportsToId).toBe(org.south.id);
    });

    it('refuses an inactive or unknown manager', async () => {
      const h = await setup(adapter.create);
      const org = await seedOrg(h);
      await h.team.reps.deactivate(org.south.id);
      await expectError(
        h.team.reps.update(org.ann.id, { reportsToId: org.south.id }),
        'VALIDATION_FAILED',
        'reportsToId',
      );
      await expectError(
        h.team.reps.update(org.ann.id, { reportsToId: 'rep_missing' }),
        'VALIDATION_FAILED',
        'reportsToId',
      );
      await expectError(h.team.reps.update('rep_missing', { name: 'x' }), 'NOT_FOUND');
      await expectError(
        h.team.reps.update(org.ann.id, { userId: 'u-x' } as never),
        'VALIDATION_FAILED',
        'userId',
      );
    });

    it('deactivates without deleting history, and can reactivate', async () => {
      const h = await setup(adapter.create);
      const org = await seedOrg(h);
      const { rep, handover } = await h.team.reps.deactivate(org.bob.id);
      expect(rep).toMatchObject({ active: false, reportsToId: org.north.id });
      expect(rep.deactivatedAt).toEqual(h.clock.now());
      expect(handover).toBeNull();
      expect(await h.seen('rep.deactivated')).toEqual([{ rep, handedOver: 0 }]);
      // Still in the directory and in the tree.
      expect((await h.team.reps.under('u-mgr-n')).map((r) => r.name)).toContain('Bob');
      expect(
        (await h.team.reps.under('u-mgr-n', { activeOnly: true })).map((r) => r.name),
      ).not.toContain('Bob');
      await expectError(h.team.reps.deactivate(org.bob.id), 'INVALID_STATE');
      const back = await h.team.reps.reactivate(org.bob.id);
      expect(back).toMatchObject({ active: true, deactivatedAt: null });
      const actions = (await h.admin.audit.history('rep', org.bob.id)).map((entry) => entry.action);
      expect(actions).toEqual(['create', 'update', 'update']);
    });

    it('lets a rep edit their own entry but not their place in the organisation', async () => {
      const h = await setup(adapter.create);
      const org = await seedOrg(h);
      const ann = h.as({ id: 'u-ann', roles: ['sales-rep'] }).team;
      const renamed = await ann.reps.update(org.ann.id, { title: 'Senior AE', skills: ['french'] });
      expect(renamed.title).toBe('Senior AE');
      await expectError(ann.reps.update(org.ann.id, { seniority: 'lead' }), 'FORBIDDEN');
      await expectError(ann.reps.update(org.ann.id, { reportsToId: null }), 'FORBIDDEN');
      await expectError(ann.reps.deactivate(org.ann.id), 'FORBIDDEN');
      await expectError(ann.reps.update(org.bob.id, { title: 'x' }), 'FORBIDDEN');
      await expectError(ann.reps.create({ userId: 'u-new', name: 'New' }), 'FORBIDDEN');
      // Their manager (team scope) may.
      const nina = h.as({ id: 'u-mgr-n', roles: ['sales-manager'] }).team;
      expect((await nina.reps.update(org.ann.id, { seniority: 'senior' })).seniority).toBe(
        'senior',
      );
      await expectError(nina.reps.update(org.cid.id, { seniority: 'senior' }), 'FORBIDDEN');
    });

    it('reads are scoped: a rep sees their entry, a manager their people, an admin all', async () => {
      const h = await setup(adapter.create);
      await seedOrg(h);
      const names = async (actor: { id: string; roles: string[] }) =>
        (await h.as(actor).team.reps.list()).rows.map((rep) => rep.name);
      expect(await names({ id: 'u-ann', roles: ['sales-rep'] })).toEqual(['Ann']);
      expect(await names({ id: 'u-mgr-n', roles: ['sales-manager'] })).toEqual([
        'Ann',
        'Bob',
        'Dee',
        'Nina North',
      ]);
      expect(await names(ADMIN_ACTOR)).toHaveLength(7);
      expect(
        await h.as({ id: 'u-ann', roles: ['sales-rep'] }).team.reps.byUserId('u-bob'),
      ).toBeNull();
      expect((await h.team.reps.byUserId('u-bob'))?.name).toBe('Bob');
    });
  });
}

const ADMIN_ACTOR = { id: 'admin-1', roles: ['admin'] };

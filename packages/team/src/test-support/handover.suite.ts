import { definePlugin } from '@sellkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { closeAll, expectError, type Harness, seedOrg, setup } from './harness.js';

async function seed(h: Harness) {
  const org = await seedOrg(h);
  const north = await h.team.teams.create({ name: 'North', managerRepId: org.north.id });
  for (const member of [org.ann, org.bob, org.dee])
    await h.team.teams.addMember(north.id, member.id);
  await h.team.rules.publish({ rules: [{ id: 'north', assignTo: { team: north.id } }] });
  const leads = h.admin.records.lead;
  const open1 = await leads.create({ title: 'Open 1', ownerId: 'u-bob' });
  const open2 = await leads.create({ title: 'Open 2', ownerId: 'u-bob' });
  const open3 = await leads.create({ title: 'Open 3', ownerId: 'u-bob' });
  const won = await leads.create({ title: 'Won', ownerId: 'u-bob', status: 'won' });
  const annLead = await leads.create({ title: 'Ann’s', ownerId: 'u-ann' });
  return { ...org, north, open1, open2, open3, won, annLead };
}

export function handoverSuite(adapter: NamedAdapter) {
  describe(`handover (${adapter.name})`, () => {
    afterEach(closeAll);

    it('moves a leaving rep’s open records to another rep, audited, with a report', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      const report = await h.team.handover({
        fromRepId: o.bob.id,
        toRepId: o.cid.id,
        models: ['lead'],
      });
      expect(report).toMatchObject({
        fromRepId: o.bob.id,
        to: o.cid.id,
        counts: { lead: 3 },
        total: 3,
        deactivated: false,
      });
      expect(report.moved.map((move) => move.id).sort()).toEqual(
        [o.open1.id, o.open2.id, o.open3.id].sort(),
      );
      expect(report.moved.every((move) => move.from === 'u-bob' && move.to === 'u-cid')).toBe(true);
      // The won lead stays with Bob: it is history, not open work.
      expect((await h.admin.records.lead.get(o.won.id)).ownerId).toBe('u-bob');
      const events = (await h.seen('record.reassigned')) as { reason: string; to: string }[];
      expect(events).toHaveLength(3);
      expect(events.every((event) => event.reason === 'handover' && event.to === 'u-cid')).toBe(
        true,
      );
      const audit = await h.admin.audit.history('lead', o.open1.id);
      expect(audit.at(-1)?.changes).toEqual({ ownerId: { before: 'u-bob', after: 'u-cid' } });
    });

    it('sends records back through the assignment rules (never to the leaver) and deactivates', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      const report = await h.team.handover({
        fromRepId: o.bob.id,
        toRepId: 'rules',
        models: [{ model: 'lead', open: { status: 'open' } }],
        deactivate: true,
      });
      expect(report.counts).toEqual({ lead: 3 });
      expect(report.moved.map((move) => move.to)).toEqual(['u-ann', 'u-dee', 'u-ann']);
      expect(report.deactivated).toBe(true);
      expect((await h.team.reps.get(o.bob.id)).active).toBe(false);
      expect(await h.seen('rep.deactivated')).toEqual([
        expect.objectContaining({
          handedOver: 3,
          rep: expect.objectContaining({ id: o.bob.id, active: false }),
        }),
      ]);
    });

    it('deactivateRep can hand over in the same transaction', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      const result = await h.team.reps.deactivate(o.bob.id, {
        handover: { toRepId: o.ann.id, models: ['lead'] },
      });
      expect(result.rep.active).toBe(false);
      expect(result.handover?.counts).toEqual({ lead: 3 });
      expect(await h.admin.records.lead.count({ ownerId: 'u-ann' })).toBe(4);
    });

    it('is one transaction: a failure half-way leaves every record where it was', async () => {
      let updates = 0;
      const failing = definePlugin({
        id: 'fail-third',
        hooks: {
          lead: {
            beforeUpdate(patch) {
              updates += 1;
              if (updates === 3) throw new Error('third update refused');
              return patch;
            },
          },
        },
      });
      const h = await setup(adapter.create, {}, undefined, [failing]);
      const o = await seed(h);
      await expect(
        h.team.handover({
          fromRepId: o.bob.id,
          toRepId: o.cid.id,
          models: ['lead'],
          deactivate: true,
        }),
      ).rejects.toThrow('third update refused');
      expect(await h.admin.records.lead.count({ ownerId: 'u-bob' })).toBe(4);
      expect((await h.team.reps.get(o.bob.id)).active).toBe(true);
      expect(await h.seen('record.reassigned')).toEqual([]);
      expect(
        (await h.admin.audit.history('lead', o.open1.id)).map((entry) => entry.action),
      ).toEqual(['create']);
    });

    it('refuses bad input: unknown or inactive reps, unknown models, the same rep', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.reps.deactivate(o.cid.id);
      await expectError(
        h.team.handover({ fromRepId: o.bob.id, toRepId: o.cid.id, models: ['lead'] }),
        'VALIDATION_FAILED',
        'toRepId',
      );
      await expectError(
        h.team.handover({ fromRepId: 'rep_nope', toRepId: o.ann.id, models: ['lead'] }),
        'VALIDATION_FAILED',
        'fromRepId',
      );
      await expectError(
        h.team.handover({ fromRepId: o.bob.id, toRepId: o.bob.id, models: ['lead'] }),
        'VALIDATION_FAILED',
        'toRepId',
      );
      await expectError(
        h.team.handover({ fromRepId: o.bob.id, toRepId: o.ann.id, models: ['spaceship'] }),
        'VALIDATION_FAILED',
        'models.0.model',
      );
      await expectError(
        h.team.handover({ fromRepId: o.bob.id, toRepId: o.ann.id, models: [] }),
        'VALIDATION_FAILED',
        'models',
      );
      expect(await h.admin.records.lead.count({ ownerId: 'u-bob' })).toBe(4);
    });

    it('is access-checked: a manager hands over within their team, not beyond it', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      const nina = h.as({ id: 'u-mgr-n', roles: ['sales-manager'] }).team;
      await expectError(
        nina.handover({ fromRepId: o.bob.id, toRepId: o.cid.id, models: ['lead'] }),
        'FORBIDDEN',
      );
      expect(await h.admin.records.lead.count({ ownerId: 'u-bob' })).toBe(4);
      const report = await nina.handover({
        fromRepId: o.bob.id,
        toRepId: o.dee.id,
        models: ['lead'],
      });
      expect(report.total).toBe(3);
    });
  });
}

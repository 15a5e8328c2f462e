import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { closeAll, expectError, type Harness, setup } from './harness.js';

/** Two regions (South has an office, Munich, without its own team), a team per region. */
async function seed(h: Harness) {
  const t = h.team;
  const de = await t.territories.create({ name: 'Germany', code: 'DE' });
  const south = await t.territories.create({ name: 'South', code: 'S', parentId: de.id });
  const munich = await t.territories.create({ name: 'Munich', code: 'MUC', parentId: south.id });
  const north = await t.territories.create({ name: 'North', code: 'N', parentId: de.id });
  const lead = await t.reps.create({ userId: 'u-lead', name: 'Lea', seniority: 'lead' });
  const rep = (userId: string, name: string, seniority = 'junior') =>
    t.reps.create({ userId, name, seniority, reportsToId: lead.id });
  const s1 = await rep('u-s1', 'S1');
  const s2 = await rep('u-s2', 'S2', 'senior');
  const s3 = await rep('u-s3', 'S3');
  const n1 = await rep('u-n1', 'N1');
  const n2 = await rep('u-n2', 'N2', 'senior');
  const southTeam = await t.teams.create({
    name: 'South',
    managerRepId: lead.id,
    territoryId: south.id,
  });
  const northTeam = await t.teams.create({
    name: 'North',
    managerRepId: lead.id,
    territoryId: north.id,
  });
  const inbound = await t.teams.create({ name: 'Inbound' });
  for (const member of [s1, s2, s3]) await t.teams.addMember(southTeam.id, member.id);
  for (const member of [n1, n2]) await t.teams.addMember(northTeam.id, member.id);
  await t.teams.addMember(inbound.id, lead.id);
  return { de, south, munich, north, lead, s1, s2, s3, n1, n2, southTeam, northTeam, inbound };
}

export function assignmentSuite(adapter: NamedAdapter) {
  describe(`assignment rules (${adapter.name})`, () => {
    afterEach(closeAll);

    it('are stored and versioned: publishing adds a revision, history stays', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      const first = await h.team.rules.publish({
        rules: [{ id: 'all', assignTo: { team: o.southTeam.id } }],
      });
      const second = await h.team.rules.publish(
        { rules: [{ id: 'all', assignTo: { team: o.northTeam.id } }] },
        { note: 'north takes over' },
      );
      expect([first.revision, second.revision]).toEqual([1, 2]);
      expect((await h.team.rules.active()).id).toBe(second.id);
      expect((await h.team.rules.history()).map((set) => set.revision)).toEqual([2, 1]);
      expect((await h.team.assign({ model: 'lead' })).repUserId).toMatch(/^u-n/);
      // Named sets are independent.
      await h.team.rules.publish({ rules: [], fallback: { rep: o.lead.id } }, { name: 'leads' });
      expect((await h.team.assign({ model: 'lead' }, { ruleSet: 'leads' })).repUserId).toBe(
        'u-lead',
      );
      await expectError(h.team.rules.active('nothing-here'), 'NOT_FOUND');
    });

    it('refuse invalid rules, naming the path, and store nothing', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.reps.deactivate(o.s3.id);
      const cases: [unknown, string][] = [
        [{ rules: [{ id: 'x', assignTo: { crew: 'a' } }] }, 'rules.0.assignTo'],
        [{ rules: [{ id: 'x', assignTo: { team: 'team_nope' } }] }, 'rules.0.assignTo.team'],
        [{ rules: [{ id: 'x', assignTo: { rep: o.s3.id } }] }, 'rules.0.assignTo.rep'],
        [
          {
            rules: [
              { id: 'x', assignTo: { team: o.southTeam.id }, prefer: { seniority: ['guru'] } },
            ],
          },
          'rules.0.prefer.seniority.0',
        ],
        [
          {
            rules: [
              { id: 'x', assignTo: { team: o.southTeam.id } },
              { id: 'x', assignTo: { team: o.southTeam.id } },
            ],
          },
          'rules.1.id',
        ],
        [
          {
            rules: [{ id: 'x', when: { model: 'spaceship' }, assignTo: { team: o.southTeam.id } }],
          },
          'rules.0.when.model',
        ],
        [
          {
            rules: [
              {
                id: 'x',
                when: { territoryWithin: 'ter_nope' },
                assignTo: { territoryOf: 'record' },
              },
            ],
          },
          'rules.0.when.territoryWithin',
        ],
        [{ rules: [], capacity: { limit: -1 } }, 'capacity.limit'],
        [{ rules: [], extra: true }, 'extra'],
        [{ rules: [], fallback: { territory: 'ter_nope' } }, 'fallback.territory'],
      ];
      for (const [rules, path] of cases) {
        await expectError(h.team.rules.publish(rules), 'VALIDATION_FAILED', path);
      }
      expect(await h.team.rules.history()).toEqual([]);
      const rep = h.as({ id: 'u-s1', roles: ['sales-rep'] }).team;
      await expectError(rep.rules.publish({ rules: [] }), 'FORBIDDEN');
    });

    it('round-robin within a team, skipping inactive reps', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.rules.publish({ rules: [{ id: 'south', assignTo: { team: o.southTeam.id } }] });
      const next = async () => (await h.team.assign({ model: 'lead' })).repUserId;
      const order = [await next(), await next(), await next(), await next()];
      expect(order).toEqual(['u-s1', 'u-s2', 'u-s3', 'u-s1']);
      await h.team.reps.deactivate(o.s2.id);
      const decision = await h.team.assign({ model: 'lead' });
      expect(decision).toMatchObject({
        repUserId: 'u-s3',
        ruleId: 'south',
        pool: `team:${o.southTeam.id}`,
      });
      expect(decision.reason).toContain('passed over 1 inactive');
      expect(await next()).toBe('u-s1');
      expect(await next()).toBe('u-s3');
    });

    it('two concurrent assignments never take the same turn', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.rules.publish({ rules: [{ id: 'south', assignTo: { team: o.southTeam.id } }] });
      const decisions = await Promise.all(
        Array.from({ length: 9 }, () =>
          h.as({ id: 'admin-1', roles: ['admin'] }).team.assign({ model: 'lead' }),
        ),
      );
      const perRep = new Map<string, number>();
      for (const decision of decisions)
        perRep.set(decision.repUserId, (perRep.get(decision.repUserId) ?? 0) + 1);
      expect(Object.fromEntries(perRep)).toEqual({ 'u-s1': 3, 'u-s2': 3, 'u-s3': 3 });
    });

    it('respects per-rep capacity (open records only; a rep’s own limit wins)', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.rules.publish({
        rules: [{ id: 'north', assignTo: { team: o.northTeam.id } }],
        fallback: { team: o.inbound.id },
        capacity: { limit: 1 },
      });
      const leads = h.admin.records.lead;
      const a = await leads.create({ title: 'A' });
      const b = await leads.create({ title: 'B' });
      const c = await leads.create({ title: 'C' });
      expect((await h.team.assignRecord('lead', a.id)).decision.repUserId).toBe('u-n1');
      expect((await h.team.assignRecord('lead', b.id)).decision.repUserId).toBe('u-n2');
      const third = await h.team.assignRecord('lead', c.id);
      expect(third.decision).toMatchObject({ repUserId: 'u-lead', ruleId: 'fallback' });
      expect(third.decision.reason).toContain('north: nobody eligible');
      // Closing a lead frees capacity; a rep's own capacity overrides the rule set's.
      await leads.update(a.id, { status: 'won' });
      await h.team.reps.update(o.n1.id, { capacity: 0 });
      await h.team.reps.update(o.n2.id, { capacity: 5 });
      const d = await leads.create({ title: 'D' });
      expect((await h.team.assignRecord('lead', d.id)).decision.repUserId).toBe('u-n2');
    });

    it('sends high-priority records to senior reps by territory, others round-robin', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.rules.publish({
        rules: [
          {
            id: 'vip',
            when: { priority: 'high' },
            assignTo: { territoryOf: 'record' },
            prefer: { seniority: ['senior', 'lead'] },
          },
          { id: 'by-territory', assignTo: { territoryOf: 'record' } },
        ],
        fallback: { team: o.inbound.id },
      });
      const vip = await h.team.assign({ model: 'lead', territoryId: o.south.id, priority: 'high' });
      expect(vip).toMatchObject({
        repUserId: 'u-s2',
        ruleId: 'vip',
        pool: `territory:${o.south.id}`,
      });
      expect(vip.reason).toContain('preferred senior/lead');
      expect(
        (await h.team.assign({ model: 'lead', territoryId: o.south.id, priority: 'high' }))
          .repUserId,
      ).toBe('u-s2');
      // Munich has no team of its own: its parent region's team serves it.
      const office = await h.team.assign({ model: 'lead', territoryId: o.munich.id });
      expect(office).toMatchObject({ ruleId: 'by-territory', pool: `territory:${o.south.id}` });
      expect((await h.team.assign({ model: 'lead', territoryId: o.north.id })).repUserId).toBe(
        'u-n1',
      );
      // No territory: the territory rules do not apply, the fallback does.
      expect(await h.team.assign({ model: 'lead' })).toMatchObject({
        ruleId: 'fallback',
        repUserId: 'u-lead',
      });
      // With every senior away, a high-priority record still finds someone, and says so.
      await h.team.reps.deactivate(o.s2.id);
      const fallbackLevel = await h.team.assign({
        model: 'lead',
        territoryId: o.south.id,
        priority: 'high',
      });
      expect(fallbackLevel.ruleId).toBe('vip');
      expect(fallbackLevel.reason).toContain('no preferred senior/lead rep available');
    });

    it('"only" restricts to levels; territoryWithin matches a territory and everything beneath', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.rules.publish({
        rules: [
          {
            id: 'south-vip',
            when: { territoryWithin: o.south.id, segment: ['enterprise', 'public'] },
            assignTo: { team: o.southTeam.id },
            only: { seniority: ['senior'] },
          },
        ],
      });
      const decision = await h.team.assign({
        model: 'lead',
        territoryId: o.munich.id,
        segment: 'public',
      });
      expect(decision.repUserId).toBe('u-s2');
      await expectError(
        h.team.assign({ model: 'lead', territoryId: o.north.id, segment: 'public' }),
        'INVALID_STATE',
      );
      await expectError(
        h.team.assign({ model: 'lead', territoryId: o.munich.id, segment: 'smb' }),
        'INVALID_STATE',
      );
      await h.team.reps.deactivate(o.s2.id);
      const error = await expectError(
        h.team.assign({ model: 'lead', territoryId: o.munich.id, segment: 'public' }),
        'INVALID_STATE',
      );
      expect(error.message).toContain('nobody eligible');
    });

    it('refuses bad assignment input', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await expectError(h.team.assign({ model: 'lead' }), 'NOT_FOUND');
      await h.team.rules.publish({ rules: [{ id: 'south', assignTo: { team: o.southTeam.id } }] });
      await expectError(h.team.assign({ model: 'spaceship' }), 'VALIDATION_FAILED', 'model');
      await expectError(h.team.assign({ model: 'territory' }), 'VALIDATION_FAILED', 'model');
      await expectError(
        h.team.assign({ model: 'lead', territoryId: 'ter_nope' }),
        'VALIDATION_FAILED',
        'territoryId',
      );
      await expectError(h.team.assign(null as never), 'VALIDATION_FAILED');
      await expectError(
        h.team.assign({ model: 'lead' }, { ruleSet: 'Bad Name' }),
        'VALIDATION_FAILED',
        'name',
      );
    });

    it('applies decisions to records: owner set through the audited service, event emitted', async () => {
      const h = await setup(adapter.create);
      const o = await seed(h);
      await h.team.rules.publish({
        rules: [{ id: 'by-territory', assignTo: { territoryOf: 'record' } }],
      });
      const record = await h.admin.records.lead.create({
        title: 'Big one',
        territoryId: o.north.id,
      });
      const result = await h.team.assignRecord('lead', record.id);
      expect(result.changed).toBe(true);
      expect(result.record.ownerId).toBe('u-n1');
      expect(await h.seen('record.reassigned')).toEqual([
        {
          model: 'lead',
          recordId: record.id,
          from: 'admin-1',
          to: 'u-n1',
          reason: 'assignment',
          ruleId: 'by-territory',
        },
      ]);
      const audit = await h.admin.audit.history('lead', record.id);
      expect(audit.at(-1)?.changes).toEqual({ ownerId: { before: 'admin-1', after: 'u-n1' } });
      // Manual reassignment, and to an inactive rep refused.
      await h.team.reassignRecord('lead', record.id, o.n2.id);
      await h.team.reps.deactivate(o.n1.id);
      await expectError(
        h.team.reassignRecord('lead', record.id, o.n1.id),
        'VALIDATION_FAILED',
        'toRepId',
      );
      await expectError(
        h.team.applyAssignment('lead', record.id, { repId: o.n1.id, ruleId: 'x' }),
        'VALIDATION_FAILED',
        'repId',
      );
      expect((await h.admin.records.lead.get(record.id)).ownerId).toBe('u-n2');
      // A decision made first and applied later.
      const decision = await h.team.assign({ model: 'lead', territoryId: o.south.id });
      const applied = await h.team.applyAssignment('lead', record.id, decision);
      expect(applied.record.ownerId).toBe(decision.repUserId);
    });
  });
}

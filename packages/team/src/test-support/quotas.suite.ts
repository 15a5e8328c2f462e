import { afterEach, describe, expect, it } from 'vitest';
import type { QuotaInput } from '../quotas/quota-input.js';
import type { NamedAdapter } from './adapters.js';
import { expectError } from './harness.js';
import { closePerformance, seedSalesOrg, setupPerformance } from './performance-harness.js';

export function quotaSuite(adapter: NamedAdapter) {
  describe(`quotas (${adapter.name})`, () => {
    afterEach(closePerformance);

    it('sets versioned, effective-dated quotas and looks up the one in force', async () => {
      const h = await setupPerformance(adapter.create);
      const { ana } = await seedSalesOrg(h);
      const key = {
        subjectType: 'rep',
        subjectId: ana.id,
        measure: 'won-revenue',
        periodKey: '2026-Q2',
      } as const;
      const first = await h.team.quotas.set({
        ...key,
        target: '30000',
        effectiveFrom: '2026-04-01',
      });
      expect(first).toMatchObject({ target: '30000.0000', currency: 'EUR', revision: 1 });
      const second = await h.team.quotas.set({
        ...key,
        target: '36000.50',
        effectiveFrom: '2026-05-01',
      });
      expect(await h.team.quotas.target(key)).toEqual({
        target: '30000.00',
        currency: 'EUR',
        quotaId: first.id,
      });
      expect(await h.team.quotas.target({ ...key, asOf: '2026-05-01' })).toEqual({
        target: '36000.50',
        currency: 'EUR',
        quotaId: second.id,
      });
      expect((await h.team.quotas.history(key)).map((q) => q.revision)).toEqual([1, 2]);
      const events = await h.seen('quota.set');
      expect(events).toHaveLength(2);
      expect(events[1]).toMatchObject({ quota: { id: second.id }, previousQuotaId: first.id });
      const audit = await h.admin.audit.history('quota', first.id);
      expect(audit.at(0)?.action).toBe('create');
    });

    it('ramps a new hire month by month and accepts fiscal periods', async () => {
      const h = await setupPerformance(
        adapter.create,
        { performance: { currency: 'EUR' } },
        { fiscalYearStartMonth: 4 },
      );
      const newbie = await h.team.reps.create({
        userId: 'u-new',
        name: 'Nia',
        hireDate: '2026-05-10',
      });
      await h.team.quotas.set({
        subjectType: 'rep',
        subjectId: newbie.id,
        measure: 'won-revenue',
        periodKey: 'FY2027-Q1', // April to June 2026
        target: '30000',
        ramp: ['50', '75'],
      });
      // April 0 % (before hire), May 50 %, June 75 % of 10000 each.
      const found = await h.team.quotas.target({
        subjectType: 'rep',
        subjectId: newbie.id,
        measure: 'won-revenue',
        periodKey: 'FY2027-Q1',
      });
      expect(found?.target).toBe('12500.00');
    });

    it('rolls team quotas up from members and splits them down exactly', async () => {
      const h = await setupPerformance(adapter.create);
      const { ana, bob, west } = await seedSalesOrg(h);
      for (const [rep, target] of [
        [ana, '100.01'],
        [bob, '200'],
      ] as const) {
        await h.team.quotas.set({
          subjectType: 'rep',
          subjectId: rep.id,
          measure: 'won-revenue',
          periodKey: '2026-05',
          target,
        });
      }
      const rolled = await h.team.quotas.rollUp(west.id, 'won-revenue', '2026-05');
      expect(rolled).toMatchObject({ subjectType: 'team', target: '300.0100', source: 'rollUp' });
      await h.team.quotas.set({
        subjectType: 'team',
        subjectId: west.id,
        measure: 'won-deals',
        periodKey: '2026-Q2',
        target: 10,
      });
      const parts = await h.team.quotas.splitDown(west.id, 'won-deals', '2026-Q2', {
        weights: { [ana.id]: '2', [bob.id]: '1' },
      });
      expect(parts.map((q) => [q.subjectId, q.target])).toEqual([
        [ana.id, '7.0000'],
        [bob.id, '3.0000'],
      ]);
      const money = await h.team.quotas.splitDown(west.id, 'won-revenue', '2026-05');
      expect(money.map((q) => q.target).sort()).toEqual(['150.0000', '150.0100']);
    });

    it('refuses bad input and writes nothing', async () => {
      const h = await setupPerformance(adapter.create);
      const { ana, west } = await seedSalesOrg(h);
      const base = {
        subjectType: 'rep',
        subjectId: ana.id,
        measure: 'won-revenue',
        periodKey: '2026-Q2',
        target: '100',
      } as const;
      await expectError(
        h.team.quotas.set({ ...base, measure: 'nope' }),
        'VALIDATION_FAILED',
        'measure',
      );
      await expectError(
        h.team.quotas.set({ ...base, periodKey: '2026-Q5' }),
        'VALIDATION_FAILED',
        'periodKey',
      );
      await expectError(
        h.team.quotas.set({ ...base, periodKey: '2026-13' }),
        'VALIDATION_FAILED',
        'periodKey',
      );
      await expectError(
        h.team.quotas.set({ ...base, target: '-1' }),
        'VALIDATION_FAILED',
        'target',
      );
      await expectError(
        h.team.quotas.set({ ...base, currency: 'USD' }),
        'VALIDATION_FAILED',
        'currency',
      );
      await expectError(
        h.team.quotas.set({ ...base, measure: 'won-deals', currency: 'EUR' }),
        'VALIDATION_FAILED',
        'currency',
      );
      await expectError(
        h.team.quotas.set({ ...base, measure: 'won-deals', target: '1.5' }),
        'VALIDATION_FAILED',
        'target',
      );
      await expectError(
        h.team.quotas.set({ ...base, subjectId: 'rep_nope' }),
        'VALIDATION_FAILED',
        'subjectId',
      );
      await expectError(
        h.team.quotas.set({ ...base, ramp: ['120'] }),
        'VALIDATION_FAILED',
        'ramp.0',
      );
      await expectError(
        h.team.quotas.set({ ...base, subjectType: 'team', subjectId: west.id, ramp: ['50'] }),
        'VALIDATION_FAILED',
        'ramp',
      );
      await expectError(
        h.team.quotas.splitDown(west.id, 'won-revenue', '2026-Q2'),
        'VALIDATION_FAILED',
        'teamId',
      );
      await expectError(
        h.team.quotas.rollUp(west.id, 'won-revenue', '2026-Q2'),
        'VALIDATION_FAILED',
        'teamId',
      );
      await expectError(h.team.quotas.set(null as unknown as QuotaInput), 'VALIDATION_FAILED');
      await expectError(
        h.team.quotas.splitDown(west.id, 'won-revenue', '2026-Q2', { weights: { rep_nope: '1' } }),
        'VALIDATION_FAILED',
      );
      expect(
        await h.team.quotas.history({
          subjectType: 'rep',
          subjectId: ana.id,
          measure: 'won-revenue',
          periodKey: '2026-Q2',
        }),
      ).toEqual([]);
      expect(await h.seen('quota.set')).toEqual([]);
    });

    it('sets many quotas at once, or none when one is bad', async () => {
      const h = await setupPerformance(adapter.create);
      const { ana, bob } = await seedSalesOrg(h);
      const inputs = [ana, bob].map((rep) => ({
        subjectType: 'rep' as const,
        subjectId: rep.id,
        measure: 'won-deals',
        periodKey: '2026-Q2',
        target: 5,
      }));
      await expectError(
        h.team.quotas.setMany([
          ...inputs,
          {
            subjectType: 'rep',
            subjectId: ana.id,
            measure: 'won-deals',
            periodKey: '2026-Q3',
            target: '-1',
          },
        ]),
        'VALIDATION_FAILED',
        '2.target',
      );
      expect(await h.seen('quota.set')).toEqual([]);
      const written = await h.team.quotas.setMany(inputs);
      expect(written.map((q) => [q.subjectId, q.target])).toEqual([
        [ana.id, '5.0000'],
        [bob.id, '5.0000'],
      ]);
      expect(await h.seen('quota.set')).toHaveLength(2);
    });

    it('lets only admins set quotas by default', async () => {
      const h = await setupPerformance(adapter.create);
      const { ana } = await seedSalesOrg(h);
      const rep = h.as({ id: 'u-ana', roles: ['sales-rep'] }).team;
      await expectError(
        rep.quotas.set({
          subjectType: 'rep',
          subjectId: ana.id,
          measure: 'won-deals',
          periodKey: '2026-Q2',
          target: 1,
        }),
        'FORBIDDEN',
      );
    });
  });
}

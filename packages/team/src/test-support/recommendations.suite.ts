import { afterEach, describe, expect, it } from 'vitest';
import { defaultSkillGapRuleSet } from '../training/gap-rules.js';
import type { NamedAdapter } from './adapters.js';
import { expectError, setup } from './harness.js';
import { closeTraining, setupTraining, type TrainingHarness } from './training-harness.js';

const Q1 = { unit: 'quarter', date: '2026-02-15' } as const;

/** Four reps; Ann wins 2 of 10 and logs 2 interactions, the others 6 of 10 and 10 each. */
async function seed(h: TrainingHarness) {
  const ann = await h.team.reps.create({ userId: 'u-ann', name: 'Ann' });
  const others = [];
  for (const name of ['Bob', 'Cid', 'Dee']) {
    others.push(await h.team.reps.create({ userId: `u-${name.toLowerCase()}`, name }));
  }
  await h.deals('u-ann', { won: 2, lost: 8, productId: 'prd_a' }, '2026-02-10T10:00:00Z');
  await h.touches('u-ann', 2, '2026-02-10T10:00:00Z');
  for (const rep of others) {
    await h.deals(rep.userId, { won: 6, lost: 4, productId: 'prd_a' }, '2026-02-10T10:00:00Z');
    await h.touches(rep.userId, 10, '2026-02-10T10:00:00Z');
  }
  const courses = h.training.courses;
  const basics = await courses.create({
    title: 'Negotiation basics',
    skills: ['negotiation'],
    durationMinutes: 60,
  });
  const advanced = await courses.create({
    title: 'Advanced negotiation',
    skills: ['negotiation', 'closing'],
    durationMinutes: 240,
    prerequisiteIds: [basics.id],
  });
  const closing = await courses.create({
    title: 'Closing',
    skills: ['closing'],
    durationMinutes: 90,
  });
  const prospecting = await courses.create({
    title: 'Prospecting',
    skills: ['prospecting'],
    durationMinutes: 90,
  });
  await courses.create({
    title: 'Handling objections',
    skills: ['objection-handling'],
    durationMinutes: 60,
  });
  const unrelated = await courses.create({
    title: 'Excel',
    skills: ['spreadsheets'],
    durationMinutes: 30,
  });
  return { ann, others, basics, advanced, closing, prospecting, unrelated };
}

export function recommendationSuite(adapter: NamedAdapter) {
  describe(`training: course recommendations (${adapter.name})`, () => {
    afterEach(closeTraining);

    it('detects gaps against the team and explains each recommendation with its figures', async () => {
      const h = await setupTraining(adapter.create);
      const s = await seed(h);
      await h.training.enrolments.complete(s.ann.id, s.closing.id, { on: '2026-01-10' });
      const report = await h.training.recommend(s.ann.id, { period: Q1 });
      expect(report.periodKey).toBe('2026-Q1');
      expect(report.ruleSet).toEqual({ id: 'team-skill-gaps', version: 1, source: 'default' });
      expect(report.facts.winRate).toEqual({ rep: 20, team: 50, ratioPct: 40, gapPoints: 30 });
      expect(report.facts.activities).toEqual({ rep: 2, team: 8, ratioPct: 25, gapPoints: 6 });
      expect(report.gaps.map((gap) => [gap.ruleId, gap.skills])).toEqual([
        ['low-win-rate', ['closing', 'negotiation']],
        ['few-activities', ['prospecting']],
        ['weak-product', ['product-knowledge']],
        ['weak-stage', ['objection-handling']],
      ]);
      expect(report.facts.weakestStage).toEqual({
        rep: 20,
        team: 50,
        ratioPct: 40,
        gapPoints: 30,
        stage: 'proposal',
        repExits: 10,
      });
      expect(report.gaps[0]?.figures).toEqual([
        {
          fact: 'sample.closedDeals.rep',
          value: 10,
          operator: 'gte',
          threshold: 5,
          measure: 'sample.closedDeals',
          rep: 10,
          team: 40,
        },
        {
          fact: 'winRate.ratioPct',
          value: 40,
          operator: 'lt',
          threshold: 80,
          measure: 'winRate',
          rep: 20,
          team: 50,
        },
      ]);
      expect(
        report.recommendations.map((course) => [course.title, course.missingPrerequisites]),
      ).toEqual([
        ['Handling objections', []],
        ['Negotiation basics', []],
        ['Prospecting', []],
        ['Advanced negotiation', [s.basics.id]],
      ]);
      expect(report.recommendations[1]?.explanation).toEqual([
        "low-win-rate (Win rate below 80 % of the team's (at least 5 closed deals)): " +
          'sample.closedDeals.rep = 10 >= 5 (rep 10, team 40); winRate.ratioPct = 40 < 80 (rep 20, team 50)',
      ]);
      const bob = await h.training.recommend(s.others[0]?.id ?? '', { period: Q1 });
      expect(bob.gaps).toEqual([]);
      await h.training.recommend(s.ann.id, { period: Q1 });
      const events = await h.seen('course.recommended');
      expect(events).toHaveLength(4);
      expect(events[1]).toEqual({
        repId: s.ann.id,
        courseId: s.basics.id,
        periodKey: '2026-Q1',
        skills: ['negotiation'],
        gaps: ['low-win-rate'],
      });
    });

    it('follows the rules the tenant publishes, and refuses rules without skills', async () => {
      const h = await setupTraining(adapter.create);
      const s = await seed(h);
      const rules = defaultSkillGapRuleSet();
      await expectError(
        h.training.gapRules.save({
          ...rules,
          rules: [{ ...rules.rules[0], outcome: { points: 1 } }],
        }),
        'VALIDATION_FAILED',
        'rules.0.outcome.tag',
      );
      expect(await h.training.gapRules.history()).toEqual([]);
      await h.training.gapRules.save({
        ...rules,
        rules: rules.rules.filter((rule) => rule.id === 'few-activities'),
      });
      const published = await h.training.gapRules.publish();
      expect(published.version).toBe(1);
      const report = await h.training.recommend(s.ann.id, { period: Q1, emit: false });
      expect(report.ruleSet.source).toBe('published');
      expect(report.gaps.map((gap) => gap.ruleId)).toEqual(['few-activities']);
      expect(report.recommendations.map((course) => course.title)).toEqual(['Prospecting']);
      expect(await h.seen('course.recommended')).toEqual([]);
      const all = await h.training.recommendAll({ period: Q1, emit: false });
      expect(all.map((row) => [row.repId, row.gaps.length])).toEqual([
        [s.ann.id, 1],
        ...s.others.map((rep) => [rep.id, 0]),
      ]);
    });

    it('lets a rep see their own recommendations only', async () => {
      const h = await setupTraining(adapter.create);
      const s = await seed(h);
      const ann = h.crm.as({ tenantId: 'acme', actor: { id: 'u-ann', roles: ['sales-rep'] } });
      const own = await ann.team.training.recommend(s.ann.id, { period: Q1, emit: false });
      expect(own.gaps.length).toBeGreaterThan(0);
      const other = s.others[0]?.id ?? '';
      const refused = await ann.team.training
        .recommend(other, { period: Q1 })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) });
      expect(
        (await ann.team.training.recommendAll({ period: Q1, emit: false })).map((r) => r.repId),
      ).toEqual([s.ann.id]);
    });

    it('places deals in tenant-local periods and refuses bad input', async () => {
      const h = await setupTraining(adapter.create, { tenant: { timeZone: 'Asia/Shanghai' } });
      const ann = await h.team.reps.create({ userId: 'u-ann', name: 'Ann' });
      // 2026-03-31T20:00Z is 2026-04-01 in Shanghai: the second quarter there.
      await h.deals('u-ann', { won: 1, lost: 0 }, '2026-03-31T20:00:00Z');
      const q1 = await h.training.recommend(ann.id, { period: Q1, emit: false });
      expect(q1.facts.sample.closedDeals.rep).toBe(0);
      const q2 = await h.training.recommend(ann.id, {
        period: { unit: 'quarter', date: '2026-04-01' },
        emit: false,
      });
      expect(q2.facts.sample.closedDeals.rep).toBe(1);
      await expectError(
        h.training.recommend(ann.id, { period: { unit: 'quarter', date: '2026-02-30' } }),
        'VALIDATION_FAILED',
        'period.date',
      );
      await expectError(h.training.recommend('rep_nope'), 'NOT_FOUND');
    });

    it('needs the opportunity model', async () => {
      const h = await setup(adapter.create);
      const ann = await h.team.reps.create({ userId: 'u-ann', name: 'Ann' });
      await expectError(h.team.training.recommend(ann.id), 'CONFIGURATION_INVALID');
    });
  });
}

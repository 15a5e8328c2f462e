import { afterEach, describe, expect, it } from 'vitest';
import type { NamedAdapter } from './adapters.js';
import { expectError } from './harness.js';
import { closeTraining, setupTraining, type TrainingHarness } from './training-harness.js';

async function twoReps(h: TrainingHarness) {
  const ann = await h.team.reps.create({ userId: 'u-ann', name: 'Ann' });
  const bob = await h.team.reps.create({ userId: 'u-bob', name: 'Bob' });
  return { ann, bob };
}

export function trainingSuite(adapter: NamedAdapter) {
  describe(`training: courses, enrolments, certifications (${adapter.name})`, () => {
    afterEach(closeTraining);

    it('keeps courses with skills and prerequisites, and refuses cycles', async () => {
      const h = await setupTraining(adapter.create);
      const courses = h.training.courses;
      const basics = await courses.create({
        title: 'Negotiation basics',
        skills: ['negotiation'],
        durationMinutes: 90,
        provider: 'Sales Academy',
      });
      const advanced = await courses.create({
        title: 'Advanced negotiation',
        skills: ['negotiation', 'closing'],
        durationMinutes: 240,
        prerequisiteIds: [basics.id],
      });
      const expert = await courses.create({
        title: 'Expert negotiation',
        skills: ['negotiation'],
        durationMinutes: 480,
        prerequisiteIds: [advanced.id],
      });
      expect(advanced).toMatchObject({ prerequisiteIds: [basics.id], provider: null });
      await expectError(
        courses.update(basics.id, { prerequisiteIds: [basics.id] }),
        'VALIDATION_FAILED',
        'prerequisiteIds.0',
      );
      const cycle = await courses
        .update(basics.id, { title: 'Changed', prerequisiteIds: [expert.id] })
        .catch((error: unknown) => error);
      expect(cycle).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { cycle: [basics.id, expert.id, advanced.id, basics.id] },
      });
      expect(await courses.get(basics.id)).toMatchObject({
        title: 'Negotiation basics',
        prerequisiteIds: [],
      });
      await expectError(
        courses.create({ title: 'X', durationMinutes: 10, prerequisiteIds: ['crs_nope'] }),
        'VALIDATION_FAILED',
        'prerequisiteIds.0',
      );
      await expectError(
        courses.create({ title: 'X', durationMinutes: 10, skills: ['Closing'] }),
        'VALIDATION_FAILED',
        'skills.0',
      );
      await expectError(
        courses.create({ title: 'X', durationMinutes: 0 }),
        'VALIDATION_FAILED',
        'durationMinutes',
      );
      expect((await courses.list()).rows.map((row) => row.title)).toEqual([
        'Advanced negotiation',
        'Expert negotiation',
        'Negotiation basics',
      ]);
    });

    it('enrols after prerequisites, records completions and emits training.completed', async () => {
      const h = await setupTraining(adapter.create);
      const { ann } = await twoReps(h);
      const basics = await h.training.courses.create({
        title: 'Basics',
        skills: ['closing'],
        durationMinutes: 60,
      });
      const next = await h.training.courses.create({
        title: 'Next',
        skills: ['closing'],
        durationMinutes: 60,
        prerequisiteIds: [basics.id],
      });
      const missing = await h.training.enrolments
        .enrol(ann.id, next.id)
        .catch((error: unknown) => error);
      expect(missing).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { missing: [basics.id] },
      });
      const enrolled = await h.training.enrolments.enrol(ann.id, basics.id, { on: '2026-02-20' });
      expect(enrolled).toMatchObject({ status: 'enrolled', enrolledOn: '2026-02-20' });
      await expectError(h.training.enrolments.enrol(ann.id, basics.id), 'CONFLICT', 'courseId');
      await expectError(
        h.training.enrolments.complete(ann.id, basics.id, { score: 101 }),
        'VALIDATION_FAILED',
        'score',
      );
      await expectError(
        h.training.enrolments.complete(ann.id, basics.id, { on: '2026-02-19' }),
        'VALIDATION_FAILED',
        'on',
      );
      expect(await h.seen('training.completed')).toEqual([]);
      const done = await h.training.enrolments.complete(ann.id, basics.id, { score: '87.5' });
      expect(done).toMatchObject({
        status: 'completed',
        completedOn: '2026-03-01',
        score: '87.50',
      });
      await expectError(h.training.enrolments.complete(ann.id, basics.id), 'CONFLICT', 'courseId');
      expect(await h.seen('training.completed')).toEqual([
        {
          enrolmentId: done.id,
          repId: ann.id,
          courseId: basics.id,
          completedOn: '2026-03-01',
          score: '87.5',
          skills: ['closing'],
        },
      ]);
      await h.training.enrolments.enrol(ann.id, next.id);
      await h.training.enrolments.withdraw(ann.id, next.id);
      await expectError(h.training.enrolments.withdraw(ann.id, next.id), 'NOT_FOUND', 'courseId');
      expect((await h.training.enrolments.ofRep(ann.id)).map((row) => row.status).sort()).toEqual([
        'completed',
        'withdrawn',
      ]);
      await expectError(
        h.training.enrolments.enrol('rep_nope', basics.id),
        'VALIDATION_FAILED',
        'repId',
      );
    });

    it('reminds of expiring certifications once per window, again after renewal', async () => {
      const h = await setupTraining(adapter.create);
      const { ann, bob } = await twoReps(h);
      const cert = await h.training.certifications.grant(ann.id, {
        name: 'Product specialist',
        issuedOn: '2025-04-01',
        validForMonths: 12,
      });
      expect(cert.expiresOn).toBe('2026-03-31');
      await h.training.certifications.grant(bob.id, { name: 'Forever', issuedOn: '2025-01-01' });
      await expectError(
        h.training.certifications.grant(bob.id, {
          name: 'X',
          issuedOn: '2026-03-01',
          expiresOn: '2026-02-01',
        }),
        'VALIDATION_FAILED',
        'expiresOn',
      );
      await h.admin.scheduler.tick();
      await h.admin.scheduler.tick();
      expect(await h.seen('certification.expiring')).toEqual([
        {
          certificationId: cert.id,
          repId: ann.id,
          name: 'Product specialist',
          expiresOn: '2026-03-31',
          daysUntil: 30,
          windowDays: 30,
        },
      ]);
      expect((await h.training.certifications.expiring(30)).map((row) => row.daysUntil)).toEqual([
        30,
      ]);
      await h.clock.advance(25 * 86_400_000);
      await h.admin.scheduler.tick();
      await h.admin.scheduler.tick();
      expect(
        (await h.seen('certification.expiring')).map(
          (event) => (event as { windowDays: number }).windowDays,
        ),
      ).toEqual([30, 7]);
      const renewed = await h.training.certifications.renew(cert.id, { validForMonths: 12 });
      expect(renewed).toMatchObject({
        issuedOn: '2026-03-26',
        expiresOn: '2027-03-25',
        renewals: 1,
      });
      await h.admin.scheduler.tick();
      expect(await h.seen('certification.expiring')).toHaveLength(2);
    });

    it('counts days until expiry in the tenant calendar', async () => {
      // 2026-03-24T12:00Z is already 2026-03-25 in Auckland (UTC+13).
      const h = await setupTraining(adapter.create, {
        start: '2026-03-24T12:00:00Z',
        tenant: { timeZone: 'Pacific/Auckland' },
      });
      const { ann } = await twoReps(h);
      await h.training.certifications.grant(ann.id, { name: 'Local', expiresOn: '2026-04-01' });
      await h.admin.scheduler.tick();
      expect(await h.seen('certification.expiring')).toEqual([
        expect.objectContaining({ daysUntil: 7, windowDays: 7 }),
      ]);
    });
  });
}

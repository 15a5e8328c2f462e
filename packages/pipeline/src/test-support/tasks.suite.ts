import { catalog } from '@sellkit/catalog';
import { createSellkit, createTestClock } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../module.js';
import {
  ADMIN,
  type AdapterFactory,
  DAY,
  expectCode,
  freshTenant,
  START,
  setup,
  teamResolver,
  usd,
} from './harness.js';

const HOUR = 3_600_000;

/** Tasks, the scheduler's due and overdue events, and the manager's overdue list. Run per adapter. */
export function tasksSuite(name: string, factory: AdapterFactory): void {
  describe(`tasks on ${name}`, () => {
    it('emits task.due and task.overdue exactly once each, across ticks', async () => {
      const { rep1, admin, crm } = await setup(factory);
      const events: string[] = [];
      crm.events.on('task.due', (event) => {
        events.push(`due ${event.task.title}`);
      });
      crm.events.on('task.overdue', (event) => {
        events.push(`overdue ${event.task.title} since ${event.overdueSince.toISOString()}`);
      });
      const deal = await rep1.pipeline.opportunities.create({ title: 'A', amount: usd('100') });
      await rep1.pipeline.opportunities.moveStage(deal.id, 'proposal');
      const start = new Date(START).getTime();
      const tick = async (offset: number) => {
        const report = await admin.scheduler.tick(new Date(start + offset));
        expect(report.jobs.every((job) => job.ok)).toBe(true);
        await crm.events.idle();
      };
      await tick(2 * DAY);
      expect(events).toEqual([]);
      await tick(3 * DAY);
      await tick(3 * DAY + HOUR);
      expect(events).toEqual(['due Call for feedback on the proposal']);
      await tick(4 * DAY - 1);
      await tick(4 * DAY);
      await tick(5 * DAY);
      await tick(10 * DAY);
      expect(events).toEqual([
        'due Call for feedback on the proposal',
        `overdue Call for feedback on the proposal since ${new Date(start + 4 * DAY).toISOString()}`,
      ]);
    });

    it('emits once even when two processes tick at the same time', async () => {
      const storage = await factory();
      const make = () =>
        createSellkit({
          storage,
          modules: [customers(), catalog({ currency: 'USD' }), pipeline()],
          clock: createTestClock(START),
          access: { resolver: teamResolver },
        });
      const [one, two] = [await make(), await make()];
      const due: string[] = [];
      for (const crm of [one, two]) {
        crm.events.on('task.due', (event) => {
          due.push(event.task.id);
        });
        crm.events.on('task.overdue', (event) => {
          due.push(`late ${event.task.id}`);
        });
      }
      const tenantId = freshTenant();
      const as = (crm: typeof one) => crm.as({ tenantId, actor: ADMIN.actor });
      const admin = as(one);
      for (let index = 0; index < 5; index += 1) {
        await admin.pipeline.tasks.create({
          title: `Call ${index}`,
          dueAt: new Date(new Date(START).getTime() + HOUR),
        });
      }
      const at = new Date(new Date(START).getTime() + 3 * DAY);
      await Promise.all([
        as(one).scheduler.tick(at),
        as(two).scheduler.tick(at),
        as(one).scheduler.tick(at),
        as(two).scheduler.tick(at),
      ]);
      await Promise.all([one.events.idle(), two.events.idle()]);
      expect(due.filter((item) => !item.startsWith('late'))).toHaveLength(5);
      expect(new Set(due).size).toBe(10);
      expect(due).toHaveLength(10);
    });

    it('completes, cancels and snoozes tasks; a snoozed task is due again later', async () => {
      const { rep1, admin, crm, clock } = await setup(factory);
      const due: string[] = [];
      crm.events.on('task.due', (event) => {
        due.push(event.task.dueAt.toISOString());
      });
      const deal = await rep1.pipeline.opportunities.create({ title: 'A' });
      const task = await rep1.pipeline.tasks.create({
        title: 'Send deck',
        dueAt: '2026-03-03T09:00:00Z',
        opportunityId: deal.id,
      });
      expect(task).toMatchObject({ ownerId: 'rep-1', status: 'open' });
      await admin.scheduler.tick(new Date('2026-03-03T10:00:00Z'));
      await expectCode(
        rep1.pipeline.tasks.snooze(task.id, '2026-03-01T00:00:00Z'),
        'VALIDATION_FAILED',
      );
      const snoozed = await rep1.pipeline.tasks.snooze(task.id, '2026-03-05T09:00:00Z');
      expect(snoozed.status).toBe('snoozed');
      await admin.scheduler.tick(new Date('2026-03-04T00:00:00Z'));
      await admin.scheduler.tick(new Date('2026-03-05T09:30:00Z'));
      await crm.events.idle();
      expect(due).toEqual(['2026-03-03T09:00:00.000Z', '2026-03-05T09:00:00.000Z']);
      expect((await rep1.pipeline.tasks.get(task.id)).status).toBe('open');
      clock.advance(2 * DAY);
      const done = await rep1.pipeline.tasks.complete(task.id);
      expect(done.status).toBe('done');
      expect(done.completedAt?.toISOString()).toBe(clock.now().toISOString());
      // Completing a follow-up counts as engagement on the deal.
      expect((await rep1.pipeline.opportunities.get(deal.id)).lastActivityAt?.toISOString()).toBe(
        clock.now().toISOString(),
      );
      await expectCode(rep1.pipeline.tasks.complete(task.id), 'INVALID_TRANSITION');
      await expectCode(rep1.pipeline.tasks.cancel(task.id), 'INVALID_TRANSITION');
      const other = await rep1.pipeline.tasks.create({
        title: 'Other',
        dueAt: '2026-03-10T09:00:00Z',
      });
      expect((await rep1.pipeline.tasks.cancel(other.id)).status).toBe('cancelled');
      await expectCode(
        rep1.pipeline.tasks.create({ title: 'Bad', dueAt: 'soon' }),
        'VALIDATION_FAILED',
      );
    });

    it("lists a manager's overdue tasks by rep, within the team only", async () => {
      const { rep1, rep2, manager } = await setup(factory);
      const past = (days: number) => new Date(new Date(START).getTime() - days * DAY);
      await rep1.pipeline.tasks.create({ title: 'Old call', dueAt: past(5) });
      await rep1.pipeline.tasks.create({ title: 'Older call', dueAt: past(9) });
      await rep1.pipeline.tasks.create({
        title: 'Due yesterday evening',
        dueAt: new Date(new Date(START).getTime() - 12 * HOUR),
      });
      await rep1.pipeline.tasks.create({ title: 'Future', dueAt: past(-3) });
      await manager.pipeline.tasks.create({ title: 'Mine', dueAt: past(2) });
      await rep2.pipeline.tasks.create({ title: 'Other team', dueAt: past(7) });
      const list = await manager.pipeline.tasks.overdueByRep();
      expect(
        list.map((row) => [row.ownerId, row.overdue, row.tasks.map((task) => task.title)]),
      ).toEqual([
        ['rep-1', 2, ['Older call', 'Old call']],
        ['mgr-1', 1, ['Mine']],
      ]);
      expect(list[0]?.oldestDueAt?.toISOString()).toBe(past(9).toISOString());
      const own = await rep2.pipeline.tasks.overdueByRep();
      expect(own.map((row) => row.ownerId)).toEqual(['rep-2']);
    });
  });
}

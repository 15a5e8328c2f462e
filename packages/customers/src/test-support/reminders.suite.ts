import { describe, expect, it } from 'vitest';
import type { ReminderDueEvent } from '../events.js';
import { ADMIN, type AdapterFactory, setup } from './harness.js';

const DAY = 86_400_000;

async function withReminders(factory: AdapterFactory, start: string) {
  const context = await setup(factory, {}, [], start);
  const due: ReminderDueEvent[] = [];
  context.crm.events.on('reminder.due', (event) => {
    due.push(event);
  });
  const tick = async (now?: string) => {
    const report = await context.as(ADMIN).scheduler.tick(now ? new Date(now) : undefined);
    await context.crm.events.idle();
    return report;
  };
  return { ...context, due, tick };
}

/** The reminder suite, run per adapter. */
export function remindersSuite(name: string, factory: AdapterFactory): void {
  describe(`reminders (${name})`, () => {
    it('emits birthdays and anniversaries within the window exactly once across ticks', async () => {
      const { admin, due, tick } = await withReminders(factory, '2026-03-01T09:00:00Z');
      const company = await admin.companies.create({ name: 'Acme', ownerId: 'rep-1' });
      const ada = await admin.contacts.create({
        firstName: 'Ada',
        lastName: 'Lovelace',
        companyId: company.id,
        birthday: '1985-03-05',
      });
      await admin.contacts.create({ lastName: 'Later', birthday: '1985-03-09' });
      await admin.contacts.create({ lastName: 'Past', birthday: '1985-02-28' });
      await admin.contacts.create({ lastName: 'Veteran', workAnniversary: '2020-03-08' });
      await admin.contacts.create({ lastName: 'Starts today', workAnniversary: '2026-03-01' });
      const report = await tick();
      expect(report.jobs).toEqual([{ name: 'customers.reminders', ok: true }]);
      expect(
        due.map((event) => [event.kind, event.name, event.date, event.daysUntil, event.years]),
      ).toEqual([
        ['birthday', 'Ada Lovelace', '2026-03-05', 4, 41],
        ['workAnniversary', 'Veteran', '2026-03-08', 7, 6],
      ]);
      expect(due[0]).toMatchObject({
        model: 'contact',
        recordId: ada.id,
        ownerId: 'rep-1',
        companyId: company.id,
      });
      await tick();
      await tick('2026-03-02T08:00:00Z');
      expect(due).toHaveLength(3);
      expect(due[2]).toMatchObject({ kind: 'birthday', date: '2026-03-09', daysUntil: 7 });
    });

    it('two concurrent ticks (two scopes, as two processes would) emit once', async () => {
      const { admin, as, crm, due } = await withReminders(factory, '2026-03-01T09:00:00Z');
      for (let index = 0; index < 5; index += 1) {
        await admin.contacts.create({ lastName: `C${index}`, birthday: `1990-03-0${index + 2}` });
      }
      const now = new Date('2026-03-01T10:00:00Z');
      await Promise.all([
        as(ADMIN).scheduler.tick(now),
        as({ id: 'ops', roles: [] }).scheduler.tick(now),
      ]);
      await crm.events.idle();
      expect(due).toHaveLength(5);
      expect(new Set(due.map((event) => event.recordId)).size).toBe(5);
    });

    it('crosses the year end', async () => {
      const { admin, due, tick } = await withReminders(factory, '2026-12-29T09:00:00Z');
      await admin.contacts.create({ lastName: 'New Year', birthday: '1980-01-02' });
      await admin.contacts.create({ lastName: 'Eve', birthday: '1980-12-31' });
      await tick();
      expect(due.map((event) => [event.name, event.date, event.daysUntil, event.years])).toEqual([
        ['New Year', '2027-01-02', 4, 47],
        ['Eve', '2026-12-31', 2, 46],
      ]);
    });

    it('celebrates 29 February on 28 February in common years, and on the day in leap years', async () => {
      const common = await withReminders(factory, '2027-02-25T09:00:00Z');
      await common.admin.contacts.create({ lastName: 'Leapling', birthday: '1992-02-29' });
      await common.admin.contacts.create({ lastName: 'Leap hire', workAnniversary: '2024-02-29' });
      await common.tick();
      expect(common.due.map((event) => [event.name, event.date, event.years])).toEqual([
        ['Leapling', '2027-02-28', 35],
        ['Leap hire', '2027-02-28', 3],
      ]);
      const leap = await withReminders(factory, '2028-02-25T09:00:00Z');
      await leap.admin.contacts.create({ lastName: 'Leapling', birthday: '1992-02-29' });
      await leap.admin.contacts.create({ lastName: 'Twenty-eighth', birthday: '1992-02-28' });
      await leap.tick();
      expect(leap.due.map((event) => [event.name, event.date]).sort()).toEqual([
        ['Leapling', '2028-02-29'],
        ['Twenty-eighth', '2028-02-28'],
      ]);
    });

    it('reminds of companies without an interaction for 90 days, once per quiet spell', async () => {
      const { admin, clock, due, tick } = await withReminders(factory, '2026-01-01T09:00:00Z');
      const quiet = await admin.companies.create({ name: 'Quiet', ownerId: 'rep-2' });
      const churned = await admin.companies.create({ name: 'Gone', lifecycleStage: 'churned' });
      clock.advance(50 * DAY);
      const fresh = await admin.companies.create({ name: 'Fresh' });
      const talked = await admin.companies.create({ name: 'Talked' });
      await admin.interactions.log({ type: 'call', companyId: talked.id });
      clock.advance(45 * DAY); // 2026-04-06: Quiet 95 days old, Fresh 45, Talked 45 since the call
      await tick();
      expect(
        due.map((event) => [event.kind, event.name, event.ownerId, event.date, event.daysUntil]),
      ).toEqual([['noInteraction', 'Quiet', 'rep-2', '2026-04-01', -5]]);
      expect(due[0]?.lastInteractionAt).toBeNull();
      await tick();
      expect(due).toHaveLength(1);
      await admin.interactions.log({ type: 'visit', companyId: quiet.id });
      clock.advance(91 * DAY);
      await tick();
      const names = due
        .slice(1)
        .map((event) => event.name)
        .sort();
      expect(names).toEqual(['Fresh', 'Quiet', 'Talked']);
      expect(due.some((event) => event.recordId === churned.id)).toBe(false);
      expect(fresh.id).toBeDefined();
    });
  });
}

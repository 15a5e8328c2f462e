import type { TenantSettingsInput } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import type { ReminderDueEvent } from '../events.js';
import { ADMIN, type AdapterFactory, expectError, setup } from './harness.js';

async function tenant(factory: AdapterFactory, start: string, settings: TenantSettingsInput) {
  const context = await setup(factory, { reminders: { withinDays: 1 } }, [], start, settings);
  const due: ReminderDueEvent[] = [];
  context.crm.events.on('reminder.due', (event) => {
    due.push(event);
  });
  const tick = async () => {
    await context.as(ADMIN).scheduler.tick();
    await context.crm.events.idle();
    return due
      .map((event) => [event.name, event.date, event.daysUntil, event.years])
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  };
  return { ...context, tick };
}

const SHANGHAI = { timeZone: 'Asia/Shanghai' } as const;
const NEW_YORK = { timeZone: 'America/New_York' } as const;
const BERLIN = { timeZone: 'Europe/Berlin' } as const;

/** Birthdays, anniversaries and relative segment dates in the tenant's time zone, per adapter. */
export function localDatesSuite(name: string, factory: AdapterFactory): void {
  describe(`customers in the tenant's time zone (${name})`, () => {
    it('Shanghai at 00:30: a birthday today is due today; the same instant is yesterday in UTC', async () => {
      // 2026-03-04T16:30Z is 2026-03-05 00:30 in Shanghai.
      const cn = await tenant(factory, '2026-03-04T16:30:00Z', SHANGHAI);
      await cn.admin.contacts.create({ lastName: 'Wang', birthday: '1985-03-05' });
      await cn.admin.contacts.create({ lastName: 'Li', birthday: '1985-03-04' });
      expect(await cn.tick()).toEqual([['Wang', '2026-03-05', 0, 41]]);
      const utc = await tenant(factory, '2026-03-04T16:30:00Z', {});
      await utc.admin.contacts.create({ lastName: 'Wang', birthday: '1985-03-05' });
      await utc.admin.contacts.create({ lastName: 'Li', birthday: '1985-03-04' });
      expect(await utc.tick()).toEqual([
        ['Li', '2026-03-04', 0, 41],
        ['Wang', '2026-03-05', 1, 41],
      ]);
    });

    it('New York at 23:30: still the day before', async () => {
      // 2026-03-05T04:30Z is 2026-03-04 23:30 in New York.
      const us = await tenant(factory, '2026-03-05T04:30:00Z', NEW_YORK);
      await us.admin.contacts.create({ lastName: 'Smith', birthday: '1985-03-04' });
      await us.admin.contacts.create({ lastName: 'Jones', workAnniversary: '2020-03-06' });
      expect(await us.tick()).toEqual([['Smith', '2026-03-04', 0, 41]]);
    });

    it('born on 29 February: reminded on 28 February in common years, 29th in leap years', async () => {
      // 2027-02-27T23:30Z is 28 February 00:30 in Berlin.
      const de = await tenant(factory, '2027-02-27T23:30:00Z', BERLIN);
      await de.admin.contacts.create({ lastName: 'Leap', birthday: '1992-02-29' });
      expect(await de.tick()).toEqual([['Leap', '2027-02-28', 0, 35]]);
      de.clock.set('2028-02-28T23:30:00Z'); // 29 February 2028, 00:30 in Berlin
      expect((await de.tick()).slice(1)).toEqual([['Leap', '2028-02-29', 0, 36]]);
    });

    it('31 December in Shanghai is already New Year', async () => {
      const cn = await tenant(factory, '2026-12-31T16:30:00Z', SHANGHAI);
      await cn.admin.contacts.create({ lastName: 'Zhao', birthday: '1990-01-01' });
      expect(await cn.tick()).toEqual([['Zhao', '2027-01-01', 0, 37]]);
    });

    it('a birthday is a calendar date: today in Shanghai is not a future date', async () => {
      const cn = await tenant(factory, '2026-03-04T16:30:00Z', SHANGHAI);
      const baby = await cn.admin.contacts.create({ lastName: 'Baby', birthday: '2026-03-05' });
      expect(baby.birthday).toBe('2026-03-05');
      expect((await cn.admin.contacts.get(baby.id)).birthday).toBe('2026-03-05');
      const born = await cn.admin.segments.preview('contact', {
        birthday: { gte: { $daysAgo: 0 } },
      });
      expect(born.rows.map((row) => row.id)).toEqual([baby.id]);
      const utc = await tenant(factory, '2026-03-04T16:30:00Z', {});
      await expectError(
        utc.admin.contacts.create({ lastName: 'Baby', birthday: '2026-03-05' }),
        'VALIDATION_FAILED',
      );
    });

    it('$daysAgo on a timestamp counts local calendar days across the DST change', async () => {
      // 2026-03-08T13:00Z is 09:00 EDT; one local day earlier is 09:00 EST = 14:00Z on the 7th.
      // A company last called at 13:30Z on the 7th: is that more than one local day ago?
      const quietSinceYesterday = async (settings: TenantSettingsInput) => {
        const { admin } = await tenant(factory, '2026-03-08T13:00:00Z', settings);
        const company = await admin.companies.create({ name: 'Quiet' });
        await admin.interactions.log({
          type: 'call',
          companyId: company.id,
          occurredAt: new Date('2026-03-07T13:30:00Z'),
        });
        const older = await admin.segments.preview('company', {
          lastInteractionAt: { lt: { $daysAgo: 1 } },
        });
        return older.rows.map((row) => row.id === company.id);
      };
      expect(await quietSinceYesterday(NEW_YORK)).toEqual([true]);
      expect(await quietSinceYesterday({})).toEqual([]);
    });
  });
}

import type { TenantSettingsInput } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { type AdapterFactory, expectCode, setup, usd } from './harness.js';

const SHANGHAI = { timeZone: 'Asia/Shanghai' } as const;
const NEW_YORK = { timeZone: 'America/New_York' } as const;

function at(factory: AdapterFactory, start: string, tenantSettings: TenantSettingsInput = {}) {
  return setup(factory, {}, { start, tenantSettings });
}

/** Due dates, overdue tasks, report buckets and scoring facts in the tenant's calendar. */
export function calendarSuite(name: string, factory: AdapterFactory): void {
  describe(`the tenant calendar in the pipeline (${name})`, () => {
    it('"3 days after entering Proposal" is 3 local days, across the DST change', async () => {
      // Friday 6 March 2026, 09:00 in New York (EST); 3 days later is Monday 09:00 EDT.
      const ny = await at(factory, '2026-03-06T14:00:00Z', NEW_YORK);
      const deal = await ny.rep1.pipeline.opportunities.create({ title: 'A', amount: usd('10') });
      await ny.rep1.pipeline.opportunities.moveStage(deal.id, 'proposal');
      const [task] = (await ny.rep1.pipeline.tasks.find()).rows;
      expect(task?.dueAt.toISOString()).toBe('2026-03-09T13:00:00.000Z');
      // A UTC tenant at the same instant: 72 hours.
      const utc = await at(factory, '2026-03-06T14:00:00Z');
      const other = await utc.rep1.pipeline.opportunities.create({ title: 'A', amount: usd('10') });
      await utc.rep1.pipeline.opportunities.moveStage(other.id, 'proposal');
      expect((await utc.rep1.pipeline.tasks.find()).rows[0]?.dueAt.toISOString()).toBe(
        '2026-03-09T14:00:00.000Z',
      );
    });

    it('a local due time is wall-clock time; overdue one local day later; the skipped hour fails', async () => {
      const ny = await at(factory, '2026-03-06T14:00:00Z', NEW_YORK);
      const overdue: string[] = [];
      ny.crm.events.on('task.overdue', (event) => {
        overdue.push(event.overdueSince.toISOString());
      });
      const task = await ny.rep1.pipeline.tasks.create({
        title: 'Call back',
        dueAt: '2026-03-07T09:00',
      });
      expect(task.dueAt.toISOString()).toBe('2026-03-07T14:00:00.000Z');
      // Overdue one local day after 09:00 EST on the 7th: 09:00 EDT on the 8th, 23 hours later.
      await ny.admin.scheduler.tick(new Date('2026-03-08T12:59:00Z'));
      await ny.crm.events.idle();
      expect(overdue).toEqual([]);
      expect(
        await ny.manager.pipeline.tasks.overdueByRep({ now: new Date('2026-03-08T12:59:00Z') }),
      ).toEqual([]);
      await ny.admin.scheduler.tick(new Date('2026-03-08T13:00:00Z'));
      await ny.crm.events.idle();
      expect(overdue).toEqual(['2026-03-08T13:00:00.000Z']);
      const error = await expectCode(
        ny.rep1.pipeline.tasks.create({ title: 'Never', dueAt: '2026-03-08T02:30' }),
        'VALIDATION_FAILED',
      );
      expect(error.details.issues?.[0]).toMatchObject({
        path: 'dueAt',
        reason: 'nonexistent_local_time',
      });
      expect((await ny.rep1.pipeline.tasks.find()).rows.map((row) => row.title)).toEqual([
        'Call back',
      ]);
    });

    it('a deal won at 2026-03-31T20:00Z is March in New York and April in Shanghai', async () => {
      const buckets = async (settings: TenantSettingsInput) => {
        const h = await at(factory, '2026-03-31T20:00:00Z', settings);
        const deal = await h.rep1.pipeline.opportunities.create({
          title: 'Won',
          amount: usd('1000'),
        });
        const won = await h.rep1.pipeline.opportunities.win(deal.id);
        const reports = h.manager.pipeline.reports;
        return {
          closeDate: won.closeDate,
          day: (await reports.wonByPeriod('day')).map((row) => row.period),
          week: (await reports.wonByPeriod('week')).map((row) => row.period),
          month: await reports.wonByPeriod('month'),
          quarter: (await reports.wonByPeriod('quarter')).map((row) => row.period),
          fiscalYear: (await reports.wonByPeriod('fiscalYear')).map((row) => row.period),
          fiscalQuarter: (await reports.wonByPeriod('fiscalQuarter')).map((row) => row.period),
        };
      };
      const ny = await buckets({ ...NEW_YORK, fiscalYearStartMonth: 4 });
      expect(ny).toMatchObject({
        closeDate: '2026-03-31',
        day: ['2026-03-31'],
        week: ['2026-W14'],
        quarter: ['2026-Q1'],
        fiscalYear: ['FY2026'],
        fiscalQuarter: ['FY2026-Q4'],
      });
      expect(ny.month.map((row) => [row.period, row.deals, row.revenue[0]?.toString()])).toEqual([
        ['2026-03', 1, '1000.00'],
      ]);
      const cn = await buckets({ ...SHANGHAI, fiscalYearStartMonth: 4 });
      expect(cn).toMatchObject({
        closeDate: '2026-04-01',
        day: ['2026-04-01'],
        quarter: ['2026-Q2'],
        fiscalYear: ['FY2027'],
        fiscalQuarter: ['FY2027-Q1'],
      });
      expect(cn.month.map((row) => row.period)).toEqual(['2026-04']);
      const utc = await buckets({});
      expect(utc).toMatchObject({ closeDate: '2026-03-31', fiscalYear: ['FY2026'] });
    });

    it('invalid tenant settings are CONFIGURATION_INVALID and nothing is written', async () => {
      for (const settings of [
        { timeZone: 'Mars/Olympus' },
        { fiscalYearStartMonth: 13 },
        { weekStartsOn: 7 },
      ]) {
        const h = await at(factory, '2026-03-06T14:00:00Z', settings);
        await expectCode(
          h.rep1.pipeline.opportunities.create({ title: 'A', amount: usd('10') }),
          'CONFIGURATION_INVALID',
        );
        await expectCode(
          h.rep1.pipeline.tasks.create({ title: 'T', dueAt: '2026-03-07T09:00' }),
          'CONFIGURATION_INVALID',
        );
        expect(await h.admin.records.opportunity.count()).toBe(0);
        expect(await h.admin.records.task.count()).toBe(0);
      }
    });

    it("$daysToClose counts from the tenant's today", async () => {
      // 2026-03-31T16:30Z is 1 April 00:30 in Shanghai and still 31 March in UTC.
      const reasons = async (settings: TenantSettingsInput) => {
        const h = await at(factory, '2026-03-31T16:30:00Z', settings);
        const deal = await h.rep1.pipeline.opportunities.create({
          title: 'Due',
          amount: usd('10'),
          expectedCloseDate: '2026-03-31',
        });
        return deal.scoreExplanation?.reasons.map((reason) => reason.rule) ?? [];
      };
      expect(await reasons(SHANGHAI)).toContain('close-date-passed');
      expect(await reasons(SHANGHAI)).not.toContain('close-date-near');
      expect(await reasons({})).toContain('close-date-near');
      expect(await reasons(NEW_YORK)).toContain('close-date-near');
    });
  });
}

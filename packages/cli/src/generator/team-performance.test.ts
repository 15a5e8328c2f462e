import { memory } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { composeSellkit } from '../db/compose.js';
import { buildTeamReport } from '../reports/team-report.js';
import { generateDemoTenant } from './generate-demo-tenant.js';

const now = new Date('2026-03-15T09:30:00.000Z');

async function demo(locale?: string) {
  const crm = await composeSellkit(
    memory(),
    locale ? { tenantSettings: () => ({ timeZone: 'Asia/Shanghai', locale }) } : {},
  );
  const report = await generateDemoTenant(crm, {
    seed: 'team',
    size: 'small',
    now,
    ...(locale ? { locale } : {}),
  });
  const admin = crm.as({
    tenantId: 'default',
    actor: { id: 'probe', roles: ['admin'] },
    clock: { now: () => now },
  });
  return { crm, report, admin };
}

/** Quota targets, completions and the closed quarter's totals: what must repeat, without ids. */
async function digest(admin: Awaited<ReturnType<typeof demo>>['admin']) {
  const scope = admin.scope;
  const rows = async (model: string, fields: readonly string[]) =>
    (await scope.storage.find(scope.model(model), { limit: 10_000 })).rows
      .map((row) => JSON.stringify(fields.map((field) => (row as Record<string, unknown>)[field])))
      .sort();
  return {
    quotas: await rows('quota', ['subjectType', 'periodKey', 'target', 'currency']),
    enrolments: await rows('courseEnrolment', ['status', 'enrolledOn', 'completedOn', 'score']),
  };
}

describe('the demo tenant’s team performance', () => {
  it('has quarterly quotas, a marginal-tier plan, a closed quarter with a clawback, and recommendations', async () => {
    const { crm, report, admin } = await demo();
    const { performance } = report;
    expect(performance.quarters).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(performance.closedQuarter).toBe('2025-Q4');
    expect(performance.quotas).toBe((report.reps + report.teams) * 5);
    expect(performance.courses).toBe(6);
    expect(performance.completions).toBeGreaterThan(0);
    expect(performance.reopenedDeal).not.toBeNull();

    const team = admin.team;
    expect(await team.commissions.isClosed('2025-Q4')).toBe(true);
    const plan = (await team.commissions.statements('2025-Q4')).find((s) =>
      s.credited?.isPositive(),
    );
    expect(plan?.status).toBe('closed');
    expect(plan?.tiers.length).toBeGreaterThan(0);
    // The reopened deal is clawed back in the current quarter, the closed one unchanged.
    const current = await team.commissions.statements('2026-Q1');
    const clawbacks = current.flatMap((s) => s.adjustments).filter((a) => a.kind === 'clawback');
    expect(clawbacks).toHaveLength(1);
    expect(clawbacks[0]?.amount.isNegative()).toBe(true);

    const teamReport = await buildTeamReport(admin.scope, { now, tenantId: 'default' });
    expect(teamReport.facts?.period).toBe('2025-Q4');
    const rows = (id: string) => teamReport.sections.find((s) => s.id === id)?.rows ?? [];
    expect(rows('leaderboard')).toHaveLength(report.reps);
    expect(rows('attainment')).toHaveLength(report.teams);
    expect(rows('commissions').length).toBeGreaterThan(0);
    expect(rows('recommendations').length).toBeGreaterThan(0);
    expect(await digest(admin)).toEqual(await digest((await demo()).admin));
    await crm.close();
  });

  it('is in CNY with Chinese courses for a zh-CN demo', async () => {
    const { crm, admin } = await demo('zh-CN');
    const courses = await admin.team.training.courses.list();
    expect(courses.rows.map((course) => course.title)).toContain('谈判基础');
    const statements = await admin.team.commissions.statements('2025-Q4');
    expect(statements.find((s) => s.plan)?.plan?.name).toBe('销售代表提成方案（按季度，分段累进）');
    expect(statements.find((s) => s.total)?.total?.currency).toBe('CNY');
    await crm.close();
  });
});

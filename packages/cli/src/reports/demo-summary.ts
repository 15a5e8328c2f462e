import type { ModuleScope, Money } from '@sellkit/core';
import { upcomingDays } from '@sellkit/customers';
import type { PipelineService } from '@sellkit/pipeline';
import type { Report } from '../output/report.js';
import { defineTables, type TableRow } from '../output/table.js';
import { addMoney, byCurrency, moneyText } from './money-rows.js';
import { ownerNames } from './names.js';
import { weightedForecast } from './weighted-forecast.js';

const DAY = 86_400_000;

// How the summary's columns look, declared once for all its tables.
const table = defineTables({
  deals: 'integer',
  amount: 'amounts',
  weighted: 'amounts',
  month: { label: 'close month' },
  won: 'integer',
  lost: 'integer',
  winRate: { kind: 'percent', label: 'win rate' },
  revenue: { kind: 'amounts', label: 'won revenue' },
  overdue: 'integer',
  oldestTask: { label: 'oldest task' },
  daysLate: { kind: 'integer', label: 'days late' },
  turns: 'integer',
  score: 'integer',
});

interface ScoreReason {
  readonly points: number;
  readonly text: string;
}

function why(explanation: unknown): string {
  const reasons = (explanation as { reasons?: readonly ScoreReason[] } | null)?.reasons ?? [];
  return [...reasons]
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, 4)
    .map((reason) => `${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.text}`)
    .join('; ');
}

async function topReps(scope: ModuleScope, pipeline: PipelineService): Promise<TableRow[]> {
  const rates = (await pipeline.reports.winRates('owner')).filter(
    (row) => row.key !== null && row.won + row.lost >= 3,
  );
  rates.sort((a, b) => b.winRate - a.winRate || b.won - a.won);
  const top = rates.slice(0, 5);
  const revenue = await scope.records(scope.model('opportunity')).aggregate({
    where: { status: 'won', ownerId: { in: top.map((row) => row.key!) } },
    groupBy: ['ownerId', 'amount.currency'],
    measures: { revenue: { fn: 'sum', field: 'amount' } },
  });
  const byOwner = new Map<string, Map<string, Money>>();
  for (const group of revenue) {
    const totals = byOwner.get(String(group.ownerId)) ?? new Map<string, Money>();
    addMoney(totals, group.revenue);
    byOwner.set(String(group.ownerId), totals);
  }
  const names = await ownerNames(
    scope,
    top.map((row) => row.key!),
  );
  return top.map((row) => ({
    rep: names.get(row.key!) ?? row.key,
    won: row.won,
    lost: row.lost,
    winRate: row.winRate,
    revenue: moneyText(byCurrency(byOwner.get(row.key!) ?? new Map())),
  }));
}

async function overdue(scope: ModuleScope, pipeline: PipelineService, now: Date) {
  const groups = await pipeline.tasks.overdueByRep({ now, limitPerRep: 1 });
  const names = await ownerNames(
    scope,
    groups.map((group) => group.ownerId),
  );
  const total = groups.reduce((sum, group) => sum + group.overdue, 0);
  const rows = groups.slice(0, 8).map((group) => {
    const oldest = group.tasks[0];
    return {
      rep: names.get(group.ownerId) ?? group.ownerId,
      overdue: group.overdue,
      oldestTask: oldest?.title ?? null,
      daysLate: group.oldestDueAt
        ? Math.floor((now.getTime() - group.oldestDueAt.getTime()) / DAY)
        : null,
    };
  });
  return { total, rows };
}

async function birthdays(scope: ModuleScope, now: Date, days: number): Promise<TableRow[]> {
  const today = now.toISOString().slice(0, 10);
  const window = upcomingDays(today, days);
  const contacts = await scope.records(scope.model('contact')).find({
    where: { birthdayKey: { in: [...window.keys()] } },
    limit: 1000,
  });
  const companyIds = [
    ...new Set(contacts.rows.map((row) => row.companyId).filter((id): id is string => !!id)),
  ];
  const companies = new Map<string, string>();
  for (let start = 0; start < companyIds.length; start += 500) {
    const page = await scope.storage.find(scope.model('company'), {
      where: { id: { in: companyIds.slice(start, start + 500) } },
      limit: 500,
    });
    for (const row of page.rows) companies.set(String(row.id), String(row.name));
  }
  return contacts.rows
    .map((row) => {
      const birthday = String(row.birthday);
      const date = window.get(String(row.birthdayKey))?.[0] ?? today;
      return {
        date,
        contact: [row.firstName, row.lastName].filter(Boolean).join(' '),
        company: row.companyId ? (companies.get(String(row.companyId)) ?? null) : null,
        turns: Number(date.slice(0, 4)) - Number(birthday.slice(0, 4)),
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.contact < b.contact ? -1 : 1))
    .slice(0, 10);
}

async function topDeals(scope: ModuleScope, pipeline: PipelineService): Promise<TableRow[]> {
  const stageNames = new Map<string, string>();
  for (const definition of await pipeline.pipelines.list()) {
    for (const stage of definition.stages)
      stageNames.set(`${definition.id}/${stage.key}`, stage.name);
  }
  const page = await scope.records(scope.model('opportunity')).find({
    where: { status: 'open' },
    orderBy: [{ field: 'score', direction: 'desc' }],
    limit: 5,
  });
  const names = await ownerNames(
    scope,
    page.rows.map((row) => String(row.ownerId ?? '')),
  );
  return page.rows.map((row) => {
    const amount = row.amount as Money | null;
    return {
      deal: String(row.title),
      owner: names.get(String(row.ownerId)) ?? (row.ownerId as string | null),
      stage: stageNames.get(`${String(row.pipelineId)}/${String(row.stage)}`) ?? String(row.stage),
      amount: amount ? `${amount.toString()} ${amount.currency}` : null,
      score: row.score as number | null,
      band: row.band as string | null,
      why: why(row.scoreExplanation),
    };
  });
}

/**
 * The demo summary: pipeline by stage, the weighted forecast by expected close month, top reps
 * by win rate, overdue tasks, upcoming birthdays and the top-scored open deals with the rules
 * that scored them. Every figure comes from the services and storage aggregates.
 *
 * @example
 * ```ts
 * const summary = await buildDemoSummary(scope, { tenantId: 'acme', now: new Date(), birthdayDays: 14 });
 * writeReport(processIo(), summary, 'plain');
 * ```
 */
export async function buildDemoSummary(
  scope: ModuleScope,
  options: { readonly tenantId: string; readonly now: Date; readonly birthdayDays?: number },
): Promise<Report> {
  const pipeline = scope.service<PipelineService>('pipeline');
  const [stages, weighted, forecast] = await Promise.all([
    pipeline.reports.stages(),
    pipeline.reports.weighted(),
    weightedForecast(scope),
  ]);
  const weightedByStage = new Map(weighted.stages.map((entry) => [entry.stage, entry.weighted]));
  const thisMonth = options.now.toISOString().slice(0, 7);
  const reps = await topReps(scope, pipeline);
  const late = await overdue(scope, pipeline, options.now);
  const days = options.birthdayDays ?? 14;
  const sections = [
    table(
      'pipeline',
      'Pipeline by stage',
      ['stage', 'deals', 'amount', 'weighted'],
      stages.map((stage) => ({
        stage: stage.name,
        deals: stage.count,
        amount: moneyText(stage.amounts),
        weighted: stage.kind === 'open' ? moneyText(weightedByStage.get(stage.stage) ?? []) : null,
      })),
    ),
    table(
      'forecast',
      'Weighted forecast by expected close month (open deals)',
      ['month', 'deals', 'amount', 'weighted'],
      forecast.map((month) => ({
        month: month.month < thisMonth ? `${month.month} (past due)` : month.month,
        deals: month.deals,
        amount: moneyText(month.amount),
        weighted: moneyText(month.weighted),
      })),
    ),
    table(
      'topReps',
      'Top reps by win rate (at least 3 closed deals)',
      ['rep', 'won', 'lost', 'winRate', 'revenue'],
      reps,
    ),
    table(
      'overdueTasks',
      `Overdue tasks by rep (${late.total} in all)`,
      ['rep', 'overdue', 'oldestTask', 'daysLate'],
      late.rows,
    ),
    table(
      'birthdays',
      `Upcoming birthdays (next ${days} days)`,
      ['date', 'contact', 'company', 'turns'],
      await birthdays(scope, options.now, days),
    ),
    table(
      'topDeals',
      'Top-scored open deals, and why',
      ['deal', 'owner', 'stage', 'amount', 'score', 'band', 'why'],
      await topDeals(scope, pipeline),
    ),
  ];
  const won = await pipeline.reports.wonRevenue();
  return {
    id: 'demo',
    title: `Sellkit demo tenant "${options.tenantId}"`,
    facts: {
      'weighted forecast': moneyText(weighted.total),
      'won revenue': `${moneyText(won.revenue)} (${won.deals} deals)`,
      'overdue tasks': late.total,
    },
    sections,
  };
}

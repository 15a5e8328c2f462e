import type { ModuleScope, Money } from '@sellkit/core';
import { upcomingDays } from '@sellkit/customers';
import { type PipelineService, pipelineHandle } from '@sellkit/pipeline';
import { stageName } from '../messages/catalogue.js';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';
import { formatCell } from '../output/format-value.js';
import type { CellDisplay, Report } from '../output/report.js';
import { defineTables, type TableRow } from '../output/table.js';
import { addMoney, byCurrency, moneyText } from './money-rows.js';
import { ownerNames, personName } from './names.js';

// Days late is elapsed time (24-hour days), the same in every zone.

const PAST_DUE = ' (past due)';
// Open deals without an expected close date (they sort before every month, so read past due).
const NO_DATE = '(no date)';

/** A score band (`hot`, `warm`, `cold`) in the reader's words; other bands as they are. */
function bandName(band: string, messages: Messages): string {
  const bands: Readonly<Record<string, string>> = messages.bands;
  return Object.hasOwn(bands, band) ? bands[band]! : band;
}

/** A close month for people: `2026-03` as a month, past ones marked in the reader's words. */
const closeMonth: CellDisplay = (value, localisation) => {
  const text = String(value);
  const past = text.endsWith(PAST_DUE);
  const month = formatCell(past ? text.slice(0, -PAST_DUE.length) : text, 'month', localisation);
  return past ? `${month}${localisation.messages.demo.pastDue}` : month;
};

/** How the summary's columns look, declared once for all its tables, labelled in a language. */
function tablesFor(messages: Messages) {
  const label = messages.demo.columns;
  return defineTables({
    ...Object.fromEntries(Object.entries(label).map(([key, text]) => [key, { label: text }])),
    stage: { label: label.stage, display: (value, l) => stageName(String(value), l.messages) },
    deals: { kind: 'integer', label: label.deals },
    amount: { kind: 'amounts', label: label.amount },
    weighted: { kind: 'amounts', label: label.weighted },
    month: { kind: 'month', label: label.month, display: closeMonth },
    won: { kind: 'integer', label: label.won },
    lost: { kind: 'integer', label: label.lost },
    winRate: { kind: 'percent', label: label.winRate },
    revenue: { kind: 'amounts', label: label.revenue },
    overdue: { kind: 'integer', label: label.overdue },
    daysLate: { kind: 'integer', label: label.daysLate },
    date: { kind: 'date', label: label.date },
    turns: { kind: 'integer', label: label.turns },
    score: { kind: 'integer', label: label.score },
    band: { label: label.band, display: (value, l) => bandName(String(value), l.messages) },
  });
}

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
  // Days late in the tenant's calendar: due yesterday evening is one day late this morning.
  const calendar = await scope.calendar();
  const today = calendar.dateOf(now);
  const rows = groups.slice(0, 8).map((group) => {
    const oldest = group.tasks[0];
    return {
      rep: names.get(group.ownerId) ?? group.ownerId,
      overdue: group.overdue,
      oldestTask: oldest?.title ?? null,
      daysLate: group.oldestDueAt
        ? calendar.daysBetween(calendar.dateOf(group.oldestDueAt), today)
        : null,
    };
  });
  return { total, rows };
}

async function birthdays(scope: ModuleScope, now: Date, days: number): Promise<TableRow[]> {
  const today = (await scope.calendar()).dateOf(now);
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
    const page = await scope.records(scope.model('company')).find({
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
        contact: personName(row.firstName, row.lastName),
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
 * that scored them. Every figure comes from the services and storage aggregates. Titles and
 * labels come from `options.messages` (English unless told).
 *
 * @example
 * ```ts
 * const summary = await buildDemoSummary(scope, { tenantId: 'acme', now: new Date(), birthdayDays: 14 });
 * writeReport(processIo(), summary, 'plain');
 * ```
 */
export async function buildDemoSummary(
  scope: ModuleScope,
  options: {
    readonly tenantId: string;
    readonly now: Date;
    readonly birthdayDays?: number;
    readonly messages?: Messages;
  },
): Promise<Report> {
  const text = (options.messages ?? en).demo;
  const table = tablesFor(options.messages ?? en);
  const pipeline = scope.use(pipelineHandle);
  const [stages, weighted, forecast] = await Promise.all([
    pipeline.reports.stages(),
    pipeline.reports.weighted(),
    pipeline.reports.forecast('month'),
  ]);
  const weightedByStage = new Map(weighted.stages.map((entry) => [entry.stage, entry.weighted]));
  const thisMonth = (await scope.calendar()).periodKey('month', options.now);
  const reps = await topReps(scope, pipeline);
  const late = await overdue(scope, pipeline, options.now);
  const days = options.birthdayDays ?? 14;
  const sections = [
    table(
      'pipeline',
      text.sections.pipeline,
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
      text.sections.forecast,
      ['month', 'deals', 'amount', 'weighted'],
      forecast.map((row) => {
        const month = row.period ?? NO_DATE;
        return {
          month: month < thisMonth ? `${month}${PAST_DUE}` : month,
          deals: row.deals,
          amount: moneyText(row.amount),
          weighted: moneyText(row.weighted),
        };
      }),
    ),
    table('topReps', text.sections.topReps, ['rep', 'won', 'lost', 'winRate', 'revenue'], reps),
    table(
      'overdueTasks',
      text.overdueTasks(late.total),
      ['rep', 'overdue', 'oldestTask', 'daysLate'],
      late.rows,
    ),
    table(
      'birthdays',
      text.birthdays(days),
      ['date', 'contact', 'company', 'turns'],
      await birthdays(scope, options.now, days),
    ),
    table(
      'topDeals',
      text.sections.topDeals,
      ['deal', 'owner', 'stage', 'amount', 'score', 'band', 'why'],
      await topDeals(scope, pipeline),
    ),
  ];
  const won = await pipeline.reports.wonRevenue();
  return {
    id: 'demo',
    title: text.title(options.tenantId),
    facts: {
      'weighted forecast': moneyText(weighted.total),
      'won revenue': `${moneyText(won.revenue)} (${won.deals} deals)`,
      'overdue tasks': late.total,
    },
    factLines: [
      { label: text.facts.weightedForecast, value: moneyText(weighted.total), kind: 'amounts' },
      {
        label: text.facts.wonRevenue,
        value: moneyText(won.revenue),
        display: (value, localisation) =>
          formatCell(value, 'amounts', localisation) +
          localisation.messages.demo.wonDeals(localisation.format.integer(won.deals)),
      },
      { label: text.facts.overdueTasks, value: late.total, kind: 'integer' },
    ],
    sections,
  };
}

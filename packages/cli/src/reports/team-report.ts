import type { ModuleScope, Money } from '@sellkit/core';
import { teamHandle } from '@sellkit/team';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';
import type { Report } from '../output/report.js';
import { defineTables, type TableRow } from '../output/table.js';
import { teamReportText } from './team-report-text.js';

/** Options of {@link buildTeamReport}. */
export interface TeamReportOptions {
  readonly now: Date;
  readonly tenantId: string;
  /** A tenant calendar period key (`2026-Q1`); default the last full quarter before `now`. */
  readonly period?: string | undefined;
  readonly messages?: Messages;
}

function tablesFor(messages: Messages) {
  const label = teamReportText(messages).columns;
  return defineTables({
    ...Object.fromEntries(Object.entries(label).map(([key, text]) => [key, { label: text }])),
    rank: { kind: 'integer', label: label.rank },
    actual: { kind: 'money', label: label.actual },
    target: { kind: 'money', label: label.target },
    attainment: { kind: 'decimal', label: label.attainment },
    movement: { kind: 'integer', label: label.movement },
    quota: { kind: 'money', label: label.quota },
    credited: { kind: 'money', label: label.credited },
    commission: { kind: 'money', label: label.commission },
    overrides: { kind: 'money', label: label.overrides },
    adjustments: { kind: 'money', label: label.adjustments },
    bonuses: { kind: 'money', label: label.bonuses },
    total: { kind: 'money', label: label.total },
  });
}

/** The sum of some amounts as exact text, null when there are none. */
function sumText(amounts: readonly Money[]): string | null {
  const [first, ...rest] = amounts;
  if (!first) return null;
  return rest.reduce((sum, amount) => sum.add(amount), first).toString();
}

const text = (money: Money | null): string | null => (money ? money.toString() : null);

/** The last full quarter of the tenant calendar before `now`. */
async function defaultPeriod(scope: ModuleScope, now: Date): Promise<string> {
  const calendar = await scope.calendar();
  return calendar.periodKey('quarter', calendar.shift(now, { months: -3 }));
}

/**
 * The team report for one period of the tenant calendar: the won-revenue leaderboard (rank,
 * quota, attainment, band, movement), attainment per team, every rep's commission statement
 * in sums (credited, tiers' commission, overrides, clawbacks, bonuses, total) and the courses
 * recommended from each rep's results. Computed by the team module's services (storage
 * aggregates); recommendations are looked at, not emitted.
 *
 * @example
 * ```ts
 * const report = await buildTeamReport(scope, { now: new Date(), tenantId: 'acme', period: '2026-Q1' });
 * report.sections.map((section) => section.id); // ['leaderboard', 'attainment', 'commissions', 'recommendations']
 * ```
 */
export async function buildTeamReport(
  scope: ModuleScope,
  options: TeamReportOptions,
): Promise<Report> {
  const messages = options.messages ?? en;
  const words = teamReportText(messages);
  const table = tablesFor(messages);
  const team = scope.use(teamHandle);
  const period = options.period ?? (await defaultPeriod(scope, options.now));

  const evaluation = await team.kpis.evaluate('won-revenue', period);
  const board = await team.leaderboards.rank('won-revenue', period, { by: 'actual', topN: null });
  const results = new Map(evaluation.reps.map((row) => [row.subjectId, row]));
  const leaderboard: TableRow[] = board.rows.map((row) => ({
    rank: row.rank,
    rep: row.name,
    actual: row.actual,
    target: results.get(row.repId)?.target ?? null,
    attainment: row.attainment,
    band: row.band,
    movement: row.movement,
  }));

  const teamIds = evaluation.teams.map((row) => row.subjectId);
  const teamNames = new Map<string, string>();
  if (teamIds.length > 0) {
    const page = await scope
      .records(scope.model('salesTeam'))
      .find({ where: { id: { in: teamIds } }, limit: teamIds.length });
    for (const row of page.rows) teamNames.set(row.id, String(row.name));
  }
  const attainment: TableRow[] = [...evaluation.teams]
    .map((row) => ({
      team: teamNames.get(row.subjectId) ?? row.subjectId,
      actual: row.actual,
      target: row.target,
      attainment: row.attainment,
      band: row.band,
    }))
    .sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));

  const statements = await team.commissions.statements(period);
  const commissions: TableRow[] = statements
    .filter((statement) => statement.plan !== null)
    .map((statement) => ({
      rep: statement.repName,
      plan: `${statement.plan?.key} v${statement.plan?.version}`,
      status: statement.status,
      quota: text(statement.quota),
      credited: text(statement.credited),
      attainment: statement.attainment,
      commission: text(statement.commission),
      overrides: sumText(statement.overrides.map((line) => line.amount)),
      adjustments: sumText(statement.adjustments.map((line) => line.amount)),
      bonuses: sumText(statement.bonuses.map((line) => line.amount)),
      total: text(statement.total),
    }))
    .sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  const totals = statements.flatMap((statement) => (statement.total ? [statement.total] : []));
  const currency = evaluation.currency ?? totals[0]?.currency ?? null;
  const commissionTotal = sumText(totals.filter((total) => total.currency === currency));

  const names = new Map(evaluation.reps.map((row) => [row.subjectId, row.name]));
  const reports = await team.training.recommendAll({ period, emit: false });
  const recommendations: TableRow[] = reports
    .flatMap((report) =>
      report.recommendations.map((course) => ({
        rep: names.get(report.repId) ?? report.repId,
        course: course.title,
        skills: course.skills.join(', '),
        gaps: course.gaps.join(', '),
        ready: course.missingPrerequisites.length === 0,
        why: course.explanation.join('; '),
      })),
    )
    .sort((a, b) => (a.rep === b.rep ? (a.course < b.course ? -1 : 1) : a.rep < b.rep ? -1 : 1));

  const facts = {
    tenant: options.tenantId,
    period,
    currency,
    commissionTotal,
  };
  return {
    id: 'team',
    title: words.title,
    facts,
    factLines: [
      { label: words.facts.tenant, value: options.tenantId },
      { label: words.facts.period, value: period },
      { label: words.facts.currency, value: currency },
      { label: words.facts.commissionTotal, value: commissionTotal, kind: 'money' },
    ],
    sections: [
      table(
        'leaderboard',
        words.sections.leaderboard,
        ['rank', 'rep', 'actual', 'target', 'attainment', 'band', 'movement'],
        leaderboard,
        { note: words.notes.leaderboard },
      ),
      table(
        'attainment',
        words.sections.attainment,
        ['team', 'actual', 'target', 'attainment', 'band'],
        attainment,
      ),
      table(
        'commissions',
        words.sections.commissions,
        [
          'rep',
          'plan',
          'status',
          'quota',
          'credited',
          'attainment',
          'commission',
          'overrides',
          'adjustments',
          'bonuses',
          'total',
        ],
        commissions,
        { note: words.notes.commissions },
      ),
      table(
        'recommendations',
        words.sections.recommendations,
        ['rep', 'course', 'skills', 'gaps', 'ready', 'why'],
        recommendations,
      ),
    ],
  };
}

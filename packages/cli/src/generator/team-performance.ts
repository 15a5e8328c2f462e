import { type ModuleScope, Money, type TestClock } from '@sellkit/core';
import { pipelineHandle } from '@sellkit/pipeline';
import { periodBounds, type QuotaInput, teamHandle } from '@sellkit/team';
import type { DemoProfile } from './demo-profile.js';
import type { Random } from './random.js';
import { teamVocabularyFor } from './team-vocabulary.js';

/** What the team performance phase of the demo wrote. */
export interface DemoPerformance {
  /** The quarters (tenant calendar keys) that have quotas, oldest first. */
  readonly quarters: readonly string[];
  /** Quota versions written: one per rep and quarter, plus one per team and quarter. */
  readonly quotas: number;
  /** The commission plan's key. */
  readonly planKey: string;
  /** The quarter closed (its statements frozen), and the deal reopened after it (a clawback). */
  readonly closedQuarter: string;
  readonly reopenedDeal: string | null;
  readonly courses: number;
  readonly completions: number;
}

/** The key of the demo's commission plan. */
export const DEMO_PLAN_KEY = 'demo-sales';

const DAY = 86_400_000;

/** Rounds a positive amount up to a whole thousand (quota targets look like people's). */
function roundTarget(amount: number): string {
  return String(Math.max(1, Math.ceil(amount / 1000)) * 1000);
}

/**
 * The demo's quotas, commission plan, closed quarter with a clawback, courses and completions,
 * written through the team and pipeline services after the company history.
 *
 * Quotas: per rep and tenant quarter of the demo year, `won-revenue`, the rep's average
 * quarterly won revenue over the year times a seeded factor from 0.85 to 1.25, rounded up to a
 * thousand (at least the profile's medium deal size); each team's quota rolls up from its members.
 * Plan: marginal tiers 2 % to half the quota, 5 % to the quota, 8 % above (an accelerator), a 1 %
 * override for team managers. The quarter before the current one is closed, then one deal won in
 * it is reopened: the current quarter's statement shows the clawback. Reps complete a seeded
 * share of the courses, so the others are recommended where their results show a gap.
 */
export async function writeTeamPerformance(
  scope: ModuleScope,
  clock: TestClock,
  options: {
    readonly now: Date;
    readonly since: number;
    readonly profile: DemoProfile;
    readonly random: Random;
  },
): Promise<DemoPerformance> {
  const { now, profile, random } = options;
  const team = scope.use(teamHandle);
  const calendar = await scope.calendar();
  const words = teamVocabularyFor(profile.locale);
  clock.set(now);

  const quarters: string[] = [];
  for (let at = new Date(options.since); at.getTime() <= now.getTime(); ) {
    const key = calendar.periodKey('quarter', at);
    if (!quarters.includes(key)) quarters.push(key);
    at = calendar.shift(at, { months: 3 });
  }
  const current = calendar.periodKey('quarter', now);
  if (!quarters.includes(current)) quarters.push(current);
  const bounds = quarters.map((key) => periodBounds(calendar, key));

  // Won revenue per rep (owner user id) and quarter: one aggregate per quarter.
  const deals = scope.records(scope.model('opportunity'));
  const won = new Map<string, number>();
  for (const period of bounds) {
    const groups = await deals.aggregate({
      where: { status: 'won', closeDate: { gte: period.from, lt: period.to } },
      groupBy: ['ownerId', 'amount.currency'],
      measures: { amount: { fn: 'sum', field: 'amount' } },
    });
    for (const group of groups) {
      const amount = group.amount;
      if (!(amount instanceof Money) || amount.currency !== profile.currency) continue;
      const owner = String(group.ownerId);
      won.set(owner, (won.get(owner) ?? 0) + Number(amount.toString()));
    }
  }
  const reps = (await scope.records(scope.model('rep')).find({ limit: 10_000 })).rows.map(
    (row) => ({ id: row.id, userId: String(row.userId), externalId: String(row.externalId) }),
  );
  reps.sort((a, b) => String(a.externalId).localeCompare(String(b.externalId)));
  const floor = Number(profile.dealSizes?.medium ?? '50000');
  const inputs: QuotaInput[] = [];
  for (const rep of reps) {
    const stream = random.fork(`quota:${rep.externalId}`);
    const average = (won.get(rep.userId) ?? 0) / quarters.length;
    for (const period of bounds) {
      const factor = 0.85 + stream.int(0, 40) / 100;
      inputs.push({
        subjectType: 'rep',
        subjectId: rep.id,
        measure: 'won-revenue',
        periodKey: period.key,
        target: roundTarget(Math.max(floor, average * factor)),
        currency: profile.currency,
        effectiveFrom: bounds[0]!.from,
      });
    }
  }
  await team.quotas.setMany(inputs);
  const teams = (await scope.records(scope.model('salesTeam')).find({ limit: 10_000 })).rows as {
    id: string;
  }[];
  for (const salesTeam of teams) {
    for (const period of bounds) {
      await team.quotas.rollUp(salesTeam.id, 'won-revenue', period.key, {
        effectiveFrom: bounds[0]!.from,
      });
    }
  }

  await team.commissions.plans.publish({
    key: DEMO_PLAN_KEY,
    name: words.planName,
    currency: profile.currency,
    periodUnit: 'quarter',
    validFrom: bounds[0]!.from,
    appliesTo: { seniority: ['junior', 'senior', 'lead'] },
    rates: {
      kind: 'tiered',
      mode: 'marginal',
      measure: 'won-revenue',
      tiers: [
        { from: '0', to: '0.5', rate: '0.02', label: 'Base' },
        { from: '0.5', to: '1', rate: '0.05', label: 'On target' },
        { from: '1', to: null, rate: '0.08', label: 'Accelerator' },
      ],
    },
    override: { rate: '0.01' },
  });

  // Close the last full quarter a few days ago, then reopen one of its won deals: a clawback.
  const closedQuarter = quarters[quarters.indexOf(current) - 1] ?? quarters[0]!;
  const closed = bounds[quarters.indexOf(closedQuarter)]!;
  const currentStart = bounds[quarters.indexOf(current)]!.start.getTime();
  const closeAt = Math.min(now.getTime(), Math.max(currentStart, now.getTime() - 3 * DAY));
  clock.set(new Date(closeAt));
  await team.commissions.closePeriod(closedQuarter);
  const candidates = (
    await deals.find({
      where: { status: 'won', closeDate: { gte: closed.from, lt: closed.to } },
      limit: 10_000,
    })
  ).rows.map((row) => ({ id: row.id, title: String(row.title), closeDate: String(row.closeDate) }));
  candidates.sort((a, b) =>
    a.closeDate === b.closeDate
      ? a.title.localeCompare(b.title)
      : a.closeDate < b.closeDate
        ? -1
        : 1,
  );
  let reopenedDeal: string | null = null;
  if (candidates.length > 0) {
    const deal = candidates[random.fork('clawback').int(0, candidates.length - 1)]!;
    clock.set(new Date(closeAt + Math.floor((now.getTime() - closeAt) / 2)));
    await scope.use(pipelineHandle).opportunities.reopen(deal.id, { reason: words.reopenReason });
    reopenedDeal = deal.title;
  }

  // Courses, and completions spread over the year (prerequisites first).
  clock.set(new Date(options.since));
  const courseIds = new Map<string, string>();
  for (const course of words.courses) {
    const created = await team.training.courses.create({
      title: course.title,
      skills: [...course.skills],
      durationMinutes: course.durationMinutes,
      provider: course.provider,
      externalId: course.key,
      prerequisiteIds: course.after.map((key) => courseIds.get(key)!),
    });
    courseIds.set(course.key, created.id);
  }
  clock.set(now);
  let completions = 0;
  const span = Math.max(1, Math.floor((now.getTime() - options.since) / DAY) - 30);
  for (const rep of reps) {
    const stream = random.fork(`training:${rep.externalId}`);
    const done = new Set<string>();
    let day = stream.int(0, Math.floor(span / 2));
    for (const course of words.courses) {
      if (!course.after.every((key) => done.has(key)) || !stream.chance(0.4)) continue;
      const enrolled = calendar.dateOf(new Date(options.since + day * DAY));
      const finished = calendar.dateOf(new Date(options.since + (day + stream.int(1, 14)) * DAY));
      const courseId = courseIds.get(course.key)!;
      await team.training.enrolments.enrol(rep.id, courseId, { on: enrolled });
      await team.training.enrolments.complete(rep.id, courseId, {
        on: finished,
        score: String(stream.int(60, 100)),
      });
      done.add(course.key);
      completions++;
      day = Math.min(span, day + stream.int(15, 60));
    }
  }
  return {
    quarters,
    quotas: inputs.length + teams.length * quarters.length,
    planKey: DEMO_PLAN_KEY,
    closedQuarter,
    reopenedDeal,
    courses: courseIds.size,
    completions,
  };
}

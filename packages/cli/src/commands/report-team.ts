import { buildTeamReport } from '../reports/team-report.js';
import { reportCommand } from './report-command.js';

/** `sellkit report team`. */
export const reportTeamCommand = reportCommand({
  name: 'team',
  summary: 'Team: won-revenue leaderboard, quota attainment, commissions, course recommendations',
  description:
    "For one period of the tenant calendar (--period, default the last full quarter): reps ranked by won\nrevenue with quota, attainment, band and movement; attainment per team; each rep's commission\nstatement in sums (clawbacks under adjustments); and the courses recommended from each rep's results.",
  sections: ['leaderboard', 'attainment', 'commissions', 'recommendations'],
  options: {
    period: {
      type: 'string',
      valueName: 'key',
      description:
        'A period key of the tenant calendar: 2026-Q1, 2026-03, FY2026 (default: the last full quarter).',
    },
  },
  build: (scope, input) =>
    buildTeamReport(scope, {
      now: input.now,
      tenantId: input.tenantId,
      messages: input.messages,
      period: typeof input.options?.period === 'string' ? input.options.period : undefined,
    }),
});

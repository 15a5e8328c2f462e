import { type ModuleScope, Money } from '@sellkit/core';
import { MAVEN_PIPELINE, pipelineHandle } from '@sellkit/pipeline';
import { periodBounds, type QuotaInput, teamHandle } from '@sellkit/team';

/** What {@link setMavenQuotas} did. */
export interface MavenQuotasReport {
  /** The quarters of the data set (first to last won close date), tenant calendar keys. */
  readonly quarters: readonly string[];
  /** Agents given a quota (every rep with a won deal in the Maven pipeline). */
  readonly agents: number;
  /** Quota versions written (agents and teams); 0 when every quota in force already matches. */
  readonly written: number;
}

/**
 * An agent's quota for a quarter: their average monthly won revenue over the data set's months
 * (first to last won close month; months without a win count) times the data set's months in
 * the quarter, rounded half up to a whole thousand, at least 1,000.
 */
function quotaOf(totalCents: bigint, months: number, monthsInQuarter: number): string {
  const step = 100_000n * BigInt(months); // 1,000.00 in cents, per month of the data set
  const scaled = totalCents * BigInt(monthsInQuarter);
  const thousands = (scaled * 2n + step) / (2n * step);
  return String((thousands > 0n ? thousands : 1n) * 1000n);
}

function cents(money: Money): bigint {
  const [whole = '0', fraction = ''] = money.toString().replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return money.toString().startsWith('-') ? -value : value;
}

/**
 * Gives every Maven CRM agent a `won-revenue` quota for each quarter of the data set, so the
 * team report's leaderboard and attainment are real: the agent's average monthly won revenue
 * over the data set times the data set's months in the quarter, rounded half up to a thousand
 * (a full quarter: three months' average; 2017-Q1, which holds only March, one); each sales
 * team's quota rolls up from its agents. A quota already in force with the same target is left
 * alone, so importing again writes nothing. Runs in the caller's transaction.
 *
 * @example
 * ```ts
 * import { importMavenCrm } from '@sellkit/pipeline';
 * await admin.transaction(async (scope) => {
 *   await importMavenCrm(scope, 'examples/data/maven-crm');
 *   const quotas = await setMavenQuotas(scope); // { quarters: ['2017-Q1', ...], agents: 30, ... }
 * });
 * ```
 */
export async function setMavenQuotas(scope: ModuleScope): Promise<MavenQuotasReport> {
  const team = scope.use(teamHandle);
  const pipeline = await scope.use(pipelineHandle).pipelines.get(MAVEN_PIPELINE.key);
  const calendar = await scope.calendar();
  const deals = scope.records(scope.model('opportunity'));
  const where = { pipelineId: pipeline.id, status: 'won' };
  const [range] = await deals.aggregate({
    where,
    measures: { first: { fn: 'min', field: 'closeDate' }, last: { fn: 'max', field: 'closeDate' } },
  });
  if (!range || range.first === null || range.last === null) {
    return { quarters: [], agents: 0, written: 0 };
  }
  const firstMonth = String(range.first).slice(0, 7);
  const lastMonth = String(range.last).slice(0, 7);
  const inData = (month: string) => month >= firstMonth && month <= lastMonth;
  const quarters: string[] = [];
  const dataMonths = new Map<string, number>();
  const lastKey = calendar.periodKey('quarter', calendar.instantOf(String(range.last)));
  for (
    let bounds = periodBounds(
      calendar,
      calendar.periodKey('quarter', calendar.instantOf(String(range.first))),
    );
    ;
    bounds = periodBounds(calendar, calendar.periodKey('quarter', bounds.end))
  ) {
    quarters.push(bounds.key);
    dataMonths.set(bounds.key, bounds.months.filter(inData).length);
    if (bounds.key === lastKey) break;
  }
  const byOwner = await deals.aggregate({
    where,
    groupBy: ['ownerId', 'amount.currency'],
    measures: { won: { fn: 'sum', field: 'amount' } },
    orderBy: [{ key: 'ownerId', direction: 'asc' }],
  });
  const totals = new Map<string, { cents: bigint; currency: string }>();
  for (const row of byOwner) {
    if (!(row.won instanceof Money) || row.ownerId === null) continue;
    const entry = totals.get(String(row.ownerId)) ?? { cents: 0n, currency: row.won.currency };
    if (entry.currency !== row.won.currency) continue; // one currency per agent (Maven: USD)
    entry.cents += cents(row.won);
    totals.set(String(row.ownerId), entry);
  }
  const reps = await scope
    .records(scope.model('rep'))
    .find({ where: { userId: { in: [...totals.keys()] } }, limit: totals.size });
  const inputs: QuotaInput[] = [];
  for (const rep of reps.rows) {
    const total = totals.get(String(rep.userId));
    if (!total) continue;
    const months = [...dataMonths.values()].reduce((sum, count) => sum + count, 0);
    for (const periodKey of quarters) {
      const target = quotaOf(total.cents, months, dataMonths.get(periodKey) ?? 0);
      const query = {
        subjectType: 'rep' as const,
        subjectId: rep.id,
        measure: 'won-revenue',
        periodKey,
      };
      const current = await team.quotas.target(query);
      if (current && Number(current.target) === Number(target)) continue;
      inputs.push({
        ...query,
        target,
        currency: total.currency,
        effectiveFrom: periodBounds(calendar, quarters[0]!).from,
      });
    }
  }
  if (inputs.length > 0) await team.quotas.setMany(inputs);
  let written = inputs.length;
  const teams = await scope.records(scope.model('salesTeam')).find({ limit: 10_000 });
  for (const salesTeam of teams.rows) {
    for (const periodKey of quarters) {
      const query = {
        subjectType: 'team' as const,
        subjectId: salesTeam.id,
        measure: 'won-revenue',
        periodKey,
      };
      if (inputs.length === 0 && (await team.quotas.target(query)) !== null) continue;
      await team.quotas.rollUp(salesTeam.id, 'won-revenue', periodKey, {
        effectiveFrom: periodBounds(calendar, quarters[0]!).from,
      });
      written++;
    }
  }
  return { quarters, agents: reps.rows.length, written };
}

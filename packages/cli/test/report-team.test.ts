import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from './support/build-cli.js';
import { MAVEN_DIR, readSimpleCsv } from './support/maven.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('report-team');
const won = readSimpleCsv(join(MAVEN_DIR, 'sales_pipeline.csv')).filter(
  (row) => row.deal_stage === 'Won',
);
const teams = readSimpleCsv(join(MAVEN_DIR, 'sales_teams.csv'));

function cents(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole || '0') * 100n + BigInt(`${fraction}00`.slice(0, 2));
}

const money = (total: bigint) => `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;

/** actual ÷ target in percent, half-even to 4 decimals, as the KPI engine shows it. */
function attainment(actual: bigint, target: bigint): string {
  const scaled = actual * 1_000_000n;
  let value = scaled / target;
  const twice = (scaled % target) * 2n;
  if (twice > target || (twice === target && value % 2n === 1n)) value += 1n;
  return `${value / 10_000n}.${String(value % 10_000n).padStart(4, '0')}`;
}

const band = (percent: string) =>
  Number(percent) < 80 ? 'below' : Number(percent) < 110 ? 'on-track' : 'above';

// The documented quota: average monthly won revenue over the data set's months (March to
// December 2017: 10) times the data set's months in the quarter, rounded half up to a thousand.
const totals = new Map<string, bigint>();
const inQ2 = new Map<string, bigint>();
for (const row of won) {
  totals.set(row.sales_agent!, (totals.get(row.sales_agent!) ?? 0n) + cents(row.close_value!));
  if (row.close_date! >= '2017-04-01' && row.close_date! < '2017-07-01')
    inQ2.set(row.sales_agent!, (inQ2.get(row.sales_agent!) ?? 0n) + cents(row.close_value!));
}
const quotaQ2 = (agent: string) => {
  const thousands = ((totals.get(agent) ?? 0n) * 3n * 2n + 10n * 100_000n) / (2n * 10n * 100_000n);
  return (thousands > 0n ? thousands : 1n) * 100_000n; // cents
};

beforeAll(async () => {
  await ensureBuiltCli();
  const imported = await runBuiltCli(
    ['import', 'maven-crm', MAVEN_DIR, '--db', 'maven.db', '--quiet', '--json'],
    { cwd },
  );
  expect(imported.code).toBe(0);
  const notes = JSON.parse(imported.stdout).sections.notes as { note: string; count: number }[];
  // 4 quarters for every agent with a win, and for every team.
  const teamCount = new Set(teams.map((row) => row.manager)).size;
  expect(notes.find((row) => row.note === 'quarterly won-revenue quotas written')?.count).toBe(
    (totals.size + teamCount) * 4,
  );
}, 300_000);

describe('sellkit report team (built CLI, Maven CRM data)', { timeout: 180_000 }, () => {
  it('--json: the leaderboard has each agent’s Q2 won revenue, quota and attainment', async () => {
    const { code, stdout, stderr } = await runBuiltCli(
      ['report', 'team', '--db', 'maven.db', '--period', '2017-Q2', '--json'],
      { cwd },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.period).toBe('2017-Q2');
    expect(report.currency).toBe('USD');
    const rows = report.sections.leaderboard as {
      rank: number;
      rep: string;
      actual: string;
      target: string | null;
      attainment: string | null;
      band: string | null;
    }[];
    const agents = [...totals.keys()];
    for (const agent of agents) {
      const row = rows.find((candidate) => candidate.rep === agent)!;
      const actual = inQ2.get(agent) ?? 0n;
      expect(row).toMatchObject({
        actual: money(actual),
        target: money(quotaQ2(agent)),
        attainment: attainment(actual, quotaQ2(agent)),
        band: band(attainment(actual, quotaQ2(agent))),
      });
    }
    const best = [...inQ2].sort((a, b) => (a[1] > b[1] ? -1 : 1))[0]!;
    expect(rows[0]).toMatchObject({ rank: 1, rep: best[0], actual: money(best[1]) });
    expect(report.sections.commissions).toEqual([]);
  });

  it('--csv --section attainment: each team’s won revenue and rolled-up quota, byte for byte', async () => {
    const { code, stdout } = await runBuiltCli(
      [
        'report',
        'team',
        '--db',
        'maven.db',
        '--period',
        '2017-Q2',
        '--csv',
        '--section',
        'attainment',
      ],
      { cwd },
    );
    expect(code).toBe(0);
    const byManager = new Map<string, { actual: bigint; target: bigint }>();
    for (const row of teams) {
      const entry = byManager.get(row.manager!) ?? { actual: 0n, target: 0n };
      entry.actual += inQ2.get(row.sales_agent!) ?? 0n;
      if (totals.has(row.sales_agent!)) entry.target += quotaQ2(row.sales_agent!);
      byManager.set(row.manager!, entry);
    }
    const lines = [...byManager]
      .map(([manager, entry]) => [`${manager} team`, entry] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, { actual, target }]) => {
        const percent = attainment(actual, target);
        return `${name},${money(actual)},${money(target)},${percent},${band(percent)}`;
      });
    expect(stdout).toBe(`${['team,actual,target,attainment,band', ...lines].join('\r\n')}\r\n`);
  });

  it('speaks Chinese with --locale zh-CN', async () => {
    const { code, stdout } = await runBuiltCli(
      ['report', 'team', '--db', 'maven.db', '--period', '2017-Q2', '--locale', 'zh-CN'],
      { cwd },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('团队报告');
    expect(stdout).toContain('各团队配额完成率');
  });

  it('refuses a period key that does not parse', async () => {
    const { code, stderr } = await runBuiltCli(
      ['report', 'team', '--db', 'maven.db', '--period', 'spring'],
      { cwd },
    );
    expect(code).not.toBe(0);
    expect(stderr).toContain('sellkit:');
  });
});

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from './support/build-cli.js';
import { dropSchema, freshSchema, postgresFingerprint, postgresUrl } from './support/databases.js';
import { MAVEN_DIR, readSimpleCsv } from './support/maven.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('report');
const deals = readSimpleCsv(join(MAVEN_DIR, 'sales_pipeline.csv'));
const agents = new Map(
  readSimpleCsv(join(MAVEN_DIR, 'sales_teams.csv')).map((row) => [row.sales_agent!, row]),
);

/** Exact cents of a decimal string, so sums never go through floats. */
function cents(value: string): bigint {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole || '0') * 100n + BigInt(`${fraction}00`.slice(0, 2));
}

function amount(total: bigint): string {
  return `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
}

function sumBy(
  rows: readonly Record<string, string>[],
  key: (row: Record<string, string>) => string,
) {
  const totals = new Map<string, { deals: number; cents: bigint }>();
  for (const row of rows) {
    const entry = totals.get(key(row)) ?? { deals: 0, cents: 0n };
    entry.deals += 1;
    entry.cents += cents(row.close_value || '0');
    totals.set(key(row), entry);
  }
  return totals;
}

const won = deals.filter((row) => row.deal_stage === 'Won');
const expected = {
  stages: Object.fromEntries(
    ['Prospecting', 'Engaging', 'Won', 'Lost'].map((stage) => [
      stage,
      deals.filter((row) => row.deal_stage === stage).length,
    ]),
  ),
  wonTotal: amount(won.reduce((sum, row) => sum + cents(row.close_value!), 0n)),
  byTerritory: sumBy(won, (row) => agents.get(row.sales_agent!)!.regional_office!),
  byProduct: sumBy(won, (row) => (row.product === 'GTXPro' ? 'GTX Pro' : row.product!)),
  byMonth: sumBy(won, (row) => row.close_date!.slice(0, 7)),
  winRates: (() => {
    const rates = new Map<string, { won: number; lost: number }>();
    for (const row of deals) {
      if (row.deal_stage !== 'Won' && row.deal_stage !== 'Lost') continue;
      const entry = rates.get(row.sales_agent!) ?? { won: 0, lost: 0 };
      if (row.deal_stage === 'Won') entry.won += 1;
      else entry.lost += 1;
      rates.set(row.sales_agent!, entry);
    }
    return rates;
  })(),
};

interface PipelineJson {
  sections: {
    stages: {
      pipeline: string;
      stage: string;
      deals: number;
      amount: string | null;
      currency: string | null;
    }[];
    wonByTerritory: { territory: string; deals: number; revenue: string; currency: string }[];
    wonByProduct: { product: string; lines: number; revenue: string; currency: string }[];
    wonByMonth: { month: string; deals: number; revenue: string; currency: string }[];
    winRateByOwner: { owner: string; won: number; lost: number; winRate: number }[];
  };
  'won revenue': string;
  'won deals': number;
}

function checkPipelineReport(report: PipelineJson): void {
  const maven = report.sections.stages.filter((row) => row.pipeline === 'Maven CRM');
  expect(Object.fromEntries(maven.map((row) => [row.stage, row.deals]))).toEqual(expected.stages);
  expect(maven.find((row) => row.stage === 'Won')).toMatchObject({
    amount: expected.wonTotal,
    currency: 'USD',
  });
  expect(report['won revenue']).toBe(`${expected.wonTotal} USD`);
  expect(report['won deals']).toBe(won.length);
  expect(
    Object.fromEntries(
      report.sections.wonByTerritory.map((row) => [
        row.territory.toLowerCase(),
        [row.deals, row.revenue],
      ]),
    ),
  ).toEqual(
    Object.fromEntries(
      [...expected.byTerritory].map(([office, entry]) => [
        office.toLowerCase(),
        [entry.deals, amount(entry.cents)],
      ]),
    ),
  );
  expect(
    Object.fromEntries(
      report.sections.wonByProduct.map((row) => [row.product, [row.lines, row.revenue]]),
    ),
  ).toEqual(
    Object.fromEntries(
      [...expected.byProduct].map(([product, entry]) => [
        product,
        [entry.deals, amount(entry.cents)],
      ]),
    ),
  );
  expect(
    Object.fromEntries(
      report.sections.wonByMonth.map((row) => [row.month, [row.deals, row.revenue]]),
    ),
  ).toEqual(
    Object.fromEntries(
      [...expected.byMonth].map(([month, entry]) => [month, [entry.deals, amount(entry.cents)]]),
    ),
  );
  expect(report.sections.winRateByOwner).toHaveLength(expected.winRates.size);
  for (const row of report.sections.winRateByOwner) {
    const counts = expected.winRates.get(row.owner)!;
    expect(row).toEqual({
      owner: row.owner,
      ...counts,
      winRate: counts.won / (counts.won + counts.lost),
    });
  }
}

beforeAll(async () => {
  await ensureBuiltCli();
  const imported = await runBuiltCli(
    ['import', 'maven-crm', MAVEN_DIR, '--db', 'maven.db', '--quiet'],
    { cwd },
  );
  expect(imported.code).toBe(0);
}, 300_000);

describe('sellkit report (built CLI, SQLite)', { timeout: 180_000 }, () => {
  it('pipeline --json: the figures match the CSV files', async () => {
    const { code, stdout, stderr } = await runBuiltCli(
      ['report', 'pipeline', '--db', 'maven.db', '--json'],
      { cwd },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    checkPipelineReport(JSON.parse(stdout) as PipelineJson);
  });

  it('pipeline --csv: one section as a table, or everything in long form', async () => {
    const section = await runBuiltCli(
      ['report', 'pipeline', '--db', 'maven.db', '--csv', '--section', 'wonByMonth'],
      { cwd },
    );
    expect(section.code).toBe(0);
    const lines = section.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('month,deals,revenue,currency');
    expect(lines).toHaveLength(expected.byMonth.size + 1);
    const [month, entry] = [...expected.byMonth].sort(([a], [b]) => (a < b ? -1 : 1))[0]!;
    expect(lines[1]).toBe(`${month},${entry.deals},${amount(entry.cents)},USD`);
    const long = await runBuiltCli(['report', 'pipeline', '--db', 'maven.db', '--csv'], { cwd });
    expect(long.stdout.startsWith('section,row,column,value\r\n')).toBe(true);
    expect(long.stdout).toContain('\r\nwinRateByOwner,1,owner,');
  });

  it('pipeline as plain text when piped: aligned columns, no box drawing, no colour', async () => {
    const { code, stdout } = await runBuiltCli(['report', 'pipeline', '--db', 'maven.db'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('Won revenue by territory:');
    expect(stdout).toContain('Win rate per owner');
    expect(stdout).not.toMatch(/[│┌]/);
    expect(stdout).not.toContain('\u001b[');
  });

  it('customers --json counts the imported accounts', async () => {
    const { code, stdout } = await runBuiltCli(
      ['report', 'customers', '--db', 'maven.db', '--json'],
      { cwd },
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.companies).toBe(readSimpleCsv(join(MAVEN_DIR, 'accounts.csv')).length);
    const industries = Object.fromEntries(
      report.sections.industries.map((row: { industry: string; companies: number }) => [
        row.industry,
        row.companies,
      ]),
    );
    expect(industries.technolgy).toBeUndefined();
    expect(industries.technology).toBeGreaterThan(0);
  });

  it('refuses a missing database instead of creating one', async () => {
    const { code, stderr } = await runBuiltCli(['report', 'pipeline', '--db', 'missing.db'], {
      cwd,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^sellkit: no database at .*missing\.db \(run sellkit migrate, sellkit import or sellkit demo first\)\n$/,
    );
  });

  it('refuses an unknown section as a usage error', async () => {
    const { code, stderr } = await runBuiltCli(
      ['report', 'pipeline', '--db', 'maven.db', '--section', 'nope'],
      { cwd },
    );
    expect(code).toBe(2);
    expect(stderr).toContain('unknown section "nope"');
  });
});

const pgUrl = postgresUrl();

describe.skipIf(pgUrl === null)(
  'sellkit import maven-crm and report on PostgreSQL (built CLI)',
  { timeout: 180_000 },
  () => {
    const url = pgUrl ?? '';
    const schema = freshSchema('report');

    afterAll(async () => {
      await dropSchema(url, schema);
    });

    it('imports the data set and reports the same figures', async () => {
      const imported = await runBuiltCli(
        ['import', 'maven-crm', MAVEN_DIR, '--db', url, '--schema', schema, '--quiet'],
        { cwd },
      );
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      const { code, stdout } = await runBuiltCli(
        ['report', 'pipeline', '--db', url, '--schema', schema, '--json'],
        { cwd },
      );
      expect(code).toBe(0);
      checkPipelineReport(JSON.parse(stdout) as PipelineJson);
    });

    it('a failed import leaves the PostgreSQL schema as it was', async () => {
      const dir = join(cwd, 'maven-broken-pg');
      mkdirSync(dir, { recursive: true });
      for (const file of ['products.csv', 'sales_teams.csv', 'accounts.csv']) {
        copyFileSync(join(MAVEN_DIR, file), join(dir, file));
      }
      writeFileSync(join(dir, 'sales_pipeline.csv'), 'opportunity_id,agent\nX1,Nobody\n');
      const before = await postgresFingerprint(url, schema);
      const { code, stderr } = await runBuiltCli(
        ['import', 'maven-crm', dir, '--db', url, '--schema', schema, '--quiet'],
        { cwd },
      );
      expect(code).toBe(1);
      expect(stderr).toMatch(/^sellkit: the CSV header lacks .*\n$/);
      expect(await postgresFingerprint(url, schema)).toBe(before);
    });
  },
);

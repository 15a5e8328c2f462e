import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from './support/build-cli.js';
import {
  dropSchema,
  freshSchema,
  postgresUrl,
  sqliteCount,
  sqliteFingerprint,
} from './support/databases.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('demo');

beforeAll(async () => {
  await ensureBuiltCli();
}, 180_000);

const SECTIONS = [
  'Pipeline by stage:',
  'Weighted forecast by expected close month (open deals):',
  'Top reps by win rate (at least 3 closed deals):',
  'Overdue tasks by rep',
  'Upcoming birthdays (next 14 days):',
  'Top-scored open deals, and why:',
];

describe('sellkit demo (built CLI)', { timeout: 180_000 }, () => {
  it('builds sellkit-demo.db in the working directory and prints the summary', async () => {
    const { code, stdout, stderr } = await runBuiltCli(['demo', '--size', 'tiny'], { cwd });
    expect(stderr).not.toContain('sellkit:');
    expect(code).toBe(0);
    const file = join(cwd, 'sellkit-demo.db');
    expect(existsSync(file)).toBe(true);
    for (const section of SECTIONS) expect(stdout).toContain(section);
    expect(stdout).toMatch(
      /Built .*sellkit-demo\.db: 12 companies, \d+ contacts, \d+ interactions, \d+ opportunities \([\d,]+ rows\) in \d+\.\d s\./,
    );
    // Progress went to stderr, never into the data on stdout.
    expect(stderr).toContain('companies');
    expect(stdout).not.toContain('░');
    expect(sqliteCount(file, 'sk_company')).toBe(12);
    expect(sqliteCount(file, 'sk_opportunity', "status = 'won'")).toBeGreaterThan(0);
    expect(sqliteCount(file, 'sk_opportunity', "status = 'lost'")).toBeGreaterThan(0);
    expect(sqliteCount(file, 'sk_stage_change')).toBeGreaterThan(0);
    expect(sqliteCount(file, 'sk_task')).toBeGreaterThan(0);
    expect(sqliteCount(file, 'sk_rep', 'reports_to_id IS NOT NULL')).toBeGreaterThan(0);
  });

  it('is safe to run again: it shows the existing tenant and writes nothing', async () => {
    const file = join(cwd, 'sellkit-demo.db');
    const before = sqliteFingerprint(file);
    const { code, stdout, stderr } = await runBuiltCli(['demo', '--size', 'tiny'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toContain(
      'already holds tenant "default": showing its summary (use --fresh to rebuild)',
    );
    for (const section of SECTIONS) expect(stdout).toContain(section);
    expect(stdout).toMatch(/Shown from .* in \d+\.\d s\./);
    expect(sqliteFingerprint(file)).toBe(before);
  });

  it('--json prints the summary for machines; --fresh rebuilds', async () => {
    const { code, stdout } = await runBuiltCli(
      ['demo', '--size', 'tiny', '--fresh', '--json', '--quiet'],
      { cwd },
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.generated).toBe(true);
    expect(summary.rows).toBeGreaterThan(100);
    expect(Object.keys(summary.sections)).toEqual([
      'pipeline',
      'forecast',
      'topReps',
      'overdueTasks',
      'birthdays',
      'topDeals',
    ]);
    for (const deal of summary.sections.topDeals) {
      expect(typeof deal.score).toBe('number');
      expect(deal.why).not.toBe('');
    }
  });

  it('refuses --fresh on a file that is not a Sellkit database', async () => {
    const dir = tempDir('demo-foreign');
    writeFileSync(join(dir, 'sellkit-demo.db'), 'my notes\n');
    const { code, stderr } = await runBuiltCli(['demo', '--fresh'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain(
      'is not a Sellkit database (not an SQLite file); it was left untouched',
    );
    expect(readFileSync(join(dir, 'sellkit-demo.db'), 'utf8')).toBe('my notes\n');
  });
});

const pgUrl = postgresUrl();

describe.skipIf(pgUrl === null)(
  'sellkit demo on PostgreSQL (built CLI)',
  { timeout: 180_000 },
  () => {
    const url = pgUrl ?? '';
    const schema = freshSchema('demo');

    afterAll(async () => {
      await dropSchema(url, schema);
    });

    it('builds the tenant in a schema, then shows it again', async () => {
      const first = await runBuiltCli(
        ['demo', '--db', url, '--schema', schema, '--size', 'tiny', '--json', '--quiet'],
        { cwd },
      );
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout).generated).toBe(true);
      const second = await runBuiltCli(
        ['demo', '--db', url, '--schema', schema, '--json', '--quiet'],
        { cwd },
      );
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout).generated).toBe(false);
    });
  },
);

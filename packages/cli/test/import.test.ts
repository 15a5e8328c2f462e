import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_DIR, ensureBuiltCli } from './support/build-cli.js';
import { sqliteCount, sqliteFingerprint } from './support/databases.js';
import { MAVEN_DIR, readSimpleCsv } from './support/maven.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('import');
const fixtures = join(CLI_DIR, 'test', 'fixtures');
const accounts = join(MAVEN_DIR, 'accounts.csv');
const accountsMap = join(fixtures, 'accounts-mapping.json');
const importContacts = [
  'import',
  'contacts',
  join(fixtures, 'contacts.csv'),
  '--map',
  join(fixtures, 'contacts-mapping.json'),
  '--db',
  'crm.db',
];

beforeAll(async () => {
  await ensureBuiltCli();
}, 180_000);

describe('sellkit import companies|contacts (built CLI, SQLite)', { timeout: 180_000 }, () => {
  it('imports accounts.csv with a mapping: every row accounted for; again: all unchanged', async () => {
    const first = await runBuiltCli(
      ['import', 'companies', accounts, '--map', accountsMap, '--db', 'crm.db', '--json'],
      { cwd },
    );
    expect(first.code).toBe(0);
    const rows = readSimpleCsv(accounts).length;
    expect(JSON.parse(first.stdout).sections.summary).toEqual([
      { part: 'accounts.csv', total: rows, created: rows, updated: 0, unchanged: 0, rejected: 0 },
    ]);
    expect(sqliteCount(join(cwd, 'crm.db'), 'sk_company')).toBe(rows);
    expect(sqliteCount(join(cwd, 'crm.db'), 'sk_company', "industry = 'technolgy'")).toBe(0);
    const again = await runBuiltCli(
      ['import', 'companies', accounts, '--map', accountsMap, '--db', 'crm.db', '--json'],
      { cwd },
    );
    expect(JSON.parse(again.stdout).sections.summary[0]).toMatchObject({
      created: 0,
      unchanged: rows,
    });
  });

  it('imports contacts, rejecting bad rows with line numbers and reasons', async () => {
    const { code, stdout } = await runBuiltCli([...importContacts, '--json'], { cwd });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.sections.summary[0]).toMatchObject({ total: 4, created: 2, rejected: 2 });
    const lines = report.sections.rejected.map((row: { line: number }) => row.line);
    expect(lines).toEqual([4, 5]);
    for (const row of report.sections.rejected) expect(row.reason).not.toBe('');
  });

  it('prints a readable report when piped, rejected rows included', async () => {
    const { code, stdout } = await runBuiltCli(importContacts, { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('Import of contacts from contacts.csv');
    expect(stdout).toMatch(/contacts\.csv\s+4\s+0\s+0\s+2\s+2/);
    expect(stdout).toContain('Rejected rows:');
    expect(stdout).not.toContain('│');
  });

  it('--strict imports nothing when a row is rejected, and exits 1', async () => {
    const before = sqliteFingerprint(join(cwd, 'crm.db'));
    const file = join(cwd, 'strict.csv');
    writeFileSync(
      file,
      'id,first,last,email,account,birthday\nc-9,Ines,Costa,ines@x.example,Acme Corporation,\nc-10,,,,Acme Corporation,\n',
    );
    const { code, stdout, stderr } = await runBuiltCli(
      [
        'import',
        'contacts',
        file,
        '--map',
        join(fixtures, 'contacts-mapping.json'),
        '--db',
        'crm.db',
        '--strict',
        '--quiet',
      ],
      { cwd },
    );
    expect(code).toBe(1);
    expect(stderr).toBe('sellkit: 1 of 2 rows were rejected; with --strict nothing was imported\n');
    expect(stdout).toContain('Rejected rows');
    expect(sqliteFingerprint(join(cwd, 'crm.db'))).toBe(before);
  });

  it.each([
    [
      'a missing file',
      ['import', 'companies', 'nope.csv', '--map', accountsMap],
      /^sellkit: cannot read .*nope\.csv: no such file\n$/,
    ],
    [
      'a missing mapping file',
      ['import', 'companies', accounts, '--map', 'nope.json'],
      /^sellkit: cannot read mapping file .*nope\.json: no such file\n$/,
    ],
    [
      'a directory instead of a file',
      ['import', 'companies', MAVEN_DIR, '--map', accountsMap],
      /is not a file\n$/,
    ],
  ])('fails on %s with one line, exit 1, nothing written', async (_label, args, message) => {
    const before = sqliteFingerprint(join(cwd, 'crm.db'));
    const { code, stdout, stderr } = await runBuiltCli([...args, '--db', 'crm.db'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(sqliteFingerprint(join(cwd, 'crm.db'))).toBe(before);
  });

  it('fails on a CSV with the wrong header: one line, exit 1, database as it was', async () => {
    const file = join(cwd, 'wrong.csv');
    writeFileSync(file, 'name,sector\nAcme,retail\n');
    const before = sqliteFingerprint(join(cwd, 'crm.db'));
    const { code, stderr } = await runBuiltCli(
      ['import', 'companies', file, '--map', accountsMap, '--db', 'crm.db'],
      { cwd },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^sellkit: the CSV header lacks account, year_established, revenue, employees, office_location, subsidiary_of\n$/,
    );
    expect(sqliteFingerprint(join(cwd, 'crm.db'))).toBe(before);
  });

  it('rolls back everything when the file breaks after rows were written', async () => {
    // 600 good rows (more than one batch), then a row with too many cells: malformed CSV.
    const file = join(cwd, 'broken.csv');
    const good = Array.from(
      { length: 600 },
      (_, index) => `Broken Co ${index},retail,2001,1.5,20,Utopia,`,
    );
    writeFileSync(
      file,
      [
        'account,sector,year_established,revenue,employees,office_location,subsidiary_of',
        ...good,
        'a,b,c,d,e,f,g,h,i',
      ].join('\n'),
    );
    const before = sqliteFingerprint(join(cwd, 'crm.db'));
    const { code, stderr } = await runBuiltCli(
      ['import', 'companies', file, '--map', accountsMap, '--db', 'crm.db'],
      { cwd },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sellkit: malformed CSV: .*\n$/);
    expect(sqliteFingerprint(join(cwd, 'crm.db'))).toBe(before);
  });

  it('does not leave a new database file behind when the first import fails', async () => {
    const file = join(cwd, 'wrong-first.csv');
    writeFileSync(file, 'x\n1\n');
    const { code } = await runBuiltCli(
      ['import', 'companies', file, '--map', accountsMap, '--db', 'fresh.db'],
      { cwd },
    );
    expect(code).toBe(1);
    expect(existsSync(join(cwd, 'fresh.db'))).toBe(false);
  });

  it('refuses a bad mapping with one clear line', async () => {
    const map = join(cwd, 'bad-map.json');
    writeFileSync(map, '{"mapping": {"shoeSize": "account"}}');
    const bad = await runBuiltCli(
      ['import', 'companies', accounts, '--map', map, '--db', 'crm.db'],
      { cwd },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('company has no importable field shoeSize');
    writeFileSync(map, '{not json');
    const broken = await runBuiltCli(
      ['import', 'companies', accounts, '--map', map, '--db', 'crm.db'],
      { cwd },
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^sellkit: mapping file .*bad-map\.json is not valid JSON: .*\n$/,
    );
  });
});

describe('sellkit import maven-crm (built CLI, SQLite)', { timeout: 180_000 }, () => {
  const pipelineRows = readSimpleCsv(join(MAVEN_DIR, 'sales_pipeline.csv'));

  it('imports the four files; the numbers match the CSV files', async () => {
    const { code, stdout, stderr } = await runBuiltCli(
      ['import', 'maven-crm', MAVEN_DIR, '--db', 'maven.db', '--json'],
      { cwd },
    );
    expect(stderr).not.toContain('sellkit:');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const summary = Object.fromEntries(
      report.sections.summary.map((row: { part: string }) => [row.part, row]),
    );
    expect(summary['products.csv']).toMatchObject({
      total: readSimpleCsv(join(MAVEN_DIR, 'products.csv')).length,
      rejected: 0,
    });
    expect(summary['sales_teams.csv']).toMatchObject({
      total: readSimpleCsv(join(MAVEN_DIR, 'sales_teams.csv')).length,
    });
    expect(summary['accounts.csv']).toMatchObject({
      total: readSimpleCsv(accounts).length,
      rejected: 0,
    });
    const deals = summary['sales_pipeline.csv'];
    expect(deals.total).toBe(pipelineRows.length);
    expect(deals.created + deals.updated + deals.unchanged + deals.rejected).toBe(
      pipelineRows.length,
    );
    const file = join(cwd, 'maven.db');
    expect(sqliteCount(file, 'sk_opportunity')).toBe(deals.created);
    const leads = pipelineRows.filter(
      (row) => row.account === '' && ['Prospecting', 'Engaging'].includes(row.deal_stage!),
    ).length;
    const notes = Object.fromEntries(
      report.sections.notes.map((row: { note: string; count: number }) => [row.note, row.count]),
    );
    expect(notes['open deals without an account, kept as leads']).toBe(leads);
    expect(notes['product "GTXPro" resolved through its alias']).toBe(
      pipelineRows.filter((row) => row.product === 'GTXPro').length,
    );
    expect(sqliteCount(file, 'sk_opportunity', "status = 'won'")).toBe(
      pipelineRows.filter((row) => row.deal_stage === 'Won').length,
    );
  });

  it('imports again without changing anything', async () => {
    const before = sqliteCount(join(cwd, 'maven.db'), 'sk_opportunity');
    const { code, stdout } = await runBuiltCli(
      ['import', 'maven-crm', MAVEN_DIR, '--db', 'maven.db', '--json'],
      { cwd },
    );
    expect(code).toBe(0);
    const deals = JSON.parse(stdout).sections.summary.find(
      (row: { part: string }) => row.part === 'sales_pipeline.csv',
    );
    expect(deals).toMatchObject({ created: 0, unchanged: pipelineRows.length - deals.rejected });
    expect(sqliteCount(join(cwd, 'maven.db'), 'sk_opportunity')).toBe(before);
  });

  it('a failed import (broken sales_pipeline.csv) leaves the database as it was', async () => {
    const dir = join(cwd, 'maven-broken');
    mkdirSync(dir);
    for (const file of ['products.csv', 'sales_teams.csv', 'accounts.csv'])
      copyFileSync(join(MAVEN_DIR, file), join(dir, file));
    writeFileSync(join(dir, 'sales_pipeline.csv'), 'opportunity_id,agent\nX1,Nobody\n');
    const before = sqliteFingerprint(join(cwd, 'maven.db'));
    const { code, stderr } = await runBuiltCli(
      ['import', 'maven-crm', dir, '--db', 'maven.db', '--quiet'],
      {
        cwd,
      },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sellkit: the CSV header lacks .*\n$/);
    expect(sqliteFingerprint(join(cwd, 'maven.db'))).toBe(before);
  });

  it('names a missing file of the data set before touching the database', async () => {
    const dir = join(cwd, 'maven-partial');
    mkdirSync(dir);
    copyFileSync(join(MAVEN_DIR, 'products.csv'), join(dir, 'products.csv'));
    const { code, stderr } = await runBuiltCli(['import', 'maven-crm', dir, '--db', 'partial.db'], {
      cwd,
    });
    expect(code).toBe(1);
    expect(stderr).toBe(`sellkit: cannot read ${join(dir, 'sales_teams.csv')}: no such file\n`);
    expect(existsSync(join(cwd, 'partial.db'))).toBe(false);
    const missing = await runBuiltCli(
      ['import', 'maven-crm', join(cwd, 'nope'), '--db', 'partial.db'],
      { cwd },
    );
    expect(missing.stderr).toBe(`sellkit: cannot read ${join(cwd, 'nope')}: no such directory\n`);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_DIR, ensureBuiltCli, REPO_ROOT } from './support/build-cli.js';
import { sqliteCount } from './support/databases.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('import-export');
const fixtures = join(CLI_DIR, 'test', 'fixtures');
// 100 customers as another tool exports them (packages/customers/test-fixtures).
const exportCsv = join(REPO_ROOT, 'packages', 'customers', 'test-fixtures', 'customers-export.csv');

beforeAll(async () => {
  await ensureBuiltCli();
}, 180_000);

const run = (target: 'companies' | 'contacts') =>
  runBuiltCli(
    [
      'import',
      target,
      exportCsv,
      '--map',
      join(fixtures, `export-${target}-mapping.json`),
      '--db',
      'crm.db',
      '--json',
      '--quiet',
    ],
    { cwd },
  );

describe('sellkit import of a real-world customers export (built CLI, SQLite)', {
  timeout: 180_000,
}, () => {
  it('imports companies then contacts with --map: 0 rejected; phones E.164, countries codes; again unchanged', async () => {
    const companies = await run('companies');
    expect(companies.code, companies.stderr).toBe(0);
    expect(JSON.parse(companies.stdout).sections.summary[0]).toMatchObject({
      total: 100,
      created: 100,
      rejected: 0,
    });
    const contacts = await run('contacts');
    expect(contacts.code, contacts.stderr).toBe(0);
    const report = JSON.parse(contacts.stdout);
    expect(report.sections.summary[0]).toMatchObject({ total: 100, created: 100, rejected: 0 });
    expect(report.sections.unknownValues).toBeUndefined();
    const db = join(cwd, 'crm.db');
    expect(sqliteCount(db, 'sk_contact')).toBe(100);
    expect(sqliteCount(db, 'sk_contact', 'length("country") = 2')).toBe(100);
    expect(sqliteCount(db, 'sk_company', 'length("country") = 2')).toBe(100);
    // Every stored phone key is E.164, with ;ext= when the number had an extension.
    expect(
      sqliteCount(
        db,
        'sk_contact',
        `EXISTS (SELECT 1 FROM json_each("phones") WHERE value NOT GLOB '+[1-9]*' OR value GLOB '*[^0-9+;ext=]*')`,
      ),
    ).toBe(0);
    expect(
      sqliteCount(
        db,
        'sk_contact',
        `EXISTS (SELECT 1 FROM json_each("phones") WHERE value GLOB '*;ext=*')`,
      ),
    ).toBe(100);
    const again = await run('contacts');
    expect(JSON.parse(again.stdout).sections.summary[0]).toMatchObject({
      total: 100,
      created: 0,
      updated: 0,
      unchanged: 100,
      rejected: 0,
    });
  });

  it('report customers groups the imported companies by country code', async () => {
    const { code, stdout } = await runBuiltCli(
      ['report', 'customers', '--db', 'crm.db', '--json', '--section', 'countries'],
      { cwd },
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout).sections.countries as { country: string; companies: number }[];
    const counts = Object.fromEntries(rows.map((row) => [row.country, row.companies]));
    expect(counts).toMatchObject({ KR: 15, CN: 10, FK: 5, SK: 5, SZ: 5, US: 5 });
    expect(rows.reduce((sum, row) => sum + row.companies, 0)).toBe(100);
  });

  it('refuses two columns mapped into one value before anything is written', async () => {
    const map = join(cwd, 'two-columns.json');
    writeFileSync(map, JSON.stringify({ lastName: ['Last Name', 'First Name'] }));
    const bad = await runBuiltCli(
      ['import', 'contacts', exportCsv, '--map', map, '--db', 'crm.db'],
      { cwd },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('several columns can only fill a list field');
  });
});

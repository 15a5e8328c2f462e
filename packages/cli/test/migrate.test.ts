import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli } from './support/build-cli.js';
import { dropSchema, freshSchema, postgresQuery, postgresUrl } from './support/databases.js';
import { removeTempDirs, runBuiltCli, tempDir } from './support/run-cli.js';

afterAll(removeTempDirs);

const cwd = tempDir('migrate');

beforeAll(async () => {
  await ensureBuiltCli();
}, 180_000);

describe('sellkit migrate on SQLite (built CLI)', { timeout: 180_000 }, () => {
  it('prints the SQL on --dry-run without creating the file', async () => {
    const { code, stdout, stderr } = await runBuiltCli(['migrate', '--db', 'dry.db', '--dry-run'], {
      cwd,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('CREATE TABLE "sk_migrations"');
    for (const table of [
      'company',
      'contact',
      'opportunity',
      'rep',
      'territory',
      'product',
      'task',
    ]) {
      expect(stdout).toMatch(new RegExp(`CREATE TABLE "[a-z_]*${table}"`));
    }
    expect(
      stdout
        .trim()
        .split('\n')
        .every((line) => line.endsWith(';')),
    ).toBe(true);
    expect(stderr).toContain('dry run: nothing changed');
    expect(existsSync(join(cwd, 'dry.db'))).toBe(false);
  });

  it('migrates, then finds nothing to do; a dry run then prints no SQL', async () => {
    const first = await runBuiltCli(['migrate', '--db', 'crm.db'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Migrated crm\.db: \d+ statement\(s\) applied\n$/);
    const second = await runBuiltCli(['migrate', '--db', 'crm.db'], { cwd });
    expect(second.stdout).toBe('crm.db is up to date: nothing to apply\n');
    const dry = await runBuiltCli(['migrate', '--db', 'crm.db', '--dry-run', '--json'], { cwd });
    expect(JSON.parse(dry.stdout)).toEqual({ database: 'crm.db', dryRun: true, statements: [] });
  });

  it('refuses a text file and leaves it byte for byte', async () => {
    const file = join(cwd, 'notes.txt');
    writeFileSync(file, 'not a database\n');
    const { code, stdout, stderr } = await runBuiltCli(['migrate', '--db', 'notes.txt'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `sellkit: ${file} is not a Sellkit database (not an SQLite file); it was left untouched\n`,
    );
    expect(readFileSync(file, 'utf8')).toBe('not a database\n');
  });

  it("refuses somebody else's SQLite database and leaves it untouched", async () => {
    const file = join(cwd, 'erp.db');
    const db = new Database(file);
    db.exec(
      "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total TEXT); INSERT INTO invoices (total) VALUES ('12.50')",
    );
    db.close();
    const before = readFileSync(file);
    for (const args of [
      ['migrate', '--db', 'erp.db'],
      ['migrate', '--db', 'erp.db', '--dry-run'],
      ['report', 'pipeline', '--db', 'erp.db'],
    ]) {
      const { code, stderr } = await runBuiltCli(args, { cwd });
      expect(code).toBe(1);
      expect(stderr).toContain(
        'is not a Sellkit database (it has other tables (invoices) and no sk_migrations)',
      );
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reports a database URL that does not answer in one line, exit 1', async () => {
    // Port 1 on the loopback address: closed, so the connection is refused at once.
    const url = 'postgres://sellkit:secret@127.0.0.1:1/sellkit';
    const { code, stdout, stderr } = await runBuiltCli(['migrate', '--db', url], { cwd });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'sellkit: cannot connect to postgres://sellkit:***@127.0.0.1:1/sellkit: connection refused\n',
    );
  });

  it('shows the stack and details only with --verbose', async () => {
    const { code, stderr } = await runBuiltCli(
      ['migrate', '--db', 'postgres://127.0.0.1:1/x', '--verbose'],
      { cwd },
    );
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      'sellkit: cannot connect to postgres://127.0.0.1:1/x: connection refused',
    );
    expect(stderr).toContain('code: STORAGE_FAILURE');
    expect(stderr).toContain('ECONNREFUSED');
  });
});

const pgUrl = postgresUrl();

describe.skipIf(pgUrl === null)(
  'sellkit migrate on PostgreSQL (built CLI)',
  { timeout: 180_000 },
  () => {
    const url = pgUrl ?? '';
    const schema = freshSchema('migrate');
    const foreign = freshSchema('foreign');

    afterAll(async () => {
      await dropSchema(url, schema);
      await dropSchema(url, foreign);
    });

    it('prints the SQL on --dry-run and creates nothing', async () => {
      const { code, stdout } = await runBuiltCli(
        ['migrate', '--db', url, '--schema', schema, '--dry-run'],
        { cwd },
      );
      expect(code).toBe(0);
      expect(stdout).toContain('CREATE TABLE');
      const tables = await postgresQuery(
        url,
        'SELECT 1 FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      );
      expect(tables).toHaveLength(0);
    });

    it('migrates once, then applies nothing', async () => {
      const first = await runBuiltCli(['migrate', '--db', url, '--schema', schema], { cwd });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/statement\(s\) applied/);
      const second = await runBuiltCli(['migrate', '--db', url, '--schema', schema], { cwd });
      expect(second.stdout).toContain('is up to date: nothing to apply');
    });

    it('refuses a schema holding other tables', async () => {
      await postgresQuery(url, `CREATE SCHEMA "${foreign}"`);
      await postgresQuery(url, `CREATE TABLE "${foreign}".ledger (id int)`);
      const { code, stderr } = await runBuiltCli(['migrate', '--db', url, '--schema', foreign], {
        cwd,
      });
      expect(code).toBe(1);
      expect(stderr).toContain(
        'is not a Sellkit database (it has other tables (ledger) and no sk_migrations)',
      );
      const tables = await postgresQuery(
        url,
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [foreign],
      );
      expect(tables).toEqual([{ table_name: 'ledger' }]);
    });
  },
);

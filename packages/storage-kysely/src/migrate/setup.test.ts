import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { isSellkitError, type SellkitError } from '@sellkit/core';
import type { SetupReport, TableLayout } from '@sellkit/core/driver';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kyselyDriver, pgliteDriver, postgresDriver, sqliteDriver } from '../adapters/drivers.js';
import type { KyselyStorageDriver } from '../driver/kysely-driver.js';
import {
  column,
  smallLayout,
  smallRow,
  withColumn,
  withIndexes,
  withoutColumn,
} from '../test-support/layouts.js';
import { randomTenant } from '../test-support/models.js';
import { describePostgres, dropSchema, postgresUrl, testSchema } from '../testing/index.js';

const all = { type: 'const', value: true } as const;

async function refused(promise: Promise<unknown>): Promise<SellkitError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!isSellkitError(error, 'CONFIGURATION_INVALID'))
    throw new Error(`expected CONFIGURATION_INVALID, got ${String(error)}`);
  return error;
}

function migrationSuite(
  name: string,
  open: () => KyselyStorageDriver,
  concurrent?: () => KyselyStorageDriver[],
): void {
  describe(`setup on ${name}`, () => {
    let driver: KyselyStorageDriver;
    beforeAll(() => {
      driver = open();
    });
    afterAll(() => driver.close());

    it('dry-runs, applies once, and then has nothing left to do', async () => {
      const layout = smallLayout();
      const dry = await driver.setup([layout], { dryRun: true });
      expect(dry.statements.some((statement) => statement.startsWith('CREATE TABLE'))).toBe(true);
      expect(dry.statements.join('\n')).toContain(layout.table);
      // A dry run applies nothing: the same statements are still pending.
      expect((await driver.setup([layout], { dryRun: true })).statements).toEqual(dry.statements);
      const applied = await driver.setup([layout]);
      expect(applied.statements.filter((statement) => statement.includes(layout.table))).toEqual(
        dry.statements.filter((statement) => statement.includes(layout.table)),
      );
      expect((await driver.setup([layout])).statements).toEqual([]);
      expect((await driver.setup([layout], { dryRun: true })).statements).toEqual([]);
      await driver.insert(randomTenant(), layout, [smallRow()]);
    });

    it('records what it applied in sk_migrations', async () => {
      const layout = smallLayout();
      const applied = await driver.setup([layout]);
      const history = await driver.migrations();
      const last = history[history.length - 1];
      expect(last?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(last?.statements).toEqual(applied.statements);
      expect(last?.tables).toEqual([layout.table]);
      expect(Number.isNaN(Date.parse(last?.appliedAt ?? ''))).toBe(false);
      await driver.setup([layout]);
      expect(await driver.migrations()).toHaveLength(history.length);
    });

    it('adds new columns (required ones filled on existing rows) and indexes', async () => {
      const layout = smallLayout();
      await driver.setup([layout]);
      const tenant = randomTenant();
      const old = smallRow({ amount: '1.50' });
      await driver.insert(tenant, layout, [old]);
      const grown = withIndexes(
        withColumn(
          withColumn(layout, column('note', 'text', true)),
          column('score', 'integer', false),
        ),
        [
          ...layout.indexes,
          { name: `${layout.table}_score_idx`, columns: ['score'], unique: false },
        ],
      );
      const report = await driver.setup([grown]);
      expect(report.statements).toHaveLength(3);
      expect((await driver.setup([grown])).statements).toEqual([]);
      expect(await driver.get(tenant, grown, old.id as string)).toEqual({
        ...old,
        note: null,
        score: 0,
      });
    });

    it('refuses destructive differences, lists them all and applies nothing', async () => {
      const layout = smallLayout();
      await driver.setup([layout]);
      const changed = withColumn(
        withColumn(withoutColumn(layout, 'email'), column('amount', 'text', true)),
        column('extra', 'text', true),
      );
      const required = withColumn(changed, column('extra', 'text', true));
      const error = await refused(
        driver.setup([withColumn(required, column('name', 'text', false))]),
      );
      const problems = error.details.problems as string[];
      expect(problems.some((problem) => problem.includes('amount'))).toBe(true);
      expect(
        problems.some((problem) => problem.includes('email') && problem.includes('dropped')),
      ).toBe(true);
      const nullable = withColumn(layout, column('email', 'text', false));
      const second = await refused(driver.setup([nullable], { dryRun: true }));
      expect(String(second.details.problems)).toContain('became required');
      // Nothing was applied: the original layout still needs no change.
      expect((await driver.setup([layout])).statements).toEqual([]);
    });

    it('refuses a json column that became a list of texts, and the other way round', async () => {
      const layout = withColumn(smallLayout(), column('meta', 'json', true));
      await driver.setup([layout]);
      expect((await driver.setup([layout])).statements).toEqual([]);
      const asList = withColumn(layout, column('meta', 'textList', true));
      const error = await refused(driver.setup([asList]));
      expect(String(error.details.problems)).toContain('meta');
      const listed = withColumn(smallLayout(), column('tags', 'textList', true));
      await driver.setup([listed]);
      await refused(driver.setup([withColumn(listed, column('tags', 'json', true))]));
      // A column added later is told apart too.
      const added = withColumn(layout, column('labels', 'textList', true));
      await driver.setup([added]);
      await refused(driver.setup([withColumn(added, column('labels', 'json', true))]));
      expect((await driver.setup([added])).statements).toEqual([]);
    });

    it('relaxes NOT NULL and widens decimals without losing rows or indexes', async () => {
      const layout = smallLayout();
      await driver.setup([layout]);
      const tenant = randomTenant();
      await driver.insert(tenant, layout, [smallRow({ email: 'a@x', amount: '2.25' })]);
      const relaxed = withColumn(
        withColumn(layout, column('name', 'text', true)),
        column('amount', 'decimal', true, { scale: 2, precision: 16 }),
      );
      const report = await driver.setup([relaxed]);
      expect(report.statements.length).toBeGreaterThan(0);
      expect((await driver.setup([relaxed])).statements).toEqual([]);
      await driver.insert(tenant, relaxed, [smallRow({ name: null })]);
      expect(await driver.count(tenant, relaxed, all)).toBe(2);
      const clash = await driver
        .insert(tenant, relaxed, [smallRow({ email: 'a@x' })])
        .catch((caught: unknown) => caught);
      expect(isSellkitError(clash, 'CONFLICT')).toBe(true);
    });

    it('refuses a changed decimal scale, and on SQLite a precision crossing 18 digits', async () => {
      const layout = smallLayout();
      await driver.setup([layout]);
      await refused(
        driver.setup([
          withColumn(layout, column('amount', 'decimal', true, { scale: 3, precision: 12 })),
        ]),
      );
      const wider = withColumn(
        layout,
        column('amount', 'decimal', true, { scale: 2, precision: 30 }),
      );
      if (name === 'sqlite') {
        const error = await refused(driver.setup([wider]));
        expect(String(error.details.problems)).toContain('18-digit');
      } else {
        expect((await driver.setup([wider])).statements).toHaveLength(1);
      }
    });

    it('replaces an index whose definition changed and drops one no longer wanted', async () => {
      const layout = smallLayout();
      await driver.setup([layout]);
      const plain = withIndexes(layout, [
        { name: `${layout.table}_email_key`, columns: ['email', 'name'], unique: false },
      ]);
      const report = await driver.setup([plain]);
      expect(report.statements).toHaveLength(2);
      const tenant = randomTenant();
      await driver.insert(tenant, plain, [
        smallRow({ email: 'same' }),
        smallRow({ email: 'same' }),
      ]);
      const none = withIndexes(layout, []);
      expect((await driver.setup([none])).statements).toHaveLength(1);
      expect((await driver.setup([none])).statements).toEqual([]);
    });

    it('rejects layouts that collide with the driver’s own tables', async () => {
      const layout = { ...smallLayout(), table: 'sk_sequence' };
      await refused(driver.setup([layout]));
      const tenantColumn = withColumn(smallLayout(), column('tenant_id', 'text', true));
      await refused(driver.setup([tenantColumn]));
    });

    if (concurrent) {
      it('lets two processes set up at once: one applies, the other finds nothing to do', async () => {
        const layout = smallLayout();
        const drivers = concurrent();
        try {
          const reports = await Promise.all(drivers.map((each) => each.setup([layout])));
          const sizes = reports.map(
            (report) =>
              report.statements.filter((statement) => statement.includes(layout.table)).length,
          );
          expect(sizes.filter((size) => size > 0)).toHaveLength(1);
          await drivers[0]?.insert(randomTenant(), layout, [smallRow()]);
        } finally {
          await Promise.all(drivers.map((each) => each.close()));
        }
      });
    }
  });
}

const directory = mkdtempSync(join(tmpdir(), 'sellkit-setup-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const file = join(directory, 'setup.db');
migrationSuite('sqlite', () => sqliteDriver({ file }));

describe('setup on sqlite from two processes', () => {
  // better-sqlite3 is synchronous: two connections in one process would block each other's
  // event loop, so the race is run where it happens in practice, between processes.
  const worker = fileURLToPath(new URL('../test-support/setup-worker.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const run = (layout: TableLayout) =>
    new Promise<SetupReport>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--conditions=sellkit-source', '--import', 'tsx', worker, file, JSON.stringify(layout)],
        { cwd: root },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`${error.message}\n${stderr}`));
          else resolve(JSON.parse(stdout) as SetupReport);
        },
      );
    });

  it('lets one apply and the other find nothing to do', async () => {
    const layout = smallLayout();
    const reports = await Promise.all([run(layout), run(layout), run(layout)]);
    const sizes = reports.map(
      (report) => report.statements.filter((statement) => statement.includes(layout.table)).length,
    );
    expect(sizes.filter((size) => size > 0)).toHaveLength(1);
    const driver = sqliteDriver({ file });
    try {
      expect((await driver.setup([layout])).statements).toEqual([]);
      const records = (await driver.migrations()).filter((record) =>
        record.tables.includes(layout.table),
      );
      expect(records).toHaveLength(1);
    } finally {
      await driver.close();
    }
  });
});
migrationSuite('pglite', () => pgliteDriver());

describe('column notes on PostgreSQL (PGlite)', () => {
  it('notes a json column of a table made before notes existed, once', async () => {
    const db = new Kysely<Record<string, never>>({
      dialect: new PGliteDialect({ pglite: new PGlite() as never }),
    });
    const driver = kyselyDriver(db, { dialect: 'postgres' });
    try {
      const layout = withColumn(smallLayout(), column('meta', 'json', true));
      await driver.setup([layout]);
      await sql`COMMENT ON COLUMN ${sql.id(layout.table)}.${sql.id('meta')} IS NULL`.execute(db);
      const backfill = await driver.setup([layout]);
      expect(backfill.statements).toEqual([
        `COMMENT ON COLUMN "${layout.table}"."meta" IS 'sellkit:json'`,
      ]);
      expect((await driver.setup([layout])).statements).toEqual([]);
      await refused(driver.setup([withColumn(layout, column('meta', 'textList', true))]));
    } finally {
      await driver.close();
      await db.destroy();
    }
  });
});

if (postgresUrl) {
  const url = postgresUrl;
  const schema = testSchema();
  afterAll(() => dropSchema(url, schema));
  migrationSuite(
    'postgres',
    () => postgresDriver({ url }, { schema }),
    () => [postgresDriver({ url }, { schema }), postgresDriver({ url }, { schema })],
  );
} else {
  describePostgres('setup on postgres', () => undefined);
}

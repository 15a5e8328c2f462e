import { describe, it } from 'vitest';
import { pgliteDriver, postgresDriver, sqliteDriver } from '../adapters/drivers.js';
import type { KyselyStorageDriver } from '../driver/kysely-driver.js';

/** The PostgreSQL test database, from `scripts/with-postgres.sh` or the environment. */
export const postgresUrl: string | undefined = process.env.SELLKIT_PG_URL || undefined;

/**
 * A describe block that needs PostgreSQL: runs with SELLKIT_PG_URL, fails loudly in CI without
 * it, and is skipped (with the reason in its title) on a developer machine without it.
 */
export function describePostgres(title: string, body: (url: string) => void): void {
  if (postgresUrl) {
    const url = postgresUrl;
    describe(title, () => body(url));
  } else if (process.env.CI) {
    describe(title, () => {
      throw new Error(
        'SELLKIT_PG_URL is not set in CI: run the tests through scripts/with-postgres.sh',
      );
    });
  } else {
    describe.skip(`${title} [skipped: SELLKIT_PG_URL unset; use scripts/with-postgres.sh]`, () => {
      it('needs PostgreSQL: run through scripts/with-postgres.sh or set SELLKIT_PG_URL', () =>
        undefined);
      body('');
    });
  }
}

/** A schema name of its own for one test file, so files can run in parallel on one database. */
export function testSchema(prefix = 'sk_test'): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Drops a test schema with everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** One database a driver test runs on. */
export interface DriverTarget {
  /** What the test titles say: the database, and the binding where there are several. */
  readonly name: 'sqlite' | 'sqlite-libsql' | 'pglite' | 'postgres';
  /** The database engine, which is what suites branch on. */
  readonly engine: 'sqlite' | 'pglite' | 'postgres';
  create(): KyselyStorageDriver;
  /** Removes what `create` left behind (Postgres schemas). */
  cleanup(): Promise<void>;
}

/** SQLite in memory (on better-sqlite3 and on libsql), PGlite in memory, and PostgreSQL when SELLKIT_PG_URL is set. */
export function driverTargets(): DriverTarget[] {
  const targets: DriverTarget[] = [
    {
      name: 'sqlite',
      engine: 'sqlite',
      create: () => sqliteDriver({ memory: true }, { driver: 'better-sqlite3' }),
      cleanup: async () => undefined,
    },
    {
      name: 'sqlite-libsql',
      engine: 'sqlite',
      create: () => sqliteDriver({ memory: true }, { driver: 'libsql' }),
      cleanup: async () => undefined,
    },
    {
      name: 'pglite',
      engine: 'pglite',
      create: () => pgliteDriver(),
      cleanup: async () => undefined,
    },
  ];
  if (postgresUrl) {
    const url = postgresUrl;
    const schemas: string[] = [];
    targets.push({
      name: 'postgres',
      engine: 'postgres',
      create: () => {
        const schema = testSchema();
        schemas.push(schema);
        return postgresDriver({ url }, { schema });
      },
      cleanup: async () => {
        for (const schema of schemas.splice(0)) await dropSchema(url, schema);
      },
    });
  }
  return targets;
}

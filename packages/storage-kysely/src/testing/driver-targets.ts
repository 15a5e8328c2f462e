import type { AdapterTarget } from '@sellkit/core/testing';
import { pgliteDriver, postgresDriver, sqliteDriver } from '../adapters/drivers.js';
import type { KyselyStorageDriver } from '../driver/kysely-driver.js';
import { dropSchema, postgresUrl, testSchema } from './postgres.js';

/** One database a driver test runs on: a row of the adapter matrix that opens drivers. */
export interface DriverTarget extends AdapterTarget<KyselyStorageDriver> {
  /** What the test titles say: the database, and the binding where there are several. */
  readonly name: 'sqlite' | 'sqlite-libsql' | 'pglite' | 'postgres';
  /** The database engine, which is what suites branch on. */
  readonly engine: 'sqlite' | 'pglite' | 'postgres';
  create(): KyselyStorageDriver;
}

function driverTarget(
  name: DriverTarget['name'],
  engine: DriverTarget['engine'],
  create: () => KyselyStorageDriver,
): DriverTarget {
  return { name, engine, create, release: async () => undefined };
}

/**
 * The drivers an adapter's own suites run on: SQLite in memory (on better-sqlite3 and on
 * libsql), PGlite in memory, and PostgreSQL when SELLKIT_PG_URL is set (a schema per
 * `create`, dropped by `release`). Without SELLKIT_PG_URL, pair the loop with
 * `describePostgres` so the missing database is reported (skipped locally, failed in CI).
 *
 * @example
 * ```ts
 * import { describe, it } from 'vitest';
 *
 * for (const target of driverTargets()) {
 *   describe(`kysely driver on ${target.name}`, () => {
 *     it('sets up', async () => {
 *       const driver = target.create();
 *       await driver.close();
 *       await target.release();
 *     });
 *   });
 * }
 * ```
 */
export function driverTargets(): DriverTarget[] {
  const targets: DriverTarget[] = [
    driverTarget('sqlite', 'sqlite', () =>
      sqliteDriver({ memory: true }, { driver: 'better-sqlite3' }),
    ),
    driverTarget('sqlite-libsql', 'sqlite', () =>
      sqliteDriver({ memory: true }, { driver: 'libsql' }),
    ),
    driverTarget('pglite', 'pglite', () => pgliteDriver()),
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
      release: async () => {
        for (const schema of schemas.splice(0)) await dropSchema(url, schema);
      },
    });
  }
  return targets;
}

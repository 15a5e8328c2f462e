import { isSellkitError } from '@sellkit/core';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postgresDriver } from '../adapters/drivers.js';
import { all } from '../test-support/filters.js';
import { flatRow, randomTenant, everythingLayout as table } from '../test-support/models.js';
import { describePostgres, dropSchema, testSchema } from '../testing/index.js';
import type { KyselyStorageDriver } from './kysely-driver.js';

describePostgres('a lost PostgreSQL connection', (url) => {
  const schema = testSchema();
  const application = `sellkit_lost_${schema}`;
  let driver: KyselyStorageDriver;
  let admin: pg.Client;
  beforeAll(async () => {
    const tagged = new URL(url);
    tagged.searchParams.set('application_name', application);
    driver = postgresDriver({ url: tagged.toString() }, { schema, maxConnections: 2 });
    await driver.setup([table]);
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await driver?.close();
    await admin?.end();
    await dropSchema(url, schema);
  });

  it('is STORAGE_FAILURE with the cause, rolls the transaction back, and the pool recovers', async () => {
    const tenant = randomTenant();
    const error = await driver
      .transaction(async (tx) => {
        await tx.insert(tenant, table, [flatRow()]);
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
          [application],
        );
        await tx.insert(tenant, table, [flatRow()]);
      })
      .catch((caught: unknown) => caught);
    expect(isSellkitError(error, 'STORAGE_FAILURE')).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(await driver.count(tenant, table, all)).toBe(0);
    await driver.insert(tenant, table, [flatRow()]);
    expect(await driver.count(tenant, table, all)).toBe(1);
  });
});

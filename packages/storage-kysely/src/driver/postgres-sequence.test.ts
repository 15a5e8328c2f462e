import { afterAll, beforeAll, expect, it } from 'vitest';
import { postgresDriver } from '../adapters/drivers.js';
import { randomTenant } from '../test-support/models.js';
import { describePostgres, dropSchema, testSchema } from '../testing/index.js';
import type { KyselyStorageDriver } from './kysely-driver.js';

class Rollback extends Error {}

describePostgres('gapless sequences on postgres under concurrency', (url) => {
  const schema = testSchema();
  let driver: KyselyStorageDriver;
  beforeAll(async () => {
    driver = postgresDriver({ url }, { schema, maxConnections: 8 });
    await driver.setup([]);
  });
  afterAll(async () => {
    await driver?.close();
    await dropSchema(url, schema);
  });

  it('8 connections drawing 500 numbers each in transactions get exactly 1..4000', async () => {
    const tenant = randomTenant();
    const worker = async (index: number) => {
      const mine: number[] = [];
      for (let draw = 0; draw < 500; draw++) {
        // Now and then a transaction draws a number and rolls back: it must come back.
        if ((draw + index) % 50 === 0) {
          await driver
            .transaction(async (tx) => {
              await tx.nextSequenceValue(tenant, 'invoice');
              throw new Rollback();
            })
            .catch((error: unknown) => {
              if (!(error instanceof Rollback)) throw error;
            });
        }
        mine.push(await driver.transaction((tx) => tx.nextSequenceValue(tenant, 'invoice')));
      }
      return mine;
    };
    const drawn = (
      await Promise.all(Array.from({ length: 8 }, (_, index) => worker(index)))
    ).flat();
    expect(drawn).toHaveLength(4_000);
    expect(new Set(drawn).size).toBe(4_000);
    expect(drawn.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 4_000 }, (_, index) => index + 1),
    );
  });

  it('hands a number rolled back by one transaction to the one that waited for it', async () => {
    const tenant = randomTenant();
    expect(await driver.nextSequenceValue(tenant, 'order')).toBe(1);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let drew: (value: number) => void = () => undefined;
    const first = new Promise<number>((resolve) => {
      drew = resolve;
    });
    const holder = driver
      .transaction(async (tx) => {
        drew(await tx.nextSequenceValue(tenant, 'order'));
        await gate;
        throw new Rollback();
      })
      .catch(() => undefined);
    expect(await first).toBe(2);
    // This caller blocks on the row lock until the holder rolls back, then gets 2 itself.
    const waiter = driver.transaction((tx) => tx.nextSequenceValue(tenant, 'order'));
    release();
    await holder;
    expect(await waiter).toBe(2);
  });
});

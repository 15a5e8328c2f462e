import { isSellkitError } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { all } from '../filters.js';
import { flatRow, randomTenant, everythingLayout as table } from '../models.js';
import type { SuiteContext } from './context.js';

class Boom extends Error {}

/** Transactions, savepoints, isolation from uncommitted work, and gapless sequences. */
export function transactionSuite(context: SuiteContext): void {
  describe('transactions', () => {
    it('commits when the work resolves and rolls everything back when it throws', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const kept = flatRow({ employees: 1 });
      await driver.insert(tenant, table, [kept]);
      expect(driver.inTransaction).toBe(false);
      const result = await driver.transaction(async (tx) => {
        expect(tx.inTransaction).toBe(true);
        await tx.insert(tenant, table, [flatRow()]);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await driver.count(tenant, table, all)).toBe(2);
      const error = await driver
        .transaction(async (tx) => {
          await tx.insert(tenant, table, [flatRow(), flatRow()]);
          await tx.update(tenant, table, kept.id as string, 1, { version: 2, employees: 99 });
          await tx.delete(tenant, table, kept.id as string, 2);
          expect(await tx.count(tenant, table, all)).toBe(3);
          throw new Boom('undo');
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Boom);
      expect(await driver.count(tenant, table, all)).toBe(2);
      expect((await driver.get(tenant, table, kept.id as string))?.employees).toBe(1);
    });

    it('rolls back a nested transaction alone, as a savepoint', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      await driver.transaction(async (tx) => {
        await tx.insert(tenant, table, [flatRow({ name: 'outer' })]);
        await tx
          .transaction(async (inner) => {
            await inner.insert(tenant, table, [flatRow({ name: 'inner' })]);
            await inner.transaction(async (deepest) => {
              await deepest.insert(tenant, table, [flatRow({ name: 'deepest' })]);
            });
            throw new Boom('inner only');
          })
          .catch(() => undefined);
        await tx.transaction(async (inner) => {
          await inner.insert(tenant, table, [flatRow({ name: 'second' })]);
        });
      });
      const names = (
        await driver.find(tenant, table, {
          where: all,
          orderBy: [{ column: 'name', direction: 'asc' }],
          limit: 10,
        })
      ).map((row) => row.name);
      expect(names).toEqual(['outer', 'second']);
      await driver
        .transaction(async (tx) => {
          await tx.transaction((inner) => inner.insert(tenant, table, [flatRow({ name: 'lost' })]));
          throw new Boom('outer');
        })
        .catch(() => undefined);
      expect(await driver.count(tenant, table, all)).toBe(2);
    });

    it('never shows uncommitted rows to readers outside the transaction', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let inserted: () => void = () => undefined;
      const written = new Promise<void>((resolve) => {
        inserted = resolve;
      });
      const work = driver
        .transaction(async (tx) => {
          await tx.insert(tenant, table, [flatRow()]);
          inserted();
          await gate;
          throw new Boom('never committed');
        })
        .catch(() => undefined);
      await written;
      const outside = driver.count(tenant, table, all);
      release();
      await work;
      expect(await outside).toBe(0);
    });

    if (context.name !== 'postgres') {
      it('refuses, instead of hanging, a call outside the transaction made from inside it', async () => {
        const driver = context.driver();
        const tenant = randomTenant();
        await driver.transaction(async (tx) => {
          await tx.insert(tenant, table, [flatRow()]);
          const error = await driver.count(tenant, table, all).catch((caught: unknown) => caught);
          expect(isSellkitError(error, 'STORAGE_FAILURE')).toBe(true);
          expect((error as { details: { reason?: string } }).details.reason).toBe(
            'transaction_deadlock',
          );
          const nested = await driver.transaction(async () => 1).catch((caught: unknown) => caught);
          expect(isSellkitError(nested, 'STORAGE_FAILURE')).toBe(true);
        });
        expect(await driver.count(tenant, table, all)).toBe(1);
      });
    }

    it('keeps a transaction usable after a CONFLICT inside it', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      await driver.insert(tenant, table, [flatRow({ email: 'dup@example.com' })]);
      await driver.transaction(async (tx) => {
        const conflict = await tx
          .insert(tenant, table, [flatRow({ name: 'a' }), flatRow({ email: 'dup@example.com' })])
          .catch((caught: unknown) => caught);
        expect(isSellkitError(conflict, 'CONFLICT')).toBe(true);
        const other = flatRow({ email: 'x@example.com' });
        await tx.insert(tenant, table, [other]);
        const clash = await tx
          .update(tenant, table, other.id as string, 1, { version: 2, email: 'dup@example.com' })
          .catch((caught: unknown) => caught);
        expect(isSellkitError(clash, 'CONFLICT')).toBe(true);
        await tx.insert(tenant, table, [flatRow({ name: 'after' })]);
      });
      expect(await driver.count(tenant, table, all)).toBe(3);
    });

    it('lets exactly one of two concurrent updates at the same version win', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const row = flatRow({ employees: 0 });
      await driver.insert(tenant, table, [row]);
      const results = await Promise.all(
        [1, 2].map((employees) =>
          driver.update(tenant, table, row.id as string, 1, { version: 2, employees }),
        ),
      );
      expect(results.filter((result) => result !== null)).toHaveLength(1);
    });
  });

  describe('sequences', () => {
    it('counts 1, 2, 3 per tenant and per name', async () => {
      const driver = context.driver();
      const [a, b] = [randomTenant(), randomTenant()];
      expect(await driver.nextSequenceValue(a, 'invoice')).toBe(1);
      expect(await driver.nextSequenceValue(a, 'invoice')).toBe(2);
      expect(await driver.nextSequenceValue(a, 'order')).toBe(1);
      expect(await driver.nextSequenceValue(b, 'invoice')).toBe(1);
      expect(await driver.nextSequenceValue(a, 'invoice')).toBe(3);
    });

    it('gives a rolled-back number back, also from a savepoint', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      expect(await driver.nextSequenceValue(tenant, 'invoice')).toBe(1);
      await driver
        .transaction(async (tx) => {
          expect(await tx.nextSequenceValue(tenant, 'invoice')).toBe(2);
          throw new Boom('rollback');
        })
        .catch(() => undefined);
      await driver.transaction(async (tx) => {
        expect(await tx.nextSequenceValue(tenant, 'invoice')).toBe(2);
        await tx
          .transaction(async (inner) => {
            expect(await inner.nextSequenceValue(tenant, 'invoice')).toBe(3);
            throw new Boom('savepoint');
          })
          .catch(() => undefined);
        expect(await tx.nextSequenceValue(tenant, 'invoice')).toBe(3);
      });
      expect(await driver.nextSequenceValue(tenant, 'invoice')).toBe(4);
    });

    it('hands out 1..200 with no gap or duplicate to 10 concurrent transactions', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const drawn = await Promise.all(
        Array.from({ length: 10 }, () =>
          driver.transaction(async (tx) => {
            const mine: number[] = [];
            for (let index = 0; index < 20; index++)
              mine.push(await tx.nextSequenceValue(tenant, 'invoice'));
            return mine;
          }),
        ),
      );
      expect(drawn.flat().sort((x, y) => x - y)).toEqual(
        Array.from({ length: 200 }, (_, index) => index + 1),
      );
    });
  });
}

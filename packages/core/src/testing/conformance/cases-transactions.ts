import { describe, expect, it } from 'vitest';
import { SellkitError } from '../../errors/sellkit-error.js';
import type { TenantStorage } from '../../storage/storage.js';
import { expectFailure, type SuiteContext } from './context.js';
import { confItem, confLine } from './models.js';

class Boom extends Error {}

/** Lets pending I/O callbacks run (no timers: nothing here depends on how long a turn takes). */
async function nextTurns(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function rejects(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the transaction to fail');
}

/** Atomicity, savepoints, isolation, optimistic concurrency, unique constraints. */
export function transactionCases(ctx: SuiteContext): void {
  describe('transactions', () => {
    it('commits everything the work did and returns its result', async () => {
      const { storage } = ctx.tenant();
      const [kept] = await storage.insert(confItem, [{ name: 'kept' }]);
      const [gone] = await storage.insert(confItem, [{ name: 'gone' }]);
      const result = await storage.transaction(async (tx) => {
        expect(tx.inTransaction).toBe(true);
        await tx.insert(confItem, [{ name: 'new' }]);
        await tx.update(confItem, kept?.id as string, { name: 'kept2' });
        await tx.delete(confItem, gone?.id as string);
        return 'done';
      });
      expect(result).toBe('done');
      expect(storage.inTransaction).toBe(false);
      const names = (await storage.find(confItem, { orderBy: [{ field: 'name' }] })).rows.map(
        (item) => item.name,
      );
      expect(names).toEqual(['kept2', 'new']);
    });

    it('rolls back inserts, updates, deletes and sequence numbers when the work throws, and rethrows the same error', async () => {
      const { storage } = ctx.tenant();
      const [a, b] = await storage.insert(confItem, [{ name: 'a', quantity: 1 }, { name: 'b' }]);
      expect(await storage.nextSequenceValue('invoice')).toBe(1);
      const boom = new Boom('boom');
      const error = await rejects(
        storage.transaction(async (tx) => {
          await tx.insert(confItem, [{ name: 'c' }, { name: 'd' }]);
          await tx.update(confItem, a?.id as string, { quantity: 2 });
          await tx.delete(confItem, b?.id as string);
          expect(await tx.nextSequenceValue('invoice')).toBe(2);
          expect(await tx.count(confItem)).toBe(3);
          throw boom;
        }),
      );
      expect(error).toBe(boom);
      const rows = (await storage.find(confItem, { orderBy: [{ field: 'name' }] })).rows;
      expect(rows.map((item) => [item.name, item.quantity, item.version])).toEqual([
        ['a', 1, 1],
        ['b', null, 1],
      ]);
      expect(await storage.nextSequenceValue('invoice')).toBe(2);
    });

    it('a failed nested transaction (savepoint) rolls back only its own work', async () => {
      const { storage } = ctx.tenant();
      await storage.transaction(async (tx) => {
        await tx.insert(confItem, [{ name: 'outer' }]);
        await rejects(
          tx.transaction(async (inner) => {
            expect(inner.inTransaction).toBe(true);
            await inner.insert(confItem, [{ name: 'inner' }]);
            expect(await inner.nextSequenceValue('order')).toBe(1);
            throw new Boom('inner');
          }),
        );
        expect(await tx.count(confItem)).toBe(1);
        await tx.transaction(async (inner) => {
          await inner.insert(confItem, [{ name: 'second inner' }]);
        });
        expect(await tx.nextSequenceValue('order')).toBe(1);
      });
      const names = (await storage.find(confItem, { orderBy: [{ field: 'name' }] })).rows.map(
        (item) => item.name,
      );
      expect(names).toEqual(['outer', 'second inner']);
    });

    it('a committed savepoint is still undone when the outer transaction fails', async () => {
      const { storage } = ctx.tenant();
      await rejects(
        storage.transaction(async (tx) => {
          await tx.transaction(async (inner) => {
            await inner.insert(confItem, [{ name: 'inner' }]);
            await inner.nextSequenceValue('nested');
          });
          throw new Boom('outer');
        }),
      );
      expect(await storage.count(confItem)).toBe(0);
      expect(await storage.nextSequenceValue('nested')).toBe(1);
    });

    it("reads inside see the transaction's writes; reads outside never see uncommitted data", async () => {
      const { storage } = ctx.tenant();
      let release!: () => void;
      const hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written!: () => void;
      const wrote = new Promise<void>((resolve) => {
        written = resolve;
      });
      let open = true;
      const running = storage.transaction(async (tx) => {
        await tx.insert(confItem, [{ name: 'uncommitted' }]);
        expect(await tx.count(confItem)).toBe(1);
        written();
        await hold;
      });
      try {
        await wrote;
        // An adapter may answer from committed data at once, or make the read wait for the
        // commit (locking). Both are fine; an answer given while the transaction is open must
        // not include its rows.
        const counted = storage.count(confItem).then((count) => ({ count, whileOpen: open }));
        const found = storage
          .find(confItem)
          .then((page) => ({ count: page.rows.length, whileOpen: open }));
        await nextTurns(50);
        open = false;
        release();
        await running;
        for (const seen of [await counted, await found]) {
          if (seen.whileOpen) expect(seen.count).toBe(0);
        }
      } finally {
        open = false;
        release();
      }
      expect(await storage.count(confItem)).toBe(1);
    });

    it('a non-Sellkit error thrown by the work comes back unchanged (not STORAGE_FAILURE)', async () => {
      const { storage } = ctx.tenant();
      const error = await rejects(
        storage.transaction(async () => {
          throw new TypeError('mine');
        }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(SellkitError);
    });

    it('a transaction handle cannot be used after the transaction ended', async () => {
      const { storage } = ctx.tenant();
      let leaked: TenantStorage | undefined;
      await storage.transaction(async (tx) => {
        leaked = tx;
      });
      await expectFailure(
        (leaked as TenantStorage).insert(confItem, [{ name: 'late' }]),
        'STORAGE_FAILURE',
      );
      expect(await storage.count(confItem)).toBe(0);
    });

    it('two concurrent updates with the same expected version: exactly one wins', async () => {
      const { storage } = ctx.tenant();
      const [item] = await storage.insert(confItem, [{ name: 'race', quantity: 0 }]);
      const id = item?.id as string;
      const results = await Promise.allSettled(
        [1, 2, 3, 4].map((quantity) =>
          storage.update(confItem, id, { quantity }, { expectedVersion: 1 }),
        ),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const result of lost)
        expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
      const final = await storage.get(confItem, id);
      expect(final?.version).toBe(2);
      expect(final?.quantity).toBe(
        (won[0] as PromiseFulfilledResult<{ quantity: number }>).value.quantity,
      );
    });

    it('concurrent transactions each see a consistent state (no lost update on a counter)', async () => {
      const { storage } = ctx.tenant();
      const [counter] = await storage.insert(confItem, [{ name: 'counter', quantity: 0 }]);
      const id = counter?.id as string;
      const bump = async () => {
        for (let attempt = 0; attempt < 50; attempt += 1) {
          try {
            return await storage.transaction(async (tx) => {
              const current = await tx.get(confItem, id);
              await tx.update(
                confItem,
                id,
                { quantity: (current?.quantity ?? 0) + 1 },
                { expectedVersion: current?.version as number },
              );
            });
          } catch (error) {
            if (!(error instanceof SellkitError && error.code === 'CONFLICT')) throw error;
          }
        }
        throw new Error('too many conflicts');
      };
      await Promise.all(Array.from({ length: 10 }, bump));
      expect((await storage.get(confItem, id))?.quantity).toBe(10);
    });
  });

  describe('afterCommit', () => {
    it('runs at once outside a transaction, and after the outermost commit inside one', async () => {
      const { storage } = ctx.tenant();
      const seen: string[] = [];
      storage.afterCommit(() => seen.push('outside'));
      expect(seen).toEqual(['outside']);
      await storage.transaction(async (tx) => {
        tx.afterCommit(() => seen.push('outer'));
        await tx.transaction(async (inner) => {
          inner.afterCommit(() => seen.push('savepoint'));
          await inner.insert(confItem, [{ name: 'kept' }]);
        });
        expect(seen).toEqual(['outside']);
      });
      expect(seen).toEqual(['outside', 'outer', 'savepoint']);
    });

    it('never runs for rolled-back work, savepoints included', async () => {
      const { storage } = ctx.tenant();
      const seen: string[] = [];
      await expect(
        storage.transaction(async (tx) => {
          tx.afterCommit(() => seen.push('outer'));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await storage.transaction(async (tx) => {
        tx.afterCommit(() => seen.push('kept'));
        await expect(
          tx.transaction(async (inner) => {
            inner.afterCommit(() => seen.push('undone savepoint'));
            throw new Error('inner');
          }),
        ).rejects.toThrow('inner');
      });
      expect(seen).toEqual(['kept']);
    });

    it('refuses a callback that is not a function', () => {
      const { storage } = ctx.tenant();
      expect(() => storage.afterCommit('later' as unknown as () => void)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    });
  });

  describe('unique constraints', () => {
    it('a duplicate unique value is CONFLICT and nothing of the batch is written', async () => {
      const { storage } = ctx.tenant();
      await storage.insert(confItem, [{ name: 'first', code: 'DUP' }]);
      await expectFailure(
        storage.insert(confItem, [
          { name: 'x', code: 'NEW1' },
          { name: 'y', code: 'NEW2' },
          { name: 'z', code: 'DUP' },
        ]),
        'CONFLICT',
      );
      expect(await storage.count(confItem)).toBe(1);
    });

    it('duplicates inside one batch are CONFLICT and nothing is written', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(
        storage.insert(confItem, [
          { name: 'x', code: 'SAME' },
          { name: 'y', code: 'SAME' },
        ]),
        'CONFLICT',
      );
      expect(await storage.count(confItem)).toBe(0);
    });

    it('a large batch (several chunks) with a duplicate at the end writes nothing', async () => {
      const { storage } = ctx.tenant();
      const rows = Array.from({ length: 2_500 }, (_, index) => ({
        name: `n${index}`,
        code: `C${index}`,
      }));
      rows.push({ name: 'dup', code: 'C0' });
      await expectFailure(storage.insert(confItem, rows), 'CONFLICT');
      expect(await storage.count(confItem)).toBe(0);
    });

    it('an update to a taken value is CONFLICT and changes nothing; nulls never collide', async () => {
      const { storage } = ctx.tenant();
      const [a, b] = await storage.insert(confItem, [
        { name: 'a', code: 'A' },
        { name: 'b', code: 'B' },
        { name: 'c' },
        { name: 'd' },
      ]);
      await expectFailure(storage.update(confItem, b?.id as string, { code: 'A' }), 'CONFLICT');
      expect(await storage.get(confItem, b?.id as string)).toMatchObject({ code: 'B', version: 1 });
      await storage.update(confItem, a?.id as string, { code: null });
      await storage.update(confItem, b?.id as string, { code: 'A' });
      expect(await storage.count(confItem, { code: null })).toBe(3);
    });

    it('a composite unique index refuses a repeated pair but allows each part alone', async () => {
      const { storage } = ctx.tenant();
      const [x, y] = await storage.insert(confItem, [{ name: 'x' }, { name: 'y' }]);
      await storage.insert(confLine, [
        { itemId: x?.id as string, lineNo: 1 },
        { itemId: x?.id as string, lineNo: 2 },
        { itemId: y?.id as string, lineNo: 1 },
      ]);
      await expectFailure(
        storage.insert(confLine, [
          { itemId: y?.id as string, lineNo: 2 },
          { itemId: x?.id as string, lineNo: 2 },
        ]),
        'CONFLICT',
      );
      expect(await storage.count(confLine)).toBe(3);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import { expectFailure, type SuiteContext } from './context.js';
import { confItem, confLine, confNode, confParent } from './models.js';

/** Sequences, references and tenant isolation. */
export function tenancyCases(ctx: SuiteContext): void {
  describe('sequences', () => {
    it('start at 1 and count up, independently per name', async () => {
      const { storage } = ctx.tenant();
      expect(await storage.nextSequenceValue('invoice')).toBe(1);
      expect(await storage.nextSequenceValue('invoice')).toBe(2);
      expect(await storage.nextSequenceValue('credit-note')).toBe(1);
      expect(await storage.nextSequenceValue('invoice')).toBe(3);
      expect(await storage.nextSequenceValue('invoice.2026')).toBe(1);
    });

    it('10 parallel transactions drawing 20 numbers each get exactly 1..200', async () => {
      const { storage } = ctx.tenant();
      const drawn = await Promise.all(
        Array.from({ length: 10 }, () =>
          storage.transaction(async (tx) => {
            const numbers: number[] = [];
            for (let index = 0; index < 20; index += 1)
              numbers.push(await tx.nextSequenceValue('parallel'));
            return numbers;
          }),
        ),
      );
      expect(drawn.flat().sort((a, b) => a - b)).toEqual(
        Array.from({ length: 200 }, (_, index) => index + 1),
      );
    });

    it('50 parallel calls outside transactions get 50 distinct numbers without gaps', async () => {
      const { storage } = ctx.tenant();
      const numbers = await Promise.all(
        Array.from({ length: 50 }, () => storage.nextSequenceValue('loose')),
      );
      expect([...numbers].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 50 }, (_, index) => index + 1),
      );
    });

    it('a rolled-back number is given back', async () => {
      const { storage } = ctx.tenant();
      await storage.nextSequenceValue('gapless');
      await expect(
        storage.transaction(async (tx) => {
          expect(await tx.nextSequenceValue('gapless')).toBe(2);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await storage.nextSequenceValue('gapless')).toBe(2);
    });

    it('are per tenant', async () => {
      const first = ctx.tenant().storage;
      const second = ctx.tenant().storage;
      await first.nextSequenceValue('shared-name');
      await first.nextSequenceValue('shared-name');
      expect(await second.nextSequenceValue('shared-name')).toBe(1);
      expect(await first.nextSequenceValue('shared-name')).toBe(3);
    });

    it('refuse invalid names', async () => {
      const { storage } = ctx.tenant();
      for (const name of ['', 'Upper', '1st', 'with space', "x'; --", 'x'.repeat(65), 42]) {
        await expectFailure(storage.nextSequenceValue(name as string), 'VALIDATION_FAILED', {
          path: 'name',
        });
      }
    });
  });

  describe('references', () => {
    it('a reference to a missing record is VALIDATION_FAILED at its path and writes nothing', async () => {
      const { storage } = ctx.tenant();
      const [parent] = await storage.insert(confParent, [{ name: 'P' }]);
      const missing = parent?.id.replace(/.$/, (char) => (char === '0' ? '1' : '0')) as string;
      await expectFailure(
        storage.insert(confItem, [{ name: 'orphan', parentId: missing }]),
        'VALIDATION_FAILED',
        { path: 'parentId', reason: 'not_found' },
      );
      await expectFailure(
        storage.insert(confItem, [
          { name: 'ok', parentId: parent?.id as string },
          { name: 'orphan', parentId: missing },
        ]),
        'VALIDATION_FAILED',
        { path: 'rows.1.parentId' },
      );
      expect(await storage.count(confItem)).toBe(0);
    });

    it('a record may refer to another record of the same batch', async () => {
      const { storage } = ctx.tenant();
      const [root] = await storage.insert(confNode, [{ name: 'root' }]);
      const child = root?.id.replace(/.{4}$/, 'zzzz') as string;
      const nodes = await storage.insert(confNode, [
        { id: child, name: 'child', parentId: root?.id as string },
        { name: 'grandchild', parentId: child },
      ]);
      expect(nodes.map((node) => node.parentId)).toEqual([root?.id, child]);
    });

    it('an update to a missing reference is VALIDATION_FAILED and changes nothing', async () => {
      const { storage } = ctx.tenant();
      const [parent] = await storage.insert(confParent, [{ name: 'P' }]);
      const [item] = await storage.insert(confItem, [
        { name: 'i', parentId: parent?.id as string },
      ]);
      const other = ctx.tenant().storage;
      const [foreign] = await other.insert(confParent, [{ name: 'elsewhere' }]);
      await expectFailure(
        storage.update(confItem, item?.id as string, { parentId: foreign?.id as string }),
        'VALIDATION_FAILED',
        { path: 'parentId' },
      );
      expect((await storage.get(confItem, item?.id as string))?.parentId).toBe(parent?.id);
    });

    it('a referenced record cannot be deleted (CONFLICT naming who refers to it)', async () => {
      const { storage } = ctx.tenant();
      const [parent] = await storage.insert(confParent, [{ name: 'P' }]);
      const [item] = await storage.insert(confItem, [
        { name: 'i', parentId: parent?.id as string },
      ]);
      await storage.insert(confLine, [{ itemId: item?.id as string, lineNo: 1 }]);
      const error = await expectFailure(
        storage.delete(confParent, parent?.id as string),
        'CONFLICT',
      );
      expect(error.details.referencedBy).toEqual([
        { model: 'confItem', field: 'parentId', count: 1 },
      ]);
      await expectFailure(storage.delete(confItem, item?.id as string), 'CONFLICT');
      await storage.update(confItem, item?.id as string, { parentId: null });
      await storage.delete(confParent, parent?.id as string);
      expect(await storage.get(confParent, parent?.id as string)).toBeNull();
    });

    it('a record that refers only to itself can be deleted', async () => {
      const { storage } = ctx.tenant();
      const [node] = await storage.insert(confNode, [{ name: 'loop' }]);
      await storage.update(confNode, node?.id as string, { parentId: node?.id as string });
      await storage.delete(confNode, node?.id as string);
      expect(await storage.count(confNode)).toBe(0);
    });
  });

  describe('tenant isolation', () => {
    async function twoTenants() {
      const first = ctx.tenant().storage;
      const second = ctx.tenant().storage;
      const [parent] = await first.insert(confParent, [{ name: 'P1' }]);
      const [item] = await first.insert(confItem, [
        {
          name: 'mine',
          code: 'C1',
          quantity: 5,
          price: '1.00',
          amount: Money.of('1', 'EUR'),
          parentId: parent?.id as string,
        },
      ]);
      return { first, second, parent: parent?.id as string, item: item?.id as string };
    }

    it('another tenant cannot get, getMany, find or count the rows', async () => {
      const { second, item } = await twoTenants();
      expect(await second.get(confItem, item)).toBeNull();
      expect(await second.getMany(confItem, [item])).toEqual([]);
      expect((await second.find(confItem)).rows).toEqual([]);
      expect((await second.find(confItem, { where: { id: item } })).rows).toEqual([]);
      expect(await second.count(confItem)).toBe(0);
    });

    it('another tenant cannot update or delete the rows (NOT_FOUND), and they stay unchanged', async () => {
      const { first, second, item } = await twoTenants();
      await expectFailure(second.update(confItem, item, { name: 'stolen' }), 'NOT_FOUND');
      await expectFailure(second.delete(confItem, item), 'NOT_FOUND');
      expect(await first.get(confItem, item)).toMatchObject({ name: 'mine', version: 1 });
    });

    it("another tenant's aggregates do not include the rows", async () => {
      const { first, second } = await twoTenants();
      await second.insert(confItem, [{ name: 'theirs', quantity: 7 }]);
      const [mine] = await first.aggregate(confItem, {
        measures: { n: { fn: 'count' }, total: { fn: 'sum', field: 'quantity' } },
      });
      const [theirs] = await second.aggregate(confItem, {
        measures: { n: { fn: 'count' }, total: { fn: 'sum', field: 'quantity' } },
      });
      expect(mine).toEqual({ n: 1, total: 5 });
      expect(theirs).toEqual({ n: 1, total: 7 });
    });

    it('unique values are per tenant', async () => {
      const { second } = await twoTenants();
      const [copy] = await second.insert(confItem, [{ name: 'same code', code: 'C1' }]);
      expect(copy?.code).toBe('C1');
    });

    it('references cannot point into another tenant, and its references do not block deletes', async () => {
      const { first, second, parent } = await twoTenants();
      await expectFailure(
        second.insert(confItem, [{ name: 'x', parentId: parent }]),
        'VALIDATION_FAILED',
        { path: 'parentId' },
      );
      const [own] = await second.insert(confParent, [{ name: 'P2' }]);
      await second.delete(confParent, own?.id as string);
      await expectFailure(first.delete(confParent, parent), 'CONFLICT');
    });

    it('transactions of one tenant do not touch another', async () => {
      const { first, second, item } = await twoTenants();
      await second.transaction(async (tx) => {
        expect(await tx.get(confItem, item)).toBeNull();
        await tx.insert(confItem, [{ name: 'in tx', code: 'C1' }]);
      });
      expect(await first.count(confItem)).toBe(1);
      expect(await second.count(confItem)).toBe(1);
    });
  });
}

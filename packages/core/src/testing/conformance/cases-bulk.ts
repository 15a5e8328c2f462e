import { describe, expect, it } from 'vitest';
import { newId } from '../../ids/ids.js';
import { Money } from '../../money/money.js';
import { expectFailure, type SuiteContext } from './context.js';
import { confItem, confParent } from './models.js';

async function items(ctx: SuiteContext, count: number) {
  const tenant = ctx.tenant();
  const rows = await tenant.storage.insert(
    confItem,
    Array.from({ length: count }, (_, index) => ({
      name: `item ${index}`,
      quantity: index,
      amount: Money.of(`${index}.25`, 'EUR'),
      dueOn: `2026-04-${String((index % 28) + 1).padStart(2, '0')}`,
    })),
  );
  return { ...tenant, rows };
}

/** Projected finds (`select`) and `updateMany`. */
export function bulkCases(ctx: SuiteContext): void {
  describe('find with select', () => {
    it('returns only the selected fields, id and version; money stays whole', async () => {
      const { storage } = await items(ctx, 3);
      const page = await storage.find(confItem, {
        select: ['name', 'amount'],
        orderBy: [{ field: 'quantity', direction: 'asc' }],
      });
      expect(page.rows).toHaveLength(3);
      const [first] = page.rows;
      expect(Object.keys(first ?? {}).sort()).toEqual(['amount', 'id', 'name', 'version']);
      expect(first?.name).toBe('item 0');
      expect(first?.version).toBe(1);
      expect(first?.amount?.equals(Money.of('0.25', 'EUR'))).toBe(true);
    });

    it('pages with cursors sorted on fields it does not select', async () => {
      const { storage, rows } = await items(ctx, 23);
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await storage.find(confItem, {
          select: ['name'],
          where: { quantity: { gte: 2 } },
          orderBy: [{ field: 'dueOn', direction: 'desc' }],
          limit: 5,
          ...(after === undefined ? {} : { after }),
        });
        for (const row of page.rows) {
          expect(Object.keys(row).sort()).toEqual(['id', 'name', 'version']);
          seen.push(row.id);
        }
        after = page.nextCursor ?? undefined;
      } while (after !== undefined);
      const expected = rows.filter((row) => (row.quantity ?? 0) >= 2);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(expected.map((row) => row.id).sort());
    });

    it('refuses an empty select, unknown fields and non-names', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(storage.find(confItem, { select: [] }), 'VALIDATION_FAILED', {
        path: 'select',
      });
      await expectFailure(
        storage.find(confItem, { select: ['name', 'nope' as 'name'] }),
        'VALIDATION_FAILED',
        { path: 'select.1', reason: 'unknown_field' },
      );
      await expectFailure(
        storage.find(confItem, { select: 'name' as unknown as ['name'] }),
        'VALIDATION_FAILED',
        { path: 'select' },
      );
    });
  });

  describe('updateMany', () => {
    it('writes each patch, bumps versions and updatedAt, and reports new versions in order', async () => {
      const { storage, clock, rows } = await items(ctx, 4);
      clock.advance(60_000);
      const result = await storage.updateMany(
        confItem,
        rows.map((row, index) => ({
          id: row.id,
          expectedVersion: 1,
          patch: { quantity: 100 + index, amount: Money.of(`${index}9.5`, 'USD') },
        })),
      );
      expect(result.skipped).toEqual([]);
      expect(result.written).toEqual(rows.map((row) => ({ id: row.id, version: 2 })));
      for (const [index, row] of rows.entries()) {
        const stored = await storage.get(confItem, row.id);
        expect(stored?.quantity).toBe(100 + index);
        expect(stored?.amount?.equals(Money.of(`${index}9.5`, 'USD'))).toBe(true);
        expect(stored?.name).toBe(row.name);
        expect(stored?.version).toBe(2);
        expect(stored?.updatedAt).toEqual(clock.now());
        expect(stored?.createdAt).toEqual(row.createdAt);
      }
    });

    it('without expectedVersion it writes over the current version', async () => {
      const { storage, rows } = await items(ctx, 2);
      const [first] = rows;
      if (!first) return;
      await storage.update(confItem, first.id, { note: 'moved on' });
      const result = await storage.updateMany(confItem, [{ id: first.id, patch: { quantity: 7 } }]);
      expect(result.written).toEqual([{ id: first.id, version: 3 }]);
      expect((await storage.get(confItem, first.id))?.note).toBe('moved on');
    });

    it('an invalid patch anywhere writes nothing and names its path', async () => {
      const { storage, rows } = await items(ctx, 3);
      const failure = await expectFailure(
        storage.updateMany(
          confItem,
          rows.map((row, index) => ({
            id: row.id,
            patch: { quantity: index === 1 ? ('many' as unknown as number) : 5 },
          })),
        ),
        'VALIDATION_FAILED',
        { path: 'updates.1.patch.quantity' },
      );
      expect(failure.details.model).toBe('confItem');
      const stored = await storage.getMany(
        confItem,
        rows.map((row) => row.id),
      );
      expect(stored.every((row) => row.version === 1)).toBe(true);
    });

    it('refuses duplicate ids, unknown keys, bad versions and bad options', async () => {
      const { storage, rows } = await items(ctx, 1);
      const id = rows[0]?.id ?? '';
      await expectFailure(
        storage.updateMany(confItem, [
          { id, patch: { quantity: 1 } },
          { id, patch: { quantity: 2 } },
        ]),
        'VALIDATION_FAILED',
        { path: 'updates.1.id', reason: 'duplicate' },
      );
      await expectFailure(
        storage.updateMany(confItem, [
          { id, patch: { quantity: 1 }, extra: 1 } as unknown as { id: string; patch: object },
        ]),
        'VALIDATION_FAILED',
        { path: 'updates.0.extra' },
      );
      await expectFailure(
        storage.updateMany(confItem, [{ id, expectedVersion: 0, patch: {} }]),
        'VALIDATION_FAILED',
        { path: 'updates.0.expectedVersion' },
      );
      await expectFailure(
        storage.updateMany(confItem, [{ id, patch: {} }], {
          onStale: 'ignore' as 'skip',
        }),
        'VALIDATION_FAILED',
        { path: 'options.onStale' },
      );
      await expectFailure(
        storage.updateMany(confItem, { id } as unknown as []),
        'VALIDATION_FAILED',
        { path: 'updates' },
      );
      expect((await storage.get(confItem, id))?.version).toBe(1);
    });

    it('a stale version or a missing record fails the whole call by default', async () => {
      const { storage, rows } = await items(ctx, 3);
      const [a, b, c] = rows;
      if (!a || !b || !c) return;
      await storage.update(confItem, c.id, { note: 'changed' });
      const stale = rows.map((row) => ({ id: row.id, expectedVersion: 1, patch: { quantity: 9 } }));
      const conflict = await expectFailure(storage.updateMany(confItem, stale), 'CONFLICT');
      expect(conflict.details.id).toBe(c.id);
      await expectFailure(
        storage.updateMany(confItem, [
          { id: a.id, patch: { quantity: 9 } },
          { id: newId('citm'), patch: { quantity: 9 } },
        ]),
        'NOT_FOUND',
      );
      const after = await storage.getMany(confItem, [a.id, b.id]);
      expect(after.map((row) => row.quantity).sort()).toEqual([0, 1]);
    });

    it("with onStale: 'skip' it writes the rest and reports what it left", async () => {
      const { storage, rows } = await items(ctx, 3);
      const [a, b, c] = rows;
      if (!a || !b || !c) return;
      await storage.update(confItem, b.id, { note: 'changed' });
      const ghost = newId('citm');
      const result = await storage.updateMany(
        confItem,
        [
          { id: a.id, expectedVersion: 1, patch: { quantity: 50 } },
          { id: b.id, expectedVersion: 1, patch: { quantity: 51 } },
          { id: ghost, patch: { quantity: 52 } },
          { id: c.id, expectedVersion: 1, patch: { quantity: 53 } },
        ],
        { onStale: 'skip' },
      );
      expect(result.written).toEqual([
        { id: a.id, version: 2 },
        { id: c.id, version: 2 },
      ]);
      expect(result.skipped).toEqual([
        { id: b.id, code: 'CONFLICT' },
        { id: ghost, code: 'NOT_FOUND' },
      ]);
      expect((await storage.get(confItem, b.id))?.quantity).toBe(1);
      expect((await storage.get(confItem, c.id))?.quantity).toBe(53);
    });

    it('an empty patch writes nothing', async () => {
      const { storage, rows } = await items(ctx, 1);
      const id = rows[0]?.id ?? '';
      const result = await storage.updateMany(confItem, [{ id, patch: {} }]);
      expect(result).toEqual({ written: [], skipped: [] });
      expect((await storage.get(confItem, id))?.version).toBe(1);
    });

    it('checks references and unique values, writing nothing when one fails', async () => {
      const { storage, rows } = await items(ctx, 2);
      const [a, b] = rows;
      if (!a || !b) return;
      const [parent] = await storage.insert(confParent, [{ name: 'P' }]);
      await expectFailure(
        storage.updateMany(confItem, [
          { id: a.id, patch: { parentId: parent?.id ?? null } },
          { id: b.id, patch: { parentId: newId('cpar') } },
        ]),
        'VALIDATION_FAILED',
        { path: 'updates.1.patch.parentId', reason: 'not_found' },
      );
      await storage.update(confItem, a.id, { code: 'TAKEN' });
      await expectFailure(
        storage.updateMany(confItem, [
          { id: a.id, patch: { quantity: 70 } },
          { id: b.id, patch: { code: 'TAKEN' } },
        ]),
        'CONFLICT',
      );
      const stored = await storage.getMany(confItem, [a.id, b.id]);
      expect(stored.map((row) => row.parentId)).toEqual([null, null]);
      expect(stored.find((row) => row.id === a.id)?.quantity).toBe(0);
    });

    it('is undone with the transaction around it', async () => {
      const { storage, rows } = await items(ctx, 2);
      await expect(
        storage.transaction(async (tx) => {
          await tx.updateMany(
            confItem,
            rows.map((row) => ({ id: row.id, patch: { quantity: 99 } })),
          );
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      const stored = await storage.getMany(
        confItem,
        rows.map((row) => row.id),
      );
      expect(stored.every((row) => row.quantity !== 99 && row.version === 1)).toBe(true);
    });

    it('writes 2,500 records in one call', async () => {
      const { storage, rows } = await items(ctx, 2500);
      const result = await storage.updateMany(
        confItem,
        rows.map((row, index) => ({
          id: row.id,
          expectedVersion: 1,
          patch: { quantity: index * 2 },
        })),
      );
      expect(result.written).toHaveLength(2500);
      const total = await storage.aggregate(confItem, {
        measures: { total: { fn: 'sum', field: 'quantity' } },
      });
      expect(String(total[0]?.total)).toBe(String(2499 * 2500));
    });

    it("never touches another tenant's records", async () => {
      const { rows } = await items(ctx, 1);
      const other = ctx.tenant();
      const id = rows[0]?.id ?? '';
      await expectFailure(
        other.storage.updateMany(confItem, [{ id, expectedVersion: 1, patch: { quantity: 5 } }]),
        'NOT_FOUND',
      );
      const result = await other.storage.updateMany(
        confItem,
        [{ id, expectedVersion: 1, patch: { quantity: 5 } }],
        { onStale: 'skip' },
      );
      expect(result.skipped).toEqual([{ id, code: 'NOT_FOUND' }]);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { isId, newId } from '../../ids/ids.js';
import { Money } from '../../money/money.js';
import { expectFailure, type SuiteContext } from './context.js';
import { confItem, confParent } from './models.js';

/** Insert, get, getMany, update, delete, count and value round-trips. */
export function crudCases(ctx: SuiteContext): void {
  describe('records', () => {
    it('insert returns complete records: ids, version 1, timestamps, defaults and nulls', async () => {
      const { storage, clock } = ctx.tenant();
      const [item] = await storage.insert(confItem, [{ name: 'Alpha' }]);
      expect(item).toBeDefined();
      if (!item) return;
      expect(isId(item.id, 'citm')).toBe(true);
      expect(item.version).toBe(1);
      expect(item.createdAt).toEqual(clock.now());
      expect(item.updatedAt).toEqual(clock.now());
      expect(item.active).toBe(true);
      expect(item.status).toBe('draft');
      expect(item.tags).toEqual([]);
      expect(item.note).toBeNull();
      expect(item.amount).toBeNull();
      expect(await storage.get(confItem, item.id)).toEqual(item);
    });

    it('insert keeps input order and every record can be read back', async () => {
      const { storage } = ctx.tenant();
      const names = Array.from({ length: 25 }, (_, index) => `item ${index}`);
      const items = await storage.insert(
        confItem,
        names.map((name) => ({ name })),
      );
      expect(items.map((item) => item.name)).toEqual(names);
      expect(new Set(items.map((item) => item.id)).size).toBe(25);
      for (const item of items)
        expect((await storage.get(confItem, item.id))?.name).toBe(item.name);
    });

    it('insert accepts an explicit id with the model prefix and refuses another prefix', async () => {
      const { storage } = ctx.tenant();
      const [parent] = await storage.insert(confParent, [{ name: 'P' }]);
      const fresh = newId('citm');
      const [explicit] = await storage.insert(confItem, [{ id: fresh, name: 'explicit' }]);
      expect(explicit?.id).toBe(fresh);
      await expectFailure(
        storage.insert(confItem, [{ id: parent?.id, name: 'x' }]),
        'VALIDATION_FAILED',
        {
          path: 'id',
        },
      );
      await expectFailure(storage.insert(confItem, [{ id: fresh, name: 'again' }]), 'CONFLICT');
    });

    it('insert of an empty list writes nothing and returns []', async () => {
      const { storage } = ctx.tenant();
      expect(await storage.insert(confItem, [])).toEqual([]);
      expect(await storage.count(confItem)).toBe(0);
    });

    it('get returns null for unknown and malformed ids, and refuses non-strings', async () => {
      const { storage } = ctx.tenant();
      expect(await storage.get(confItem, 'citm_01jd3m5e6x0c8v7q4r2s9t1w3y')).toBeNull();
      expect(await storage.get(confItem, 'nonsense')).toBeNull();
      expect(await storage.get(confItem, "' OR 1=1 --")).toBeNull();
      await expectFailure(storage.get(confItem, 42 as unknown as string), 'VALIDATION_FAILED');
    });

    it('getMany returns the existing records once each and skips missing ids', async () => {
      const { storage } = ctx.tenant();
      const items = await storage.insert(confItem, [{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      const ids = items.map((item) => item.id);
      const found = await storage.getMany(confItem, [
        ids[0] as string,
        ids[2] as string,
        ids[0] as string,
        'citm_01jd3m5e6x0c8v7q4r2s9t1w3y',
      ]);
      expect(found.map((item) => item.name).sort()).toEqual(['a', 'c']);
      expect(await storage.getMany(confItem, [])).toEqual([]);
    });

    it('update changes fields, bumps the version and updatedAt, keeps createdAt', async () => {
      const { storage, clock } = ctx.tenant();
      const [item] = await storage.insert(confItem, [{ name: 'before', quantity: 1 }]);
      const created = clock.now();
      clock.advance(60_000);
      const updated = await storage.update(confItem, item?.id as string, {
        name: 'after',
        price: '9.90',
      });
      expect(updated).toMatchObject({ name: 'after', quantity: 1, price: '9.90', version: 2 });
      expect(updated.createdAt).toEqual(created);
      expect(updated.updatedAt).toEqual(clock.now());
      expect(await storage.get(confItem, updated.id)).toEqual(updated);
    });

    it('update clears optional fields with null and refuses to clear required ones', async () => {
      const { storage } = ctx.tenant();
      const [item] = await storage.insert(confItem, [
        { name: 'n', note: 'x', amount: Money.of('5', 'EUR') },
      ]);
      const id = item?.id as string;
      const cleared = await storage.update(confItem, id, { note: null, amount: null });
      expect(cleared.note).toBeNull();
      expect(cleared.amount).toBeNull();
      await expectFailure(
        storage.update(confItem, id, { name: null } as never),
        'VALIDATION_FAILED',
        { path: 'name' },
      );
      expect((await storage.get(confItem, id))?.version).toBe(2);
    });

    it('an empty patch returns the record unchanged', async () => {
      const { storage } = ctx.tenant();
      const [item] = await storage.insert(confItem, [{ name: 'same' }]);
      const result = await storage.update(confItem, item?.id as string, {});
      expect(result).toEqual(item);
    });

    it('update and delete of a missing record are NOT_FOUND', async () => {
      const { storage } = ctx.tenant();
      const missing = 'citm_01jd3m5e6x0c8v7q4r2s9t1w3y';
      await expectFailure(storage.update(confItem, missing, { name: 'x' }), 'NOT_FOUND');
      await expectFailure(storage.delete(confItem, missing), 'NOT_FOUND');
      await expectFailure(storage.delete(confItem, 'garbage'), 'NOT_FOUND');
    });

    it('a stale expectedVersion on update is CONFLICT and changes nothing', async () => {
      const { storage } = ctx.tenant();
      const [item] = await storage.insert(confItem, [{ name: 'v1' }]);
      const id = item?.id as string;
      await storage.update(confItem, id, { name: 'v2' }, { expectedVersion: 1 });
      const error = await expectFailure(
        storage.update(confItem, id, { name: 'v3' }, { expectedVersion: 1 }),
        'CONFLICT',
      );
      expect(error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      expect(await storage.get(confItem, id)).toMatchObject({ name: 'v2', version: 2 });
      await expectFailure(
        storage.update(confItem, id, { name: 'x' }, { expectedVersion: 0 }),
        'VALIDATION_FAILED',
      );
    });

    it('delete removes the record; a stale expectedVersion is CONFLICT', async () => {
      const { storage } = ctx.tenant();
      const [a, b] = await storage.insert(confItem, [{ name: 'a' }, { name: 'b' }]);
      await storage.update(confItem, b?.id as string, { name: 'b2' });
      await expectFailure(
        storage.delete(confItem, b?.id as string, { expectedVersion: 1 }),
        'CONFLICT',
      );
      expect(await storage.get(confItem, b?.id as string)).not.toBeNull();
      await storage.delete(confItem, a?.id as string);
      await storage.delete(confItem, b?.id as string, { expectedVersion: 2 });
      expect(await storage.get(confItem, a?.id as string)).toBeNull();
      expect(await storage.count(confItem)).toBe(0);
    });

    it('count counts all records or the matching ones', async () => {
      const { storage } = ctx.tenant();
      await storage.insert(confItem, [
        { name: 'a', quantity: 1 },
        { name: 'b', quantity: 2 },
        { name: 'c' },
      ]);
      expect(await storage.count(confItem)).toBe(3);
      expect(await storage.count(confItem, { quantity: { gte: 2 } })).toBe(1);
      expect(await storage.count(confItem, { quantity: null })).toBe(1);
    });

    it('records returned are copies: mutating them or the input changes nothing stored', async () => {
      const { storage } = ctx.tenant();
      const input = {
        name: 'copy',
        tags: ['a'],
        meta: { nested: { n: 1 } },
        happenedAt: new Date('2026-01-01T00:00:00Z'),
      };
      const [item] = await storage.insert(confItem, [input]);
      input.tags.push('input');
      input.meta.nested.n = 2;
      input.happenedAt.setTime(0);
      item?.tags.push('returned');
      const meta = item?.meta as { nested: { n: number } } | undefined;
      if (meta) meta.nested.n = 3;
      item?.happenedAt?.setTime(1);
      const read = await storage.get(confItem, item?.id as string);
      expect(read?.tags).toEqual(['a']);
      expect(read?.meta).toEqual({ nested: { n: 1 } });
      expect(read?.happenedAt).toEqual(new Date('2026-01-01T00:00:00Z'));
      read?.tags.push('read');
      const page = await storage.find(confItem);
      expect(page.rows[0]?.tags).toEqual(['a']);
    });
  });
}

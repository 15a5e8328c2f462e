import { isSellkitError } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { all } from '../filters.js';
import { edgeValues, flatRow, randomTenant, everythingLayout as table } from '../models.js';
import type { SuiteContext } from './context.js';

/** Insert, get, getMany, update, delete and tenant isolation on flat rows. */
export function crudSuite(context: SuiteContext): void {
  describe('rows', () => {
    it('round-trips every column type exactly, nulls included', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const full = flatRow(edgeValues());
      const empty = flatRow();
      await driver.insert(tenant, table, [full, empty]);
      expect(await driver.get(tenant, table, full.id as string)).toEqual(full);
      expect(await driver.get(tenant, table, empty.id as string)).toEqual(empty);
    });

    it('keeps decimals exact at the edges of their scale', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const values = ['0.0000', '0.0001', '-0.0001', '99999999999999.9999', '-99999999999999.9999'];
      const rows = values.map((rate) => flatRow({ rate }));
      await driver.insert(tenant, table, rows);
      const found = await driver.getMany(
        tenant,
        table,
        rows.map((row) => row.id as string),
      );
      expect(found.map((row) => row.rate).sort()).toEqual([...values].sort());
    });

    it('returns null for a missing id and leaves missing ids out of getMany', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const row = flatRow();
      await driver.insert(tenant, table, [row]);
      expect(await driver.get(tenant, table, 'ev_missing')).toBeNull();
      const found = await driver.getMany(tenant, table, [
        row.id as string,
        'ev_missing',
        row.id as string,
      ]);
      expect(found.map((item) => item.id)).toEqual([row.id]);
      expect(await driver.getMany(tenant, table, [])).toEqual([]);
    });

    it('reads and writes batches larger than one statement', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const rows = Array.from({ length: 2_500 }, (_, index) => flatRow({ employees: index }));
      await driver.insert(tenant, table, rows);
      expect(await driver.count(tenant, table, all)).toBe(2_500);
      const ids = rows.map((row) => row.id as string);
      const found = await driver.getMany(tenant, table, ids);
      expect(found).toHaveLength(2_500);
      expect(new Set(found.map((row) => row.id))).toEqual(new Set(ids));
    });

    it('updates only at the expected version and returns the new row', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const row = flatRow({ employees: 5 });
      await driver.insert(tenant, table, [row]);
      const later = new Date('2026-04-01T00:00:00.001Z');
      const updated = await driver.update(tenant, table, row.id as string, 1, {
        version: 2,
        updated_at: later,
        employees: 6,
        tags: ['x'],
        rate: null,
      });
      expect(updated).toEqual({ ...row, version: 2, updated_at: later, employees: 6, tags: ['x'] });
      expect(
        await driver.update(tenant, table, row.id as string, 1, { version: 2, employees: 7 }),
      ).toBeNull();
      expect(await driver.update(tenant, table, 'ev_missing', 1, { version: 2 })).toBeNull();
      expect((await driver.get(tenant, table, row.id as string))?.employees).toBe(6);
    });

    it('deletes only at the expected version', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const row = flatRow();
      await driver.insert(tenant, table, [row]);
      expect(await driver.delete(tenant, table, row.id as string, 2)).toBe(false);
      expect(await driver.delete(tenant, table, row.id as string, 1)).toBe(true);
      expect(await driver.delete(tenant, table, row.id as string, 1)).toBe(false);
      expect(await driver.get(tenant, table, row.id as string)).toBeNull();
    });

    it('never lets one tenant read, count, change or delete another tenant’s rows', async () => {
      const driver = context.driver();
      const owner = randomTenant();
      const other = randomTenant();
      const row = flatRow({ employees: 1, rate: '1.0000' });
      await driver.insert(owner, table, [row]);
      const id = row.id as string;
      expect(await driver.get(other, table, id)).toBeNull();
      expect(await driver.getMany(other, table, [id])).toEqual([]);
      expect(
        await driver.find(other, table, {
          where: all,
          orderBy: [{ column: 'id', direction: 'asc' }],
          limit: 10,
        }),
      ).toEqual([]);
      expect(await driver.count(other, table, all)).toBe(0);
      expect(await driver.update(other, table, id, 1, { version: 2, name: 'stolen' })).toBeNull();
      expect(await driver.delete(other, table, id, 1)).toBe(false);
      const sums = await driver.aggregate(other, table, {
        where: all,
        groupBy: [],
        measures: [{ alias: 'total', fn: 'sum', column: 'rate', columnType: 'decimal' }],
        orderBy: [],
      });
      expect(sums).toEqual([{ total: null }]);
      // The same id may exist in another tenant: the key is (tenant, id).
      await driver.insert(other, table, [{ ...row, name: 'twin' }]);
      expect((await driver.get(owner, table, id))?.name).toBe('Acme');
      expect((await driver.get(other, table, id))?.name).toBe('twin');
    });

    it('reports a unique violation as CONFLICT and writes nothing of the batch', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      await driver.insert(tenant, table, [flatRow({ email: 'taken@example.com' })]);
      const batch = Array.from({ length: 1_500 }, (_, index) =>
        flatRow({ email: `u${index}@example.com` }),
      );
      batch.push(flatRow({ email: 'taken@example.com' }));
      const error = await driver.insert(tenant, table, batch).catch((caught: unknown) => caught);
      expect(isSellkitError(error, 'CONFLICT')).toBe(true);
      expect(await driver.count(tenant, table, all)).toBe(1);
      const single = await driver
        .insert(tenant, table, [flatRow({ email: 'taken@example.com' })])
        .catch((caught: unknown) => caught);
      expect(isSellkitError(single, 'CONFLICT')).toBe(true);
      // Unique per tenant: another tenant may use the value, and nulls never collide.
      const other = randomTenant();
      await driver.insert(other, table, [
        flatRow({ email: 'taken@example.com' }),
        flatRow(),
        flatRow(),
      ]);
      expect(await driver.count(other, table, all)).toBe(3);
      const duplicateId = await driver
        .insert(tenant, table, [flatRow({ id: batch[0]?.id }), flatRow({ id: batch[0]?.id })])
        .catch((caught: unknown) => caught);
      expect(isSellkitError(duplicateId, 'CONFLICT')).toBe(true);
    });

    it('reports an update that takes a unique value as CONFLICT', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const first = flatRow({ email: 'one@example.com' });
      const second = flatRow({ email: 'two@example.com' });
      await driver.insert(tenant, table, [first, second]);
      const error = await driver
        .update(tenant, table, second.id as string, 1, { version: 2, email: 'one@example.com' })
        .catch((caught: unknown) => caught);
      expect(isSellkitError(error, 'CONFLICT')).toBe(true);
      expect((await driver.get(tenant, table, second.id as string))?.email).toBe('two@example.com');
    });

    it('maps database failures to STORAGE_FAILURE with the cause', async () => {
      const driver = context.driver();
      const missing = { ...table, table: 'sk_not_set_up' };
      const error = await driver
        .get(randomTenant(), missing, 'x')
        .catch((caught: unknown) => caught);
      expect(isSellkitError(error, 'STORAGE_FAILURE')).toBe(true);
      expect((error as Error).cause).toBeInstanceOf(Error);
    });
  });
}

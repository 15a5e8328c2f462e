import { describe, expect, it } from 'vitest';
import { all } from '../filters.js';
import { edgeValues, flatRow, randomTenant, everythingLayout as table } from '../models.js';
import type { SuiteContext } from './context.js';

const later = new Date('2026-04-01T00:00:00.001Z');

/** The driver's `updateMany` and projected `find`. */
export function bulkSuite(context: SuiteContext): void {
  describe('bulk', () => {
    it('updateMany writes every column type at the expected version and reports each row', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const [a, b, c] = [flatRow(), flatRow(), flatRow()];
      await driver.insert(tenant, table, [a, b, c]);
      const full = { version: 2, updated_at: later, ...edgeValues() };
      const written = await driver.updateMany?.(tenant, table, [
        { id: a.id as string, expectedVersion: 1, changes: full },
        { id: b.id as string, expectedVersion: 7, changes: { version: 8, name: 'stale' } },
        { id: 'ev_missing', expectedVersion: 1, changes: { version: 2, name: 'ghost' } },
        { id: c.id as string, expectedVersion: 1, changes: { version: 2, meta: 'text', tags: [] } },
      ]);
      expect(written).toEqual([true, false, false, true]);
      expect(await driver.get(tenant, table, a.id as string)).toEqual({ ...a, ...full });
      expect(await driver.get(tenant, table, b.id as string)).toEqual(b);
      expect(await driver.get(tenant, table, c.id as string)).toEqual({
        ...c,
        version: 2,
        meta: 'text',
        tags: [],
      });
    });

    it('updateMany sets nulls and handles 1,200 rows in one call', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const rows = Array.from({ length: 1_200 }, (_, index) =>
        flatRow({ employees: index, rate: '1.0000' }),
      );
      await driver.insert(tenant, table, rows);
      const written = await driver.updateMany?.(
        tenant,
        table,
        rows.map((row, index) => ({
          id: row.id as string,
          expectedVersion: 1,
          changes: { version: 2, employees: index + 1, rate: null },
        })),
      );
      expect(written?.every(Boolean)).toBe(true);
      const [sums] = await driver.aggregate(tenant, table, {
        where: all,
        groupBy: [],
        measures: [
          { alias: 'employees', fn: 'sum', column: 'employees', columnType: 'integer' },
          { alias: 'rates', fn: 'count', column: 'rate', columnType: 'decimal' },
        ],
        orderBy: [],
      });
      expect(String(sums?.employees)).toBe(String((1_200 * 1_201) / 2));
      expect(Number(sums?.rates)).toBe(0);
    });

    it('find with columns returns at least those columns, decoded', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const row = flatRow({ revenue: '12.5000', revenue_currency: 'USD', tags: ['a'] });
      await driver.insert(tenant, table, [row]);
      const [found] = await driver.find(tenant, table, {
        where: all,
        orderBy: [{ column: 'id', direction: 'asc' }],
        limit: 10,
        columns: ['id', 'version', 'revenue', 'revenue_currency', 'tags'],
      });
      expect(found).toMatchObject({
        id: row.id,
        version: 1,
        revenue: '12.5000',
        revenue_currency: 'USD',
        tags: ['a'],
      });
    });
  });
}

import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import type { SortKey, Where } from '../../storage/query.js';
import type { TenantStorage } from '../../storage/storage.js';
import { expectFailure, type SuiteContext } from './context.js';
import { type Item, insertFixture, itemKind } from './fixture.js';
import { confItem } from './models.js';
import { sortRecords } from './oracle.js';

const SORTS: readonly (readonly SortKey<Item>[])[] = [
  [{ field: 'quantity' }],
  [{ field: 'quantity', direction: 'desc' }],
  [{ field: 'price' }],
  [{ field: 'price', direction: 'desc' }],
  [{ field: 'rate', direction: 'desc' }],
  [{ field: 'amount' }],
  [{ field: 'name' }],
  [{ field: 'note', direction: 'desc' }],
  [{ field: 'code' }],
  [{ field: 'dueOn' }],
  [{ field: 'happenedAt', direction: 'desc' }],
  [{ field: 'active' }],
  [{ field: 'status' }, { field: 'price', direction: 'desc' }],
  [
    { field: 'dueOn', direction: 'desc' },
    { field: 'quantity' },
    { field: 'name', direction: 'desc' },
  ],
  [{ field: 'parentId' }, { field: 'happenedAt' }],
];

function describeSort(keys: readonly SortKey<Item>[]): string {
  return keys.map((key) => `${key.field} ${key.direction ?? 'asc'}`).join(', ');
}

/** Pages through everything with `limit`, returning every row and the number of pages. */
async function pageThrough(
  storage: TenantStorage,
  query: { where?: Where<Item>; orderBy?: readonly SortKey<Item>[]; limit: number },
  between?: (page: number) => Promise<void>,
) {
  const rows: Item[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await storage.find(confItem, { ...query, ...(after ? { after } : {}) });
    rows.push(...page.rows);
    pages += 1;
    after = page.nextCursor ?? undefined;
    if (between && after) await between(pages);
    if (pages > 10_000) throw new Error('paging does not end');
  } while (after);
  return { rows, pages };
}

async function numbered(storage: TenantStorage, count: number): Promise<Item[]> {
  const rows = Array.from({ length: count }, (_, index) => ({
    name: `n${String(index).padStart(4, '0')}`,
    // Few distinct values and some nulls, so ties and null runs cross page boundaries.
    quantity: index % 7 === 0 ? null : index % 5,
    price: index % 11 === 0 ? null : `${index % 13}.${String(index % 100).padStart(2, '0')}`,
  }));
  return storage.insert(confItem, rows);
}

/** Stable multi-key sorts with nulls, and cursor paging. */
export function sortPageCases(ctx: SuiteContext): void {
  describe('sorting', () => {
    for (const keys of SORTS) {
      it(`orders by ${describeSort(keys)} (nulls first ascending, last descending, ties by id)`, async () => {
        const { storage } = ctx.tenant();
        const { items } = await insertFixture(storage);
        const page = await storage.find(confItem, { orderBy: keys, limit: 100 });
        expect(page.rows.map((item) => item.name)).toEqual(
          sortRecords(items, keys, itemKind).map((item) => item.name),
        );
      });
    }

    it('refuses unknown and unsortable fields', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(
        storage.find(confItem, { orderBy: [{ field: 'bogus' as 'name' }] }),
        'VALIDATION_FAILED',
        { path: 'orderBy.0.field' },
      );
      await expectFailure(
        storage.find(confItem, { orderBy: [{ field: 'tags' }] }),
        'VALIDATION_FAILED',
        { path: 'orderBy.0.field' },
      );
      await expectFailure(
        storage.find(confItem, { orderBy: [{ field: 'meta' }] }),
        'VALIDATION_FAILED',
      );
      await expectFailure(
        storage.find(confItem, { orderBy: [{ field: 'name', direction: 'up' as 'asc' }] }),
        'VALIDATION_FAILED',
      );
    });
  });

  describe('paging', () => {
    it('limit defaults to 100 and must be between 1 and 10,000', async () => {
      const { storage } = ctx.tenant();
      await numbered(storage, 150);
      const first = await storage.find(confItem);
      expect(first.rows).toHaveLength(100);
      expect(first.nextCursor).not.toBeNull();
      const second = await storage.find(confItem, { after: first.nextCursor as string });
      expect(second.rows).toHaveLength(50);
      expect(second.nextCursor).toBeNull();
      for (const limit of [0, -1, 10_001, 2.5]) {
        await expectFailure(storage.find(confItem, { limit }), 'VALIDATION_FAILED', {
          path: 'limit',
        });
      }
    });

    it('the last page has no cursor, even when it is exactly full', async () => {
      const { storage } = ctx.tenant();
      await numbered(storage, 20);
      const first = await storage.find(confItem, { limit: 10 });
      const second = await storage.find(confItem, { limit: 10, after: first.nextCursor as string });
      expect(second.rows).toHaveLength(10);
      expect(second.nextCursor).toBeNull();
    });

    it('cursor paging visits every row exactly once, in order, across ties and nulls', async () => {
      const { storage } = ctx.tenant();
      const items = await numbered(storage, 250);
      for (const orderBy of [
        [{ field: 'price', direction: 'desc' }],
        [{ field: 'quantity' }, { field: 'price', direction: 'desc' }],
        [],
      ] as const) {
        const { rows } = await pageThrough(storage, { orderBy, limit: 7 });
        expect(rows.map((item) => item.name)).toEqual(
          sortRecords(items, orderBy, itemKind).map((item) => item.name),
        );
      }
    });

    it('paging with a filter keeps the filter on every page', async () => {
      const { storage } = ctx.tenant();
      const items = await numbered(storage, 120);
      const where: Where<Item> = { or: [{ quantity: { gte: 3 } }, { price: null }] };
      const { rows } = await pageThrough(storage, {
        where,
        orderBy: [{ field: 'quantity', direction: 'desc' }],
        limit: 9,
      });
      const expected = items.filter(
        (item) => (item.quantity !== null && item.quantity >= 3) || item.price === null,
      );
      expect(rows.map((item) => item.name).sort()).toEqual(
        expected.map((item) => item.name).sort(),
      );
    });

    it('rows inserted between pages never cause a duplicate or a missing original row', async () => {
      const { storage } = ctx.tenant();
      const items = await numbered(storage, 100);
      let added = 0;
      const { rows } = await pageThrough(
        storage,
        { orderBy: [{ field: 'quantity' }], limit: 8 },
        async (page) => {
          added += 3;
          await storage.insert(confItem, [
            { name: `new${page}a`, quantity: 0 },
            { name: `new${page}b`, quantity: 4 },
            { name: `new${page}c`, quantity: null },
          ]);
        },
      );
      const ids = rows.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const item of items) expect(ids).toContain(item.id);
      expect(added).toBeGreaterThan(0);
    });

    it('a cursor made for another sort is refused, and so is a damaged one', async () => {
      const { storage } = ctx.tenant();
      await numbered(storage, 30);
      const page = await storage.find(confItem, { orderBy: [{ field: 'price' }], limit: 10 });
      const cursor = page.nextCursor as string;
      await expectFailure(
        storage.find(confItem, { orderBy: [{ field: 'price', direction: 'desc' }], after: cursor }),
        'VALIDATION_FAILED',
        { path: 'after' },
      );
      await expectFailure(
        storage.find(confItem, { orderBy: [{ field: 'quantity' }], after: cursor }),
        'VALIDATION_FAILED',
        { path: 'after' },
      );
      await expectFailure(
        storage.find(confItem, { orderBy: [{ field: 'price' }], after: 'not-a-cursor' }),
        'VALIDATION_FAILED',
        { path: 'after' },
      );
      await expectFailure(
        storage.find(confItem, {
          orderBy: [{ field: 'price' }],
          after: `${cursor.slice(0, -4)}AAAA`,
        }),
        'VALIDATION_FAILED',
        { path: 'after' },
      );
      const next = await storage.find(confItem, {
        orderBy: [{ field: 'price' }],
        limit: 10,
        after: cursor,
      });
      expect(next.rows).toHaveLength(10);
    });

    it('money sorts by amount and pages by it', async () => {
      const { storage } = ctx.tenant();
      const amounts = [
        '5.00',
        '-1.00',
        '5.00',
        '100.00',
        '0.01',
        '20.00',
        '3.50',
        '3.50',
        '7.77',
        '0.00',
      ];
      const items = await storage.insert(confItem, [
        ...amounts.map((amount, index) => ({ name: `m${index}`, amount: Money.of(amount, 'EUR') })),
        { name: 'none' },
      ]);
      const { rows } = await pageThrough(storage, {
        orderBy: [{ field: 'amount', direction: 'desc' }],
        limit: 3,
      });
      expect(rows.map((item) => item.name)).toEqual(
        sortRecords(items, [{ field: 'amount', direction: 'desc' }], itemKind).map(
          (item) => item.name,
        ),
      );
      expect(rows.at(-1)?.name).toBe('none');
    });
  });
}

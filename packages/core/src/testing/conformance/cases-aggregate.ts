import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import type { AggregateQuery, TimeBucket } from '../../storage/query.js';
import type { TenantStorage } from '../../storage/storage.js';
import { expectFailure, type SuiteContext } from './context.js';
import type { Item } from './fixture.js';
import { confItem } from './models.js';

// Wide enough that the reference average is never rounded twice.
const Exact = Decimal.clone({ precision: 80 });

/** Deterministic pseudo-random amounts with cents (no Math.random: failures must replay). */
function amounts(count: number, seed: number): string[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const cents = (state % 20_000_000) - 5_000_000;
    return new Decimal(cents).dividedBy(100).toFixed(2);
  });
}

async function exactSum(storage: TenantStorage, count: number): Promise<void> {
  const values = amounts(count, count);
  for (let start = 0; start < values.length; start += 10_000) {
    await storage.insert(
      confItem,
      values.slice(start, start + 10_000).map((price, index) => ({
        name: `s${start + index}`,
        price,
        amount: Money.of(price, 'EUR'),
      })),
    );
  }
  const expected = values.reduce((sum, value) => sum.plus(value), new Exact(0));
  const [row] = await storage.aggregate(confItem, {
    measures: {
      total: { fn: 'sum', field: 'price' },
      money: { fn: 'sum', field: 'amount' },
      mean: { fn: 'avg', field: 'price' },
      n: { fn: 'count' },
    },
  });
  expect(row?.total).toBe(expected.toFixed(2));
  expect(asMoney(row?.money).toString()).toBe(expected.toFixed(2));
  expect(row?.n).toBe(count);
  expect(row?.mean).toBe(
    expected.dividedBy(count).toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toFixed(6),
  );
}

const at = (iso: string) => new Date(iso);

function asMoney(value: unknown): Money {
  expect(value).toBeInstanceOf(Money);
  return value as Money;
}

// The same instants are stored as a timestamp (happenedAt) and as a date (dueOn): both bucket alike.
const BUCKET_COUNTS: readonly [TimeBucket, Record<string, number>][] = [
  [
    'day',
    {
      '2020-12-31': 1,
      '2021-01-01': 1,
      '2021-01-03': 1,
      '2021-01-04': 2,
      '2026-03-31': 1,
      '2026-04-01': 1,
    },
  ],
  ['week', { '2020-12-28': 3, '2021-01-04': 2, '2026-03-30': 2 }],
  ['month', { '2020-12': 1, '2021-01': 4, '2026-03': 1, '2026-04': 1 }],
  ['quarter', { '2020-Q4': 1, '2021-Q1': 4, '2026-Q1': 1, '2026-Q2': 1 }],
  ['year', { '2020': 1, '2021': 4, '2026': 2 }],
];
const BUCKETS: readonly (readonly [TimeBucket, 'happenedAt' | 'dueOn', Record<string, number>])[] =
  (['happenedAt', 'dueOn'] as const).flatMap((field) =>
    BUCKET_COUNTS.map(([bucket, counts]) => [bucket, field, counts] as const),
  );

async function insertTimes(storage: TenantStorage): Promise<void> {
  // Thursday 31 Dec 2020 to Monday 4 Jan 2021 crosses both a year and an ISO week boundary.
  const instants = [
    '2020-12-31T23:59:59.999Z',
    '2021-01-01T00:00:00.000Z',
    '2021-01-03T12:00:00.000Z',
    '2021-01-04T00:00:00.000Z',
    '2021-01-04T23:59:59.999Z',
    '2026-03-31T23:59:59.999Z',
    '2026-04-01T00:00:00.000Z',
  ];
  await storage.insert(confItem, [
    ...instants.map((instant, index) => ({
      name: `t${index}`,
      happenedAt: at(instant),
      dueOn: instant.slice(0, 10),
    })),
    { name: 'no time' },
  ]);
}

async function groups(storage: TenantStorage) {
  await storage.insert(confItem, [
    { name: 'a', status: 'won', quantity: 1, price: '0.01', amount: Money.of('10.00', 'EUR') },
    { name: 'b', status: 'won', quantity: 2, price: '0.02', amount: Money.of('20.50', 'EUR') },
    { name: 'c', status: 'won', quantity: null, price: '0.02', amount: null },
    { name: 'd', status: 'lost', quantity: 10, price: '-5.00', amount: Money.of('7', 'USD') },
    { name: 'e', status: 'open', quantity: 3, price: null, amount: Money.of('1.10', 'USD') },
    { name: 'f', status: 'open', quantity: 4, price: '100.10', amount: Money.of('2.20', 'EUR') },
  ]);
}

/** Grouped sums, counts, averages, minima and maxima, money and time buckets. */
export function aggregateCases(ctx: SuiteContext): void {
  describe('aggregates', () => {
    it('without groupBy returns one row, even for no rows (count 0, sums null)', async () => {
      const { storage } = ctx.tenant();
      const rows = await storage.aggregate(confItem, {
        measures: {
          n: { fn: 'count' },
          total: { fn: 'sum', field: 'price' },
          mean: { fn: 'avg', field: 'quantity' },
          top: { fn: 'max', field: 'dueOn' },
        },
      });
      expect(rows).toEqual([{ n: 0, total: null, mean: null, top: null }]);
    });

    it('groups by a field with count, count of a field, sum, avg, min and max', async () => {
      const { storage } = ctx.tenant();
      await groups(storage);
      const rows = await storage.aggregate(confItem, {
        groupBy: ['status'],
        measures: {
          n: { fn: 'count' },
          priced: { fn: 'count', field: 'price' },
          total: { fn: 'sum', field: 'price' },
          mean: { fn: 'avg', field: 'price' },
          units: { fn: 'sum', field: 'quantity' },
          low: { fn: 'min', field: 'quantity' },
          high: { fn: 'max', field: 'price' },
          first: { fn: 'min', field: 'name' },
        },
      });
      expect(rows).toEqual([
        {
          status: 'lost',
          n: 1,
          priced: 1,
          total: '-5.00',
          mean: '-5.000000',
          units: 10,
          low: 10,
          high: '-5.00',
          first: 'd',
        },
        {
          status: 'open',
          n: 2,
          priced: 1,
          total: '100.10',
          mean: '100.100000',
          units: 7,
          low: 3,
          high: '100.10',
          first: 'e',
        },
        {
          status: 'won',
          n: 3,
          priced: 3,
          total: '0.05',
          mean: '0.016667',
          units: 3,
          low: 1,
          high: '0.02',
          first: 'a',
        },
      ]);
    });

    it('averages are exact and rounded half-even to the scale plus 4 digits', async () => {
      const { storage } = ctx.tenant();
      // 1/32 = 0.03125: half-even keeps 0.0312 where half-up would give 0.0313.
      await storage.insert(confItem, [
        { name: 'one', quantity: 1 },
        ...Array.from({ length: 31 }, (_, index) => ({ name: `z${index}`, quantity: 0 })),
      ]);
      const [row] = await storage.aggregate(confItem, {
        measures: { mean: { fn: 'avg', field: 'quantity' } },
      });
      expect(row?.mean).toBe('0.0312');
      const [decimal] = await storage.aggregate(confItem, {
        where: { name: 'one' },
        measures: { mean: { fn: 'avg', field: 'quantity' } },
      });
      expect(decimal?.mean).toBe('1.0000');
    });

    it('groups by money currency: sums are Money per currency; min, max and avg too', async () => {
      const { storage } = ctx.tenant();
      await groups(storage);
      const rows = await storage.aggregate(confItem, {
        where: { amount: { isNull: false } },
        groupBy: ['amount.currency'],
        measures: {
          total: { fn: 'sum', field: 'amount' },
          low: { fn: 'min', field: 'amount' },
          high: { fn: 'max', field: 'amount' },
          mean: { fn: 'avg', field: 'amount' },
        },
      });
      expect(rows.map((row) => row['amount.currency'])).toEqual(['EUR', 'USD']);
      const [eur, usd] = rows;
      expect(asMoney(eur?.total).equals(Money.of('32.70', 'EUR'))).toBe(true);
      expect(asMoney(eur?.low).equals(Money.of('2.20', 'EUR'))).toBe(true);
      expect(asMoney(eur?.high).equals(Money.of('20.50', 'EUR'))).toBe(true);
      expect(eur?.mean).toBe('10.900000');
      expect(asMoney(usd?.total).equals(Money.of('8.10', 'USD'))).toBe(true);
    });

    it('a money sum over mixed currencies is CURRENCY_MISMATCH', async () => {
      const { storage } = ctx.tenant();
      await groups(storage);
      await expectFailure(
        storage.aggregate(confItem, { measures: { total: { fn: 'sum', field: 'amount' } } }),
        'CURRENCY_MISMATCH',
      );
      await expectFailure(
        storage.aggregate(confItem, {
          groupBy: ['status'],
          measures: { top: { fn: 'max', field: 'amount' } },
        }),
        'CURRENCY_MISMATCH',
      );
      const [won] = await storage.aggregate(confItem, {
        where: { status: 'won' },
        measures: { total: { fn: 'sum', field: 'amount' } },
      });
      expect(asMoney(won?.total).equals(Money.of('30.50', 'EUR'))).toBe(true);
    });

    it('sums 5,000 decimal and money amounts exactly, to the last cent', () =>
      exactSum(ctx.tenant().storage, 5_000));

    it.runIf(ctx.options.heavy === true)(
      'sums 100,000 amounts exactly (heavy)',
      () => exactSum(ctx.tenant().storage, 100_000),
      300_000,
    );

    it('integer sums are numbers; beyond the safe range they fail with STORAGE_FAILURE', async () => {
      const { storage } = ctx.tenant();
      await storage.insert(confItem, [
        { name: 'a', big: 2 ** 52 },
        { name: 'b', big: 2 ** 52 - 1 },
      ]);
      const [row] = await storage.aggregate(confItem, {
        measures: { total: { fn: 'sum', field: 'big' } },
      });
      expect(row?.total).toBe(2 ** 53 - 1);
      await storage.insert(confItem, [{ name: 'c', big: 1 }]);
      await expectFailure(
        storage.aggregate(confItem, { measures: { total: { fn: 'sum', field: 'big' } } }),
        'STORAGE_FAILURE',
      );
    });

    for (const [bucket, fieldName, expected] of BUCKETS) {
      it(`buckets ${fieldName} by ${bucket} in UTC (ISO weeks start on Monday)`, async () => {
        const { storage } = ctx.tenant();
        await insertTimes(storage);
        const rows = await storage.aggregate(confItem, {
          where: { [fieldName]: { isNull: false } },
          groupBy: [{ field: fieldName, bucket, as: 'period' }],
          measures: { n: { fn: 'count' } },
        } as AggregateQuery<Item>);
        expect(Object.fromEntries(rows.map((row) => [row.period, row.n]))).toEqual(expected);
        expect(rows.map((row) => row.period)).toEqual(Object.keys(expected).sort());
      });
    }

    it('groups with null keys; null groups sort first ascending and last descending', async () => {
      const { storage } = ctx.tenant();
      await groups(storage);
      const ascending = await storage.aggregate(confItem, {
        groupBy: ['quantity'],
        measures: { n: { fn: 'count' } },
      });
      expect(ascending.map((row) => row.quantity)).toEqual([null, 1, 2, 3, 4, 10]);
      const descending = await storage.aggregate(confItem, {
        groupBy: ['price'],
        measures: { n: { fn: 'count' } },
        orderBy: [{ key: 'price', direction: 'desc' }],
      });
      expect(descending.map((row) => row.price)).toEqual(['100.10', '0.02', '0.01', '-5.00', null]);
      expect(descending[1]?.n).toBe(2);
    });

    it('orders by measures (including averages) and cuts with limit', async () => {
      const { storage } = ctx.tenant();
      await groups(storage);
      const top = await storage.aggregate(confItem, {
        groupBy: ['status'],
        measures: { n: { fn: 'count' } },
        orderBy: [{ key: 'n', direction: 'desc' }],
        limit: 2,
      });
      expect(top.map((row) => row.status)).toEqual(['won', 'open']);
      const byMean = await storage.aggregate(confItem, {
        groupBy: ['status'],
        measures: { mean: { fn: 'avg', field: 'quantity' } },
        orderBy: [{ key: 'mean', direction: 'desc' }],
        limit: 2,
      });
      expect(byMean.map((row) => [row.status, row.mean])).toEqual([
        ['lost', '10.0000'],
        ['open', '3.5000'],
      ]);
      const byTotal = await storage.aggregate(confItem, {
        groupBy: ['status'],
        measures: { total: { fn: 'sum', field: 'price' } },
        orderBy: [{ key: 'total' }],
      });
      expect(byTotal.map((row) => row.status)).toEqual(['lost', 'won', 'open']);
    });

    it('groups by several keys, and filters before grouping', async () => {
      const { storage } = ctx.tenant();
      await groups(storage);
      const rows = await storage.aggregate(confItem, {
        where: { quantity: { gte: 2 } },
        groupBy: ['status', 'amount.currency'],
        measures: { n: { fn: 'count' } },
      });
      expect(rows).toEqual([
        { status: 'lost', 'amount.currency': 'USD', n: 1 },
        { status: 'open', 'amount.currency': 'EUR', n: 1 },
        { status: 'open', 'amount.currency': 'USD', n: 1 },
        { status: 'won', 'amount.currency': 'EUR', n: 1 },
      ]);
    });

    it('refuses invalid aggregates with VALIDATION_FAILED', async () => {
      const { storage } = ctx.tenant();
      const bad: [unknown, string][] = [
        [{ measures: { x: { fn: 'sum', field: 'name' } } }, 'measures.x.field'],
        [{ measures: { x: { fn: 'avg', field: 'dueOn' } } }, 'measures.x.field'],
        [{ measures: { x: { fn: 'max', field: 'tags' } } }, 'measures.x.field'],
        [{ measures: { x: { fn: 'median', field: 'price' } } }, 'measures.x.fn'],
        [{ measures: { x: { fn: 'sum' } } }, 'measures.x.field'],
        [{ measures: { x: { fn: 'sum', field: 'bogus' } } }, 'measures.x.field'],
        [{ groupBy: ['meta'], measures: {} }, 'groupBy.0'],
        [{ groupBy: ['amount'], measures: {} }, 'groupBy.0'],
        [{ groupBy: ['price.currency'], measures: {} }, 'groupBy.0'],
        [{ groupBy: [{ field: 'quantity', bucket: 'month' }], measures: {} }, 'groupBy.0.field'],
        [{ groupBy: [{ field: 'dueOn', bucket: 'fortnight' }], measures: {} }, 'groupBy.0.bucket'],
        [
          { groupBy: ['status'], measures: { n: { fn: 'count' } }, orderBy: [{ key: 'nope' }] },
          'orderBy.0.key',
        ],
        [{ groupBy: ['status'], measures: { status: { fn: 'count' } } }, 'measures.status'],
        [{ measures: { n: { fn: 'count' } }, limit: 0 }, 'limit'],
        [{ measures: { n: { fn: 'count' } }, where: { bogus: 1 } }, 'where.bogus'],
      ];
      for (const [query, path] of bad) {
        await expectFailure(
          storage.aggregate(confItem, query as AggregateQuery<Item>),
          'VALIDATION_FAILED',
          { path },
        );
      }
    });
  });
}

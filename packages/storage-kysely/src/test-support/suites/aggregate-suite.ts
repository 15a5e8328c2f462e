import { isSellkitError } from '@sellkit/core';
import type { DriverAggregate, TimeBucket } from '@sellkit/core/driver';
import { describe, expect, it } from 'vitest';
import { all, leaf } from '../filters.js';
import { flatRow, randomTenant, everythingLayout as table } from '../models.js';
import type { SuiteContext } from './context.js';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The label a bucket must have, computed independently in UTC. */
function expectedLabel(date: Date, bucket: TimeBucket): string {
  const year = pad(date.getUTCFullYear(), 4);
  const month = date.getUTCMonth() + 1;
  switch (bucket) {
    case 'day':
      return `${year}-${pad(month)}-${pad(date.getUTCDate())}`;
    case 'week': {
      const monday = new Date(
        Date.UTC(
          date.getUTCFullYear(),
          date.getUTCMonth(),
          date.getUTCDate() - ((date.getUTCDay() + 6) % 7),
        ),
      );
      return expectedLabel(monday, 'day');
    }
    case 'month':
      return `${year}-${pad(month)}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'year':
      return year;
  }
}

const instants = [
  '2025-12-29T00:00:00.000Z',
  '2026-01-04T23:59:59.999Z',
  '2026-01-05T00:00:00.000Z',
  '2025-12-31T23:59:59.999Z',
  '2026-03-31T23:00:00.000Z',
  '2026-04-01T00:00:00.000Z',
  '2021-01-03T12:00:00.000Z',
  '2020-12-31T00:00:00.001Z',
  '1969-12-31T23:59:59.500Z',
  '2024-02-29T08:00:00.000Z',
].map((text) => new Date(text));

function counted(labels: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const label of labels) out[label] = (out[label] ?? 0) + 1;
  return out;
}

const sumOf = (alias: string, column: string, columnType: 'decimal' | 'integer') =>
  ({ alias, fn: 'sum', column, columnType }) as const;

/** Grouping, UTC buckets, exact sums and min/max, pushed down to SQL. */
export function aggregateSuite(context: SuiteContext): void {
  describe('aggregation', () => {
    it.each(['day', 'week', 'month', 'quarter', 'year'] as const)(
      'buckets timestamps and dates by %s in UTC',
      async (bucket) => {
        const driver = context.driver();
        const tenant = randomTenant();
        await driver.insert(
          tenant,
          table,
          instants.map((seen) =>
            flatRow({ seen_at: seen, founded_on: expectedLabel(seen, 'day') }),
          ),
        );
        for (const [column, columnType] of [
          ['seen_at', 'timestamp'],
          ['founded_on', 'date'],
        ] as const) {
          const query: DriverAggregate = {
            where: all,
            groupBy: [{ alias: 'bucket', column, columnType, bucket }],
            measures: [{ alias: 'n', fn: 'count' }],
            orderBy: [{ alias: 'bucket', direction: 'asc' }],
          };
          const result = await driver.aggregate(tenant, table, query);
          const want = counted(instants.map((instant) => expectedLabel(instant, bucket)));
          expect(Object.fromEntries(result.map((row) => [row.bucket, row.n]))).toEqual(want);
          expect(result.map((row) => row.bucket)).toEqual(Object.keys(want).sort());
        }
      },
    );

    it('sums thousands of decimals exactly (narrow and wide columns)', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      let state = 12_345;
      const random = () => {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        return state;
      };
      const rates: string[] = [];
      let expected = 0n;
      // 10,000 rows: the wide column's slice sums pass 2^53, which must not cost a digit.
      for (let index = 0; index < 10_000; index++) {
        const units = BigInt(random()) * 1_000n + BigInt(random() % 1_000) - 1_000_000_000_000n;
        expected += units;
        const negative = units < 0n;
        const digits = (negative ? -units : units).toString().padStart(5, '0');
        rates.push(`${negative ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`);
      }
      await driver.insert(
        tenant,
        table,
        rates.map((rate, index) =>
          flatRow({ rate, revenue: rate, revenue_currency: 'EUR', employees: index }),
        ),
      );
      const [row] = await driver.aggregate(tenant, table, {
        where: all,
        groupBy: [],
        measures: [
          sumOf('rates', 'rate', 'decimal'),
          sumOf('money', 'revenue', 'decimal'),
          sumOf('people', 'employees', 'integer'),
          { alias: 'n', fn: 'count', column: 'rate', columnType: 'decimal' },
        ],
        orderBy: [],
      });
      const negative = expected < 0n;
      const digits = (negative ? -expected : expected).toString().padStart(5, '0');
      const total = `${negative ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
      expect(row?.rates).toBe(total);
      expect(row?.money).toBe(total);
      expect(row?.people).toBe(String((9_999 * 10_000) / 2));
      expect(row?.n).toBe(10_000);
    });

    it('computes min and max in each column type, and null sums over no rows', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      await driver.insert(tenant, table, [
        flatRow({
          name: 'b',
          rate: '-1.0000',
          employees: 5,
          founded_on: '2020-02-29',
          seen_at: new Date(5),
        }),
        flatRow({
          name: 'B',
          rate: '10.0000',
          employees: 50,
          founded_on: '2019-01-01',
          seen_at: new Date(50),
        }),
        flatRow({ name: 'é', rate: '9.9999', employees: null, founded_on: null, seen_at: null }),
      ]);
      const measures = (['name', 'rate', 'employees', 'founded_on', 'seen_at'] as const).flatMap(
        (column) => {
          const columnType = table.columns.find((item) => item.name === column)?.type ?? 'text';
          return [
            { alias: `min_${column}`, fn: 'min', column, columnType },
            { alias: `max_${column}`, fn: 'max', column, columnType },
          ] as const;
        },
      );
      const [row] = await driver.aggregate(tenant, table, {
        where: all,
        groupBy: [],
        measures,
        orderBy: [],
      });
      expect(row).toEqual({
        min_name: 'B',
        max_name: 'é',
        min_rate: '-1.0000',
        max_rate: '10.0000',
        min_employees: 5,
        max_employees: 50,
        min_founded_on: '2019-01-01',
        max_founded_on: '2020-02-29',
        min_seen_at: new Date(5),
        max_seen_at: new Date(50),
      });
      const [none] = await driver.aggregate(tenant, table, {
        where: leaf('name', 'eq', 'nobody'),
        groupBy: [],
        measures: [
          sumOf('total', 'rate', 'decimal'),
          { alias: 'n', fn: 'count' },
          { alias: 'low', fn: 'min', column: 'rate', columnType: 'decimal' },
        ],
        orderBy: [],
      });
      expect(none).toEqual({ total: null, n: 0, low: null });
    });

    it('groups by text, boolean and decimal with a null group, ordered and limited', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      await driver.insert(tenant, table, [
        flatRow({ status: 'won', active: true, rate: '2.5000' }),
        flatRow({ status: 'won', active: false, rate: '2.5000' }),
        flatRow({ status: 'lost', active: true, rate: '1.0000' }),
        flatRow({ status: null, active: null, rate: null }),
        flatRow({ status: 'won', active: true, rate: '0.5000' }),
      ]);
      const byStatus = await driver.aggregate(tenant, table, {
        where: all,
        groupBy: [{ alias: 'status', column: 'status', columnType: 'text' }],
        measures: [{ alias: 'n', fn: 'count' }, sumOf('total', 'rate', 'decimal')],
        orderBy: [{ alias: 'status', direction: 'asc' }],
      });
      expect(byStatus).toEqual([
        { status: null, n: 1, total: null },
        { status: 'lost', n: 1, total: '1.0000' },
        { status: 'won', n: 3, total: '5.5000' },
      ]);
      const top = await driver.aggregate(tenant, table, {
        where: leaf('status', 'isNotNull'),
        groupBy: [
          { alias: 'active', column: 'active', columnType: 'boolean' },
          { alias: 'rate', column: 'rate', columnType: 'decimal' },
        ],
        measures: [{ alias: 'n', fn: 'count' }],
        orderBy: [
          { alias: 'n', direction: 'desc' },
          { alias: 'rate', direction: 'desc' },
          { alias: 'active', direction: 'asc' },
        ],
        limit: 2,
      });
      expect(top).toEqual([
        { active: false, rate: '2.5000', n: 1 },
        { active: true, rate: '2.5000', n: 1 },
      ]);
    });

    it('sums beyond 64 bits exactly, and refuses values a column cannot hold', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const rates = Array.from({ length: 12 }, () => '99999999999999.9999');
      const money = ['99999999999999999999.9999', '99999999999999999999.9999', '-0.0001'];
      await driver.insert(tenant, table, [
        ...rates.map((rate) => flatRow({ rate })),
        ...money.map((revenue) => flatRow({ revenue, revenue_currency: 'EUR' })),
      ]);
      const [row] = await driver.aggregate(tenant, table, {
        where: all,
        groupBy: [],
        measures: [sumOf('rates', 'rate', 'decimal'), sumOf('money', 'revenue', 'decimal')],
        orderBy: [],
      });
      expect(row).toEqual({ rates: '1199999999999999.9988', money: '199999999999999999999.9997' });
      const tooBig = await driver
        .insert(tenant, table, [
          flatRow({ revenue: '100000000000000000000.0000', revenue_currency: 'EUR' }),
        ])
        .catch((caught: unknown) => caught);
      expect(isSellkitError(tooBig, 'STORAGE_FAILURE')).toBe(true);
      const minMax = await driver.aggregate(tenant, table, {
        where: leaf('revenue', 'isNotNull'),
        groupBy: [{ alias: 'currency', column: 'revenue_currency', columnType: 'text' }],
        measures: [
          { alias: 'low', fn: 'min', column: 'revenue', columnType: 'decimal' },
          { alias: 'high', fn: 'max', column: 'revenue', columnType: 'decimal' },
          sumOf('total', 'revenue', 'decimal'),
        ],
        orderBy: [{ alias: 'total', direction: 'desc' }],
      });
      expect(minMax).toEqual([
        {
          currency: 'EUR',
          low: '-0.0001',
          high: '99999999999999999999.9999',
          total: '199999999999999999999.9997',
        },
      ]);
    });

    it('orders and limits by exact sums', async () => {
      const driver = context.driver();
      const tenant = randomTenant();
      const rows = [
        ['a', '10.0000'],
        ['b', '-5.0000'],
        ['b', '99999999999999999999.0000'],
        ['c', '2.5000'],
        ['c', '2.5000'],
        [null, '1.0000'],
      ] as const;
      await driver.insert(
        tenant,
        table,
        rows.map(([status, revenue]) => flatRow({ status, revenue, revenue_currency: 'EUR' })),
      );
      const query = (direction: 'asc' | 'desc', limit?: number): DriverAggregate => ({
        where: all,
        groupBy: [{ alias: 'status', column: 'status', columnType: 'text' }],
        measures: [sumOf('total', 'revenue', 'decimal')],
        orderBy: [
          { alias: 'total', direction },
          { alias: 'status', direction: 'asc' },
        ],
        ...(limit === undefined ? {} : { limit }),
      });
      expect(
        (await driver.aggregate(tenant, table, query('desc', 2))).map((row) => row.status),
      ).toEqual(['b', 'a']);
      expect((await driver.aggregate(tenant, table, query('asc'))).map((row) => row.total)).toEqual(
        ['1.0000', '5.0000', '10.0000', '99999999999999999994.0000'],
      );
    });
  });
}

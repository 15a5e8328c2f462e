import { isSellkitError } from '@sellkit/core';
import { createStorage, type LeafOperator } from '@sellkit/core/driver';
import { defineModel, field } from '@sellkit/core/module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, leaf } from '../test-support/filters.js';
import { flatRow, randomTenant, everythingLayout as table } from '../test-support/models.js';
import { describePostgres, driverTargets, postgresUrl } from '../testing/index.js';
import type { KyselyStorageDriver } from './kysely-driver.js';

/** Strings that would break a query built by concatenation. Every one must stay plain data. */
const HOSTILE = [
  "'; DROP TABLE sk_everything; --",
  '" OR 1=1 --',
  "' OR '1'='1",
  "\\'; DROP TABLE sk_sequence; --",
  'Robert"); DROP TABLE students;--',
  '\\',
  '\\\\',
  '%',
  '_',
  '%_%',
  '$1',
  '?',
  ':name',
  '/* comment */',
  '--',
  ';',
  'NULL',
  '`backtick`',
  '\n\r\t',
  'é中😀\u202e',
];

const OPERATORS: LeafOperator[] = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'notContains',
  'startsWith',
  'notStartsWith',
];

/** What each operator must return, computed in JavaScript (code-point order). */
function holds(op: LeafOperator, stored: string, value: string): boolean {
  const compare = codePointCompare(stored, value);
  switch (op) {
    case 'eq':
      return stored === value;
    case 'ne':
      return stored !== value;
    case 'lt':
      return compare < 0;
    case 'lte':
      return compare <= 0;
    case 'gt':
      return compare > 0;
    case 'gte':
      return compare >= 0;
    case 'contains':
      return stored.includes(value);
    case 'notContains':
      return !stored.includes(value);
    case 'startsWith':
      return stored.startsWith(value);
    case 'notStartsWith':
      return !stored.startsWith(value);
    default:
      throw new Error(op);
  }
}

function codePointCompare(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  }
  return x.length - y.length;
}

const company = defineModel({
  name: 'injectionCompany',
  idPrefix: 'inj',
  fields: { name: field.text({ required: true }), tags: field.textList() },
});

for (const target of driverTargets()) {
  describe(`hostile values on ${target.name}`, () => {
    let driver: KyselyStorageDriver;
    const tenant = randomTenant();
    beforeAll(async () => {
      driver = target.create();
      await driver.setup([table]);
      await driver.insert(
        tenant,
        table,
        HOSTILE.map((text) =>
          flatRow({ name: text, email: text, tags: [text], meta: { text }, status: text }),
        ),
      );
    });
    afterAll(async () => {
      await driver.close();
      await target.release();
    });

    it('stores and reads every hostile string unchanged', async () => {
      const rows = await driver.find(tenant, table, {
        where: all,
        orderBy: [{ column: 'id', direction: 'asc' }],
        limit: 100,
      });
      expect(rows.map((row) => row.name)).toEqual(HOSTILE);
      expect(rows.map((row) => row.tags)).toEqual(HOSTILE.map((text) => [text]));
      expect(rows.map((row) => row.meta)).toEqual(HOSTILE.map((text) => ({ text })));
    });

    it.each(OPERATORS)('treats values of %s as data', async (op) => {
      for (const value of HOSTILE) {
        const found = await driver.find(tenant, table, {
          where: leaf('name', op, value),
          orderBy: [{ column: 'id', direction: 'asc' }],
          limit: 100,
        });
        const expected = HOSTILE.filter((stored) => holds(op, stored, value));
        expect(
          found.map((row) => row.name),
          `${op} ${JSON.stringify(value)}`,
        ).toEqual(expected);
      }
    });

    it('treats values of in, notIn and list membership as data', async () => {
      for (const value of HOSTILE) {
        expect(await driver.count(tenant, table, leaf('name', 'in', [value, `${value}'`]))).toBe(1);
        expect(await driver.count(tenant, table, leaf('name', 'notIn', [value]))).toBe(
          HOSTILE.length - 1,
        );
        expect(await driver.count(tenant, table, leaf('tags', 'contains', value))).toBe(1);
        expect(await driver.count(tenant, table, leaf('tags', 'notContains', value))).toBe(
          HOSTILE.length - 1,
        );
      }
    });

    it('groups by hostile values and counts hostile sequence names and tenants as data', async () => {
      const groups = await driver.aggregate(tenant, table, {
        where: all,
        groupBy: [{ alias: 'status', column: 'status', columnType: 'text' }],
        measures: [{ alias: 'n', fn: 'count' }],
        orderBy: [],
      });
      expect(groups.map((group) => group.status).sort()).toEqual([...HOSTILE].sort());
      for (const value of HOSTILE.slice(0, 5)) {
        expect(await driver.nextSequenceValue(tenant, value)).toBe(1);
        expect(await driver.nextSequenceValue(value, value)).toBe(1);
        await driver.insert(value, table, [flatRow({ name: value })]);
        expect(await driver.count(value, table, all)).toBe(1);
      }
    });

    it('still has every table afterwards', async () => {
      expect(await driver.count(tenant, table, all)).toBe(HOSTILE.length);
      expect(await driver.nextSequenceValue(tenant, 'after')).toBe(1);
      expect((await driver.setup([table])).statements).toEqual([]);
    });

    it('rejects unknown filter, sort and group fields through createStorage (VALIDATION_FAILED)', async () => {
      const storage = createStorage(target.create());
      try {
        await storage.setup([company]);
        const scoped = storage.forTenant(randomTenant());
        await scoped.insert(company, [
          { name: "'; DROP TABLE sk_injection_company; --", tags: ['%'] },
        ]);
        const attempts: (() => Promise<unknown>)[] = [
          () => scoped.find(company, { where: { 'name" OR 1=1 --': 'x' } as never }),
          () => scoped.find(company, { orderBy: [{ field: 'name; DROP TABLE x' as never }] }),
          () =>
            scoped.find(company, {
              orderBy: [{ field: 'name', direction: 'asc; DROP TABLE x' as never }],
            }),
          () => scoped.find(company, { where: { name: { 'eq OR 1=1': 'x' } as never } }),
          () => scoped.count(company, { or: [{ 'tags)--': 'x' } as never] }),
          () =>
            scoped.aggregate(company, {
              groupBy: ['name) --' as never],
              measures: { n: { fn: 'count' } },
            }),
          () =>
            scoped.aggregate(company, { measures: { 'n"; DROP TABLE x; --': { fn: 'count' } } }),
        ];
        for (const attempt of attempts) {
          const error = await attempt().catch((caught: unknown) => caught);
          expect(isSellkitError(error, 'VALIDATION_FAILED'), String(error)).toBe(true);
        }
        const page = await scoped.find(company, { where: { name: { contains: "'; DROP" } } });
        expect(page.rows).toHaveLength(1);
        expect(await scoped.count(company, { tags: { contains: '%' } })).toBe(1);
      } finally {
        await storage.close();
      }
    });
  });
}

if (!postgresUrl) describePostgres('hostile values on postgres', () => undefined);

import type { FilterNode } from '@sellkit/core/driver';
import { beforeAll, describe, expect, it } from 'vitest';
import { all, and, leaf, or } from '../filters.js';
import { flatRow, randomTenant, everythingLayout as table } from '../models.js';
import type { SuiteContext } from './context.js';

const rows = [
  flatRow({
    name: 'alpha',
    email: 'x%y@e.com',
    employees: 10,
    rate: '1.5000',
    active: true,
    founded_on: '2020-01-01',
    seen_at: new Date('2026-01-01T00:00:00.000Z'),
    tags: ['a', 'b'],
    status: 'new',
  }),
  flatRow({
    name: 'Beta',
    email: 'x_y@e.com',
    employees: 20,
    rate: '-2.2500',
    active: false,
    founded_on: '2021-06-15',
    seen_at: new Date('2026-06-01T12:00:00.000Z'),
    tags: ['b'],
    status: 'won',
  }),
  flatRow({ name: 'gamma' }),
  flatRow({
    name: "it's \\ 100%",
    employees: 30,
    rate: '0.0000',
    active: true,
    founded_on: '2019-12-31',
    seen_at: new Date('2025-12-31T23:59:59.999Z'),
    tags: [],
    status: 'lost',
  }),
];
const [A, B, G, I] = ['alpha', 'Beta', 'gamma', "it's \\ 100%"];
const HUGE = '1000000000000000000000';

const cases: [string, FilterNode, string[]][] = [
  ['text eq', leaf('name', 'eq', 'alpha'), [A]],
  ['text eq is case-sensitive', leaf('name', 'eq', 'Alpha'), []],
  ['text ne keeps nulls', leaf('email', 'ne', 'x%y@e.com'), [B, G, I]],
  ['text lt by code point', leaf('name', 'lt', 'a'), [B]],
  ['text gte', leaf('name', 'gte', 'b'), [G, I]],
  ['text in', leaf('name', 'in', ['alpha', 'gamma', 'zzz']), [A, G]],
  ['in with an empty list', leaf('name', 'in', []), []],
  ['notIn keeps nulls', leaf('email', 'notIn', ['x%y@e.com']), [B, G, I]],
  ['notIn with an empty list', leaf('email', 'notIn', []), [A, B, G, I]],
  ['contains substring', leaf('name', 'contains', 'et'), [B]],
  ['contains % literally', leaf('email', 'contains', '%'), [A]],
  ['contains _ literally', leaf('email', 'contains', '_'), [B]],
  ['contains a backslash', leaf('name', 'contains', '\\'), [I]],
  ['contains a quote', leaf('name', 'contains', "'"), [I]],
  ['contains empty text', leaf('email', 'contains', ''), [A, B]],
  ['contains is case-sensitive', leaf('name', 'contains', 'BETA'), []],
  ['notContains keeps nulls', leaf('email', 'notContains', '%'), [B, G, I]],
  ['startsWith', leaf('name', 'startsWith', 'al'), [A]],
  ['startsWith is case-sensitive', leaf('name', 'startsWith', 'A'), []],
  ['startsWith with specials', leaf('name', 'startsWith', "it's \\"), [I]],
  ['startsWith % is literal', leaf('email', 'startsWith', 'x%'), [A]],
  ['notStartsWith keeps nulls', leaf('email', 'notStartsWith', 'x_'), [A, G, I]],
  ['isNull', leaf('employees', 'isNull'), [G]],
  ['isNotNull', leaf('employees', 'isNotNull'), [A, B, I]],
  ['integer gt', leaf('employees', 'gt', 10), [B, I]],
  ['integer lte', leaf('employees', 'lte', 20), [A, B]],
  ['integer ne keeps nulls', leaf('employees', 'ne', 10), [B, G, I]],
  ['integer in', leaf('employees', 'in', [10, 30]), [A, I]],
  ['decimal gt', leaf('rate', 'gt', '0.0000'), [A]],
  ['decimal lt', leaf('rate', 'lt', '0.0000'), [B]],
  ['decimal eq zero', leaf('rate', 'eq', '0.0000'), [I]],
  ['decimal gte negative', leaf('rate', 'gte', '-2.2500'), [A, B, I]],
  ['decimal lt with more digits than the scale', leaf('rate', 'lt', '1.50005'), [A, B, I]],
  ['decimal gt with more digits than the scale', leaf('rate', 'gt', '1.49995'), [A]],
  ['decimal gte with more digits than the scale', leaf('rate', 'gte', '-2.25001'), [A, B, I]],
  ['decimal eq that cannot be stored', leaf('rate', 'eq', '1.50001'), []],
  ['decimal ne that cannot be stored', leaf('rate', 'ne', '1.50001'), [A, B, G, I]],
  ['decimal in with a value that cannot be stored', leaf('rate', 'in', ['1.50001', '0.0000']), [I]],
  ['decimal lt beyond any stored value', leaf('rate', 'lt', HUGE), [A, B, I]],
  ['decimal gt beyond any stored value', leaf('rate', 'gt', HUGE), []],
  ['decimal gte below any stored value', leaf('rate', 'gte', `-${HUGE}`), [A, B, I]],
  ['boolean eq true', leaf('active', 'eq', true), [A, I]],
  ['boolean eq false', leaf('active', 'eq', false), [B]],
  ['boolean ne keeps nulls', leaf('active', 'ne', true), [B, G]],
  ['date lt', leaf('founded_on', 'lt', '2020-01-01'), [I]],
  ['date gte', leaf('founded_on', 'gte', '2020-01-01'), [A, B]],
  [
    'timestamp lt to the millisecond',
    leaf('seen_at', 'lt', new Date('2026-01-01T00:00:00.000Z')),
    [I],
  ],
  ['timestamp gte', leaf('seen_at', 'gte', new Date('2026-01-01T00:00:00.000Z')), [A, B]],
  ['timestamp eq', leaf('seen_at', 'eq', new Date('2025-12-31T23:59:59.999Z')), [I]],
  ['list contains', leaf('tags', 'contains', 'b'), [A, B]],
  ['list contains one', leaf('tags', 'contains', 'a'), [A]],
  ['list notContains keeps nulls and empty lists', leaf('tags', 'notContains', 'b'), [G, I]],
  ['enum in', leaf('status', 'in', ['new', 'lost']), [A, I]],
  [
    'or of and',
    or(leaf('name', 'eq', 'alpha'), and(leaf('employees', 'gt', 15), leaf('active', 'eq', false))),
    [A, B],
  ],
  [
    'and of or',
    and(or(leaf('employees', 'isNull'), leaf('employees', 'gt', 25)), leaf('name', 'ne', 'gamma')),
    [I],
  ],
  ['null leaf inside or', or(leaf('employees', 'lt', 15), leaf('name', 'eq', 'gamma')), [A, G]],
  ['const false', { type: 'const', value: false }, []],
  ['empty and', and(), [A, B, G, I]],
  ['empty or', or(), []],
];

/** Every leaf operator on every column type, null semantics, and sort orders. */
export function filterSuite(context: SuiteContext): void {
  describe('filters and sorting', () => {
    const tenant = randomTenant();
    beforeAll(async () => {
      await context.driver().insert(tenant, table, rows);
    });

    it.each(cases)('%s', async (_title, where, expected) => {
      const driver = context.driver();
      const found = await driver.find(tenant, table, {
        where,
        orderBy: [{ column: 'id', direction: 'asc' }],
        limit: 100,
      });
      expect(found.map((row) => row.name).sort()).toEqual([...expected].sort());
      expect(await driver.count(tenant, table, where)).toBe(expected.length);
    });

    const order = async (column: string, direction: 'asc' | 'desc') =>
      (
        await context.driver().find(tenant, table, {
          where: all,
          orderBy: [
            { column, direction },
            { column: 'id', direction: 'asc' },
          ],
          limit: 100,
        })
      ).map((row) => row.name);

    it('sorts nulls first ascending and last descending', async () => {
      expect(await order('employees', 'asc')).toEqual([G, A, B, I]);
      expect(await order('employees', 'desc')).toEqual([I, B, A, G]);
      expect(await order('seen_at', 'asc')).toEqual([G, I, A, B]);
      expect(await order('founded_on', 'desc')).toEqual([B, A, I, G]);
    });

    it('sorts decimals by value and booleans false first', async () => {
      expect(await order('rate', 'asc')).toEqual([G, B, I, A]);
      expect(await order('active', 'asc')).toEqual([G, B, A, I]);
    });

    it('sorts text by code point', async () => {
      expect(await order('name', 'asc')).toEqual([B, A, G, I]);
      const driver = context.driver();
      const other = randomTenant();
      const names = ['😀', '\uFFFD', 'é', 'z', 'Z', 'a b', 'ab'];
      await driver.insert(
        other,
        table,
        names.map((name) => flatRow({ name })),
      );
      const sorted = await driver.find(other, table, {
        where: all,
        orderBy: [
          { column: 'name', direction: 'asc' },
          { column: 'id', direction: 'asc' },
        ],
        limit: 100,
      });
      expect(sorted.map((row) => row.name)).toEqual(['Z', 'a b', 'ab', 'z', 'é', '\uFFFD', '😀']);
    });

    it('sorts on several keys and honours the limit', async () => {
      const found = await context.driver().find(tenant, table, {
        where: all,
        orderBy: [
          { column: 'active', direction: 'desc' },
          { column: 'employees', direction: 'desc' },
          { column: 'id', direction: 'asc' },
        ],
        limit: 3,
      });
      expect(found.map((row) => row.name)).toEqual([I, A, B]);
    });
  });
}

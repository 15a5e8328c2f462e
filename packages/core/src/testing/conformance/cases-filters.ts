import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import type { Where } from '../../storage/query.js';
import { expectFailure, type SuiteContext } from './context.js';
import { type FixtureEnv, type Item, insertFixture, itemKind } from './fixture.js';
import { confItem } from './models.js';
import { evaluate } from './oracle.js';

type Operand = unknown | ((env: FixtureEnv) => unknown);
type Case = readonly [field: string, op: string, operand: Operand];

const eur = (amount: string) => Money.of(amount, 'EUR');

/** Every valid operator on every field kind, with values at and around the fixture's values. */
const CASES: readonly Case[] = [
  ['quantity', 'eq', 5],
  ['quantity', 'ne', 5],
  ['quantity', 'lt', 0],
  ['quantity', 'lte', 5],
  ['quantity', 'gt', 5],
  ['quantity', 'gte', -3],
  ['quantity', 'in', [1, 5, 99]],
  ['quantity', 'notIn', [5, -3]],
  ['quantity', 'isNull', true],
  ['quantity', 'isNull', false],
  ['price', 'eq', '10.50'],
  ['price', 'eq', '10.5'],
  ['price', 'ne', '10.50'],
  ['price', 'lt', '0'],
  ['price', 'lte', '-0.01'],
  ['price', 'gt', '10.49'],
  ['price', 'gte', '999999999999.99'],
  ['price', 'in', ['10.50', '0.01', '7']],
  ['price', 'notIn', ['0']],
  ['rate', 'gt', '1.2344'],
  ['rate', 'lte', '0.0001'],
  ['rate', 'eq', '2'],
  ['amount', 'eq', eur('10.50')],
  ['amount', 'ne', eur('10.50')],
  ['amount', 'lt', eur('10.50')],
  ['amount', 'lte', { amount: '10.50', currency: 'EUR' }],
  ['amount', 'gt', eur('0')],
  ['amount', 'gte', Money.of('5', 'USD')],
  ['amount', 'isNull', true],
  ['active', 'eq', true],
  ['active', 'eq', false],
  ['active', 'ne', true],
  ['active', 'in', [false]],
  ['active', 'notIn', [true]],
  ['dueOn', 'eq', '2024-02-29'],
  ['dueOn', 'ne', '2024-02-29'],
  ['dueOn', 'lt', '2024-03-01'],
  ['dueOn', 'gte', '2025-01-01'],
  ['dueOn', 'in', ['2024-02-28', '2026-12-31']],
  ['happenedAt', 'eq', new Date('2026-01-01T00:00:00.000Z')],
  ['happenedAt', 'ne', new Date('2026-01-01T00:00:00.000Z')],
  ['happenedAt', 'lt', new Date('2026-01-01T00:00:00.000Z')],
  ['happenedAt', 'lte', '2026-01-01T00:00:00.000Z'],
  ['happenedAt', 'gt', new Date('2026-01-01T00:00:00.000Z')],
  ['happenedAt', 'gte', '2026-01-01T01:00:00.001+01:00'],
  [
    'happenedAt',
    'in',
    [new Date('2025-12-31T23:59:59.999Z'), new Date('1999-01-01T00:00:00.000Z')],
  ],
  ['status', 'eq', 'won'],
  ['status', 'ne', 'won'],
  ['status', 'in', ['open', 'won']],
  ['status', 'notIn', ['draft']],
  ['name', 'eq', 'r05'],
  ['name', 'lt', 'r05'],
  ['name', 'gte', 'r'],
  ['name', 'gt', 'R10'],
  ['name', 'startsWith', 'r0'],
  ['name', 'in', ['r01', 'R10', 'nobody']],
  ['note', 'contains', '%'],
  ['note', 'contains', '_'],
  ['note', 'contains', "'"],
  ['note', 'contains', '\\'],
  ['note', 'contains', 'a%b'],
  ['note', 'contains', 'É'],
  ['note', 'startsWith', '100%'],
  ['note', 'startsWith', '100_'],
  ['note', 'startsWith', 'a_'],
  ['note', 'startsWith', ''],
  ['note', 'lt', '😀'],
  ['note', 'gt', '\uFFFD'],
  ['note', 'eq', ''],
  ['note', 'ne', ''],
  ['code', 'startsWith', 'a%'],
  ['code', 'eq', "O'Neil"],
  ['code', 'contains', '\\'],
  ['code', 'lt', 'a'],
  ['tags', 'contains', 'vip'],
  ['tags', 'contains', 'a_b%'],
  ['tags', 'contains', '%'],
  ['tags', 'contains', "it's"],
  ['meta', 'isNull', true],
  ['meta', 'isNull', false],
  ['parentId', 'eq', (env: FixtureEnv) => env.parentA],
  ['parentId', 'ne', (env: FixtureEnv) => env.parentA],
  ['parentId', 'in', (env: FixtureEnv) => [env.parentA, env.parentB]],
  ['parentId', 'isNull', true],
  ['id', 'in', (env: FixtureEnv) => env.items.slice(0, 3).map((item) => item.id)],
  ['id', 'eq', (env: FixtureEnv) => env.items[4]?.id],
];

/** Operators a kind does not support: VALIDATION_FAILED, never a driver error. */
const INVALID: readonly Case[] = [
  ['quantity', 'contains', '5'],
  ['price', 'startsWith', '1'],
  ['active', 'lt', true],
  ['amount', 'in', [eur('1')]],
  ['amount', 'contains', '1'],
  ['status', 'contains', 'o'],
  ['tags', 'lt', 'a'],
  ['tags', 'startsWith', 'a'],
  ['meta', 'eq', { k: 1 }],
  ['parentId', 'gt', 'cpar_'],
  ['dueOn', 'contains', '2024'],
  ['happenedAt', 'startsWith', '2026'],
];

/** Filters the types would refuse, to check the run-time checks. */
function loose(where: unknown): Where<Item> {
  return where as Where<Item>;
}

function label(operand: Operand): string {
  if (typeof operand === 'function') return '(fixture value)';
  if (operand instanceof Money) return `${operand.toString()} ${operand.currency}`;
  if (operand instanceof Date) return operand.toISOString();
  return JSON.stringify(operand);
}

async function all(ctx: SuiteContext) {
  const tenant = ctx.tenant();
  const env = await insertFixture(tenant.storage);
  return { ...tenant, env };
}

function names(items: readonly Item[]): string[] {
  return items.map((item) => item.name).sort();
}

async function expectMatches(
  ctx: SuiteContext,
  build: (env: FixtureEnv) => Where<Item>,
): Promise<void> {
  const { storage, env } = await all(ctx);
  const where = build(env);
  const expected = names(env.items.filter((item) => evaluate(where, item, itemKind)));
  const page = await storage.find(confItem, { where, limit: 1000 });
  expect(names(page.rows), JSON.stringify(where)).toEqual(expected);
  expect(await storage.count(confItem, where)).toBe(expected.length);
}

/** Every filter operator on every kind, negations, nesting, null semantics and bad filters. */
export function filterCases(ctx: SuiteContext): void {
  describe('filters', () => {
    for (const [field, op, operand] of CASES) {
      const value = (env: FixtureEnv) =>
        typeof operand === 'function' ? (operand as (env: FixtureEnv) => unknown)(env) : operand;
      it(`${field} ${op} ${label(operand)}`, () =>
        expectMatches(ctx, (env) => ({ [field]: { [op]: value(env) } }) as Where<Item>));
      it(`not (${field} ${op} ${label(operand)}) is the exact complement`, () =>
        expectMatches(ctx, (env) => ({ not: { [field]: { [op]: value(env) } } }) as Where<Item>));
    }

    for (const [field, op, operand] of INVALID) {
      it(`${op} on ${field} is VALIDATION_FAILED`, async () => {
        const { storage } = ctx.tenant();
        await expectFailure(
          storage.find(confItem, { where: { [field]: { [op]: operand } } as Where<Item> }),
          'VALIDATION_FAILED',
          { path: `where.${field}.${op}` },
        );
      });
    }

    it('bare values mean eq and null means isNull', () =>
      expectMatches(ctx, () => ({ status: 'open', dueOn: null })));

    it('eq null is isNull and ne null is isNotNull', async () => {
      await expectMatches(ctx, () => loose({ price: { eq: null } }));
      await expectMatches(ctx, () => loose({ price: { ne: null } }));
    });

    it('a bare money value matches amount and currency', () =>
      expectMatches(ctx, () => ({ amount: Money.of('10.5', 'USD') })));

    it('several operators on one field must all hold', () =>
      expectMatches(ctx, () => ({ quantity: { gte: 0, lt: 42, ne: 5 } })));

    it('empty in matches nothing and empty notIn matches everything', async () => {
      await expectMatches(ctx, () => ({ status: { in: [] } }));
      await expectMatches(ctx, () => ({ status: { notIn: [] } }));
    });

    it('and/or/not nest freely with nulls (two-valued logic)', async () => {
      await expectMatches(ctx, () => ({
        or: [{ quantity: { gt: 5 } }, { and: [{ price: { lt: '1' } }, { not: { active: true } }] }],
      }));
      await expectMatches(ctx, () => ({
        not: { or: [{ price: { gte: '1' } }, { amount: { lt: eur('50') } }] },
      }));
      await expectMatches(ctx, () => ({
        not: {
          and: [
            { not: { quantity: null } },
            { not: { or: [{ dueOn: { lt: '2025-01-01' } }, { tags: { contains: 'vip' } }] } },
          ],
        },
      }));
      await expectMatches(ctx, () => ({
        and: [],
        or: [{ status: 'won' }, { status: 'lost' }],
        not: { code: { startsWith: 'B' } },
      }));
    });

    it('not not is the original filter', () =>
      expectMatches(ctx, () => ({ not: { not: { rate: { gt: '1' } } } })));

    it('an unknown field is VALIDATION_FAILED naming its path', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(
        storage.find(confItem, { where: { bogus: 1 } as Where<Item> }),
        'VALIDATION_FAILED',
        {
          path: 'where.bogus',
          reason: 'unknown_field',
        },
      );
      await expectFailure(
        storage.count(confItem, loose({ and: [{ not: { nope: null } }] })),
        'VALIDATION_FAILED',
        {
          path: 'where.and.0.not.nope',
        },
      );
    });

    it('an unknown operator is VALIDATION_FAILED naming its path', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(
        storage.find(confItem, {
          where: { or: [{ name: 'x' }, { quantity: { gtx: 5 } }] } as Where<Item>,
        }),
        'VALIDATION_FAILED',
        { path: 'where.or.1.quantity.gtx', reason: 'unknown_operator' },
      );
    });

    it('filter values of the wrong type are VALIDATION_FAILED', async () => {
      const { storage } = ctx.tenant();
      await expectFailure(
        storage.find(confItem, { where: loose({ quantity: { gt: 'five' } }) }),
        'VALIDATION_FAILED',
        { path: 'where.quantity.gt' },
      );
      await expectFailure(
        storage.find(confItem, { where: { price: { in: ['1', 'x'] } } }),
        'VALIDATION_FAILED',
        { path: 'where.price.in.1' },
      );
      await expectFailure(
        storage.find(confItem, { where: loose({ status: 'closed' }) }),
        'VALIDATION_FAILED',
        { path: 'where.status' },
      );
      await expectFailure(
        storage.find(confItem, { where: { dueOn: { lt: '2023-02-29' } } }),
        'VALIDATION_FAILED',
        { path: 'where.dueOn.lt' },
      );
      await expectFailure(
        storage.find(confItem, { where: { price: { lt: '0.001' } } }),
        'VALIDATION_FAILED',
        { path: 'where.price.lt' },
      );
      await expectFailure(
        storage.find(confItem, { where: 'name = 1' as unknown as Where<Item> }),
        'VALIDATION_FAILED',
      );
    });

    it('injection-looking values are plain data', async () => {
      const { storage } = ctx.tenant();
      await storage.insert(confItem, [
        { name: "x'; DROP TABLE sk_conf_item; --" },
        { name: '" OR 1=1' },
      ]);
      expect(
        (await storage.find(confItem, { where: { name: "x'; DROP TABLE sk_conf_item; --" } })).rows,
      ).toHaveLength(1);
      expect(await storage.count(confItem, { name: { contains: "' OR '1'='1" } })).toBe(0);
      expect(await storage.count(confItem)).toBe(2);
    });
  });
}

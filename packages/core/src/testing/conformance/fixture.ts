import type { InferCreate, InferRecord } from '../../model/define-model.js';
import type { FieldKind } from '../../model/fields.js';
import { Money } from '../../money/money.js';
import type { TenantStorage } from '../../storage/storage.js';
import { confItem, confParent } from './models.js';

export type Item = InferRecord<typeof confItem>;

/** What a filter case may refer to: the fixture's parents and records. */
export interface FixtureEnv {
  readonly parentA: string;
  readonly parentB: string;
  readonly items: readonly Item[];
}

/** Kind of a field of confItem (system fields included) for the oracle. */
export function itemKind(field: string): FieldKind | 'id' {
  if (field === 'id') return 'id';
  if (field === 'version') return 'integer';
  if (field === 'createdAt' || field === 'updatedAt') return 'timestamp';
  const definition = (confItem.fields as Readonly<Record<string, { kind: FieldKind }>>)[field];
  if (!definition) throw new Error(`fixture: unknown field ${field}`);
  return definition.kind;
}

const eur = (amount: string) => Money.of(amount, 'EUR');
const usd = (amount: string) => Money.of(amount, 'USD');
const at = (iso: string) => new Date(iso);

/**
 * Twelve records covering nulls, duplicates, negative numbers, currencies, boundary dates and
 * instants, LIKE metacharacters, quotes, backslashes and characters whose UTF-16 order differs
 * from their code-point order (U+FFFD versus an emoji).
 */
export async function insertFixture(storage: TenantStorage): Promise<FixtureEnv> {
  const [a, b] = await storage.insert(confParent, [{ name: 'Parent A' }, { name: 'Parent B' }]);
  const parentA = a?.id as string;
  const parentB = b?.id as string;
  const rows: InferCreate<typeof confItem>[] = [
    {
      name: 'r00',
      code: 'A-1',
      note: '100% sure',
      quantity: 5,
      price: '10.50',
      rate: '1.2345',
      amount: eur('10.50'),
      active: true,
      dueOn: '2024-02-29',
      happenedAt: at('2026-01-01T00:00:00.000Z'),
      status: 'won',
      meta: { k: 1 },
      tags: ['vip', 'a_b%'],
      parentId: parentA,
    },
    {
      name: 'r01',
      code: 'a_1',
      note: 'a_b c',
      quantity: -3,
      price: '0.01',
      rate: '0.0001',
      amount: eur('100'),
      active: false,
      dueOn: '2024-03-01',
      happenedAt: at('2025-12-31T23:59:59.999Z'),
      status: 'open',
      tags: ['vip'],
      parentId: parentB,
    },
    { name: 'r02', note: "it's", active: null, status: 'draft' },
    {
      name: 'r03',
      code: "O'Neil",
      note: 'back\\slash',
      quantity: 0,
      price: '-1.25',
      rate: '2',
      amount: usd('5'),
      active: true,
      dueOn: '2025-01-01',
      happenedAt: at('2026-03-05T10:00:00.000Z'),
      status: 'lost',
      tags: [],
    },
    {
      name: 'r04',
      code: 'B%',
      note: '😀 emoji',
      quantity: 99,
      price: '10.5',
      rate: '1.2345',
      amount: usd('10.50'),
      active: false,
      dueOn: '2025-06-15',
      happenedAt: at('1999-01-01T00:00:00.000Z'),
      status: 'won',
      tags: ['A_B%'],
      parentId: parentA,
    },
    {
      name: 'r05',
      code: '\\x',
      note: '\uFFFD replacement',
      quantity: 1,
      price: '999999999999.99',
      rate: '-5.5',
      amount: eur('-3.20'),
      active: true,
      happenedAt: null,
      status: 'draft',
      meta: [1, 2],
      tags: ['x', 'vip'],
    },
    {
      name: 'r06',
      code: 'ab',
      note: '100_percent',
      quantity: 5,
      price: '0',
      rate: '0',
      amount: Money.of('1500', 'JPY'),
      active: true,
      dueOn: '2024-02-28',
      happenedAt: at('2026-01-01T00:00:00.001Z'),
      status: 'open',
      tags: ['%'],
      parentId: parentB,
    },
    {
      name: 'r07',
      code: 'a%',
      note: 'ÜBER',
      quantity: -1_000_000,
      price: '3.33',
      amount: eur('99.99'),
      active: null,
      dueOn: '2026-12-31',
      happenedAt: at('2026-12-31T23:59:59.999Z'),
      status: 'won',
      tags: ["it's"],
      parentId: parentA,
    },
    {
      name: 'r08',
      note: 'a%b',
      quantity: 42,
      price: '-0.01',
      rate: '1.2344',
      status: 'lost',
      meta: 'text',
    },
    {
      name: 'r09',
      code: 'Z',
      note: '',
      quantity: 7,
      price: '7.00',
      amount: eur('0.01'),
      dueOn: '2024-02-29',
      happenedAt: at('2026-01-01T00:00:00.000Z'),
      status: 'open',
      tags: ['vip', 'VIP'],
    },
    { name: 'R10', quantity: 2, status: 'draft', active: false },
    {
      name: 'é11',
      code: 'é',
      note: 'e\u0301 combining',
      quantity: 3,
      price: '10.49',
      amount: eur('10.49'),
      status: 'open',
    },
  ];
  const items = await storage.insert(confItem, rows);
  return { parentA, parentB, items };
}

import { type TableLayout, tableLayout } from '@sellkit/core/driver';
import { defineModel, field } from '@sellkit/core/module';

/** A model with every field kind, used by the driver tests (flat rows, no kernel). */
export const everything = defineModel({
  name: 'everything',
  idPrefix: 'ev',
  fields: {
    name: field.text({ required: true, maxLength: 200 }),
    email: field.text({ unique: true }),
    employees: field.integer({ index: true }),
    rate: field.decimal({ scale: 4, precision: 18 }),
    revenue: field.money(),
    active: field.boolean(),
    foundedOn: field.date(),
    seenAt: field.timestamp(),
    meta: field.json(),
    tags: field.textList(),
    status: field.enum(['new', 'won', 'lost'] as const),
    parentId: field.reference('everything'),
  },
  indexes: [{ fields: ['status', 'employees'] }],
});

/** Its layout. */
export const everythingLayout: TableLayout = tableLayout(everything);

let counter = 0;

/** A unique id for test rows. */
export function testId(): string {
  counter += 1;
  return `ev_${Date.now().toString(36)}${counter.toString(36).padStart(6, '0')}`;
}

/** A flat row of {@link everythingLayout} with every column present. */
export function flatRow(values: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date('2026-03-05T10:00:00.000Z');
  return {
    id: testId(),
    version: 1,
    created_at: now,
    updated_at: now,
    name: 'Acme',
    email: null,
    employees: null,
    rate: null,
    revenue: null,
    revenue_currency: null,
    active: null,
    founded_on: null,
    seen_at: null,
    meta: null,
    tags: null,
    status: null,
    parent_id: null,
    ...values,
  };
}

/** A value at the edge of every column type of {@link everythingLayout} (besides system columns). */
export function edgeValues(): Record<string, unknown> {
  return {
    name: 'Ünïcödé 😀 \\ \' " % _',
    email: 'a@b.example',
    employees: 9_007_199_254_740_991,
    rate: '-12.3456',
    revenue: '922337203685477.5807',
    revenue_currency: 'EUR',
    active: false,
    founded_on: '1999-12-31',
    seen_at: new Date('1969-12-31T23:59:59.999Z'),
    meta: { nested: [1, 'two', null, { three: true }], text: 'x' },
    tags: ['key account', '', 'ü'],
    status: 'won',
  };
}

/** A random tenant id, so test files can share one database. */
export function randomTenant(): string {
  return `t_${Math.random().toString(36).slice(2, 10)}`;
}

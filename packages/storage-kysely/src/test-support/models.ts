import { defineModel, field, type TableLayout, tableLayout } from '@sellkit/core';

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

/** A random tenant id, so test files can share one database. */
export function randomTenant(): string {
  return `t_${Math.random().toString(36).slice(2, 10)}`;
}

import { defineModel, field } from '@sellkit/core';
import { random } from '../shared/random.js';

/** Customers for the insert and get benchmarks. */
export const benchCustomer = defineModel({
  name: 'benchCustomer',
  idPrefix: 'bcus',
  fields: {
    name: field.text({ required: true, maxLength: 200 }),
    email: field.text({ maxLength: 200 }),
    industry: field.enum(['retail', 'manufacturing', 'services', 'public', 'finance'] as const),
    employees: field.integer(),
    annualRevenue: field.money(),
    active: field.boolean(),
  },
  audited: false,
});

/** Order lines for the aggregate benchmark. */
export const benchOrderLine = defineModel({
  name: 'benchOrderLine',
  idPrefix: 'bol',
  fields: {
    territoryId: field.text({ required: true, maxLength: 40, index: true }),
    closedAt: field.timestamp({ required: true }),
    revenue: field.money({ required: true }),
    quantity: field.integer({ required: true }),
  },
  audited: false,
});

const INDUSTRIES = ['retail', 'manufacturing', 'services', 'public', 'finance'] as const;

/** One customer, with money as integer cents so both sides write the same amount. */
export interface CustomerData {
  name: string;
  email: string;
  industry: (typeof INDUSTRIES)[number];
  employees: number;
  revenueCents: number;
  active: boolean;
}

/** One order line. */
export interface OrderLineData {
  territoryId: string;
  closedAt: Date;
  revenueCents: number;
  currency: 'EUR' | 'USD';
  quantity: number;
}

/** `count` customers from `seed`. */
export function customers(count: number, seed = 1): CustomerData[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, index) => ({
    name: `Customer ${index} ${Math.floor(next() * 1e6).toString(36)}`,
    email: `c${index}@example.com`,
    industry: INDUSTRIES[Math.floor(next() * INDUSTRIES.length)] ?? 'retail',
    employees: Math.floor(next() * 10_000),
    revenueCents: Math.floor(next() * 1e11),
    active: next() < 0.8,
  }));
}

const START = Date.UTC(2024, 0, 1);
const SPAN = Date.UTC(2026, 0, 1) - START;

/** Order lines number `from` to `from + count - 1` of the stream from `seed`. */
export function* orderLines(count: number, seed = 2, batch = 10_000): Generator<OrderLineData[]> {
  const next = random(seed);
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    yield Array.from({ length: size }, () => ({
      territoryId: `T${String(Math.floor(next() * 20)).padStart(2, '0')}`,
      closedAt: new Date(START + Math.floor(next() * SPAN)),
      revenueCents: Math.floor(next() * 10_000_000),
      currency: next() < 0.9 ? 'EUR' : 'USD',
      quantity: 1 + Math.floor(next() * 20),
    }));
  }
}

/** Cents as a decimal string: 12345 → '123.45'. */
export function centsToDecimal(cents: number): string {
  const text = String(cents).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** The order in which both sides look customers up (indexes into the inserted list). */
export function lookups(count: number, of: number, seed = 3): number[] {
  const next = random(seed);
  return Array.from({ length: count }, () => Math.floor(next() * of));
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromZodError } from '../errors/sellkit-error.js';
import { newId } from '../ids/ids.js';
import { Money } from '../money/money.js';
import { defineModel } from './define-model.js';
import { field } from './fields.js';
import { modelParser, modelSchemas } from './schema.js';

const customer = defineModel({
  name: 'customer',
  idPrefix: 'cus',
  fields: {
    name: field.text({ required: true, maxLength: 10, minLength: 2 }),
    email: field.text({ format: 'email' }),
    website: field.text({ format: 'url' }),
    phone: field.text({ format: 'phone' }),
    employees: field.integer({ min: 0, max: 1000 }),
    discount: field.decimal({ scale: 2, precision: 5, min: '0', max: '100' }),
    revenue: field.money(),
    active: field.boolean({ default: true }),
    since: field.date(),
    seenAt: field.timestamp(),
    tier: field.enum(['gold', 'silver'] as const, { required: true, default: 'silver' }),
    profile: field.json({ schema: z.object({ age: z.number().int() }) }),
    anything: field.json(),
    tags: field.textList({ maxItems: 3, maxLength: 5, default: () => [] }),
    parentId: field.reference('customer'),
  },
});

function issuesOf(input: unknown, kind: 'create' | 'patch' = 'create') {
  const result = modelSchemas(customer)[kind].safeParse(input);
  if (result.success) return [];
  return fromZodError(result.error).details.issues ?? [];
}

describe('modelSchemas', () => {
  it('is built once per model', () => {
    expect(modelSchemas(customer)).toBe(modelSchemas(customer));
  });

  it('fills defaults and nulls on create and converts values', () => {
    const parsed = modelSchemas(customer).create.parse({
      name: 'Acme',
      discount: 5,
      revenue: { amount: '10.5', currency: 'EUR' },
      seenAt: '2026-03-05T10:00:00+01:00',
    });
    expect(parsed).toMatchObject({
      name: 'Acme',
      discount: '5.00',
      active: true,
      tier: 'silver',
      tags: [],
      email: null,
      seenAt: new Date('2026-03-05T09:00:00Z'),
    });
    expect((parsed.revenue as Money).equals(Money.of('10.50', 'EUR'))).toBe(true);
  });

  it('calls function defaults once per record', () => {
    const a = modelSchemas(customer).create.parse({ name: 'Aa' });
    const b = modelSchemas(customer).create.parse({ name: 'Bb' });
    expect(a.tags).not.toBe(b.tags);
  });

  it('refuses unknown fields with reason unknown_field, one issue each', () => {
    expect(issuesOf({ name: 'Acme', foo: 1, bar: 2 })).toEqual([
      expect.objectContaining({ path: 'foo', reason: 'unknown_field' }),
      expect.objectContaining({ path: 'bar', reason: 'unknown_field' }),
    ]);
  });

  it.each([
    [{ name: 'A' }, 'name', 'too_small'],
    [{ name: 'A'.repeat(11) }, 'name', 'too_big'],
    [{ name: 'Acme', email: 'a@b' }, 'email', 'invalid_format'],
    [{ name: 'Acme', website: 'javascript:alert(1)' }, 'website', 'invalid_format'],
    [{ name: 'Acme', phone: '12' }, 'phone', 'invalid_format'],
    [{ name: 'Acme', employees: -1 }, 'employees', 'too_small'],
    [{ name: 'Acme', employees: 2.5 }, 'employees', 'invalid_type'],
    [{ name: 'Acme', discount: '100.01' }, 'discount', 'too_big'],
    [{ name: 'Acme', discount: '1000' }, 'discount', 'too_big'],
    [{ name: 'Acme', discount: '1.001' }, 'discount', 'too_precise'],
    [{ name: 'Acme', discount: 0.5 }, 'discount', 'inexact_number'],
    [
      { name: 'Acme', revenue: { amount: '1', currency: 'EUR', extra: 1 } },
      'revenue.extra',
      'unknown_field',
    ],
    [
      { name: 'Acme', revenue: { amount: '1.001', currency: 'EUR' } },
      'revenue.amount',
      'too_precise',
    ],
    [{ name: 'Acme', since: '2023-02-29' }, 'since', 'invalid_date'],
    [{ name: 'Acme', seenAt: '2026-03-05T10:00:00' }, 'seenAt', 'invalid_date'],
    [{ name: 'Acme', seenAt: new Date(Number.NaN) }, 'seenAt', 'invalid_date'],
    [{ name: 'Acme', tier: 'bronze' }, 'tier', 'invalid_value'],
    [{ name: 'Acme', tier: null }, 'tier', 'required'],
    [{ name: 'Acme', profile: { age: 'old' } }, 'profile.age', 'invalid_type'],
    [{ name: 'Acme', anything: new Map() }, 'anything', 'invalid_json'],
    [{ name: 'Acme', tags: ['a', 'b', 'c', 'd'] }, 'tags', 'too_big'],
    [{ name: 'Acme', tags: ['toolong'] }, 'tags.0', 'too_big'],
    [{ name: 'Acme', parentId: 'cus_nope' }, 'parentId', 'invalid_format'],
    [{ name: 'Acme', id: newId('con') }, 'id', 'invalid_format'],
    [{ name: 'Ac\u0000me' }, 'name', 'invalid_string'],
    [{ name: 'Ac\uD800me' }, 'name', 'invalid_string'],
  ])('refuses %j at %s (%s)', (input, path, reason) => {
    expect(issuesOf(input)).toContainEqual(expect.objectContaining({ path, reason }));
  });

  it('keeps json with a __proto__ key as data, never as a prototype', () => {
    const parsed = modelSchemas(customer).create.parse({
      name: 'Acme',
      anything: JSON.parse('{"__proto__": {"x": 1}}'),
    });
    const value = parsed.anything as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('patch takes any subset, refuses clearing required fields and leaves absent ones out', () => {
    expect(modelSchemas(customer).patch.parse({ email: null })).toEqual({ email: null });
    expect(issuesOf({ name: null }, 'patch')).toContainEqual(
      expect.objectContaining({ path: 'name', reason: 'required' }),
    );
    expect(issuesOf({ id: newId('cus') }, 'patch')).toContainEqual(
      expect.objectContaining({ reason: 'unknown_field' }),
    );
  });

  it('counts characters as code points', () => {
    expect(modelSchemas(customer).create.parse({ name: '😀'.repeat(10) }).name).toBe(
      '😀'.repeat(10),
    );
  });
});

describe('modelParser', () => {
  const inputs = fc.record(
    {
      name: fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null), fc.integer()),
      email: fc.oneof(fc.constant('a@b.co'), fc.constant('nope'), fc.constant(null)),
      employees: fc.oneof(fc.integer({ min: -5, max: 1005 }), fc.double(), fc.constant(null)),
      discount: fc.oneof(
        fc.constantFrom('1', '1.5', '1.005', '-1', '100', 'x', '1e3'),
        fc.integer({ min: -1, max: 101 }),
      ),
      revenue: fc.oneof(
        fc.constant(Money.of('1', 'EUR')),
        fc.constant({ amount: '2.5', currency: 'USD' }),
        fc.constant({ amount: '1', currency: 'XXX' }),
      ),
      since: fc.constantFrom('2024-02-29', '2023-02-29', '2024-13-01', null),
      tier: fc.constantFrom('gold', 'silver', 'bronze', null),
      tags: fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 4 }),
      unknown: fc.constant(1),
    },
    { requiredKeys: [] },
  );

  it('agrees with the zod schemas on every input (same values, same issue paths and reasons)', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        for (const kind of ['create', 'patch'] as const) {
          const zod = modelSchemas(customer)[kind].safeParse(input);
          const issues: { path: string; reason: string; message: string }[] = [];
          const fast = modelParser(customer)[kind](input, issues);
          if (zod.success) {
            expect(fast).toEqual(zod.data);
          } else {
            expect(fast).toBeNull();
            const expected = fromZodError(zod.error).details.issues ?? [];
            expect(issues.map((issue) => `${issue.path}:${issue.reason}`).sort()).toEqual(
              expected.map((issue) => `${issue.path}:${issue.reason}`).sort(),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prefixes issue paths for batch rows', () => {
    const issues: { path: string; reason: string; message: string }[] = [];
    expect(modelParser(customer).create({ name: 'A', bogus: 1 }, issues, 'rows.3.')).toBeNull();
    expect(issues.map((issue) => issue.path).sort()).toEqual(['rows.3.bogus', 'rows.3.name']);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ERROR_CODES,
  fromZodError,
  isSellkitError,
  SellkitError,
  validationError,
} from './sellkit-error.js';

function zodError(schema: z.ZodType, input: unknown): z.ZodError {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be invalid');
  return parsed.error;
}

const order = z.strictObject({
  customer: z.strictObject({ name: z.string().min(1), email: z.email() }),
  lines: z.array(z.strictObject({ sku: z.string(), quantity: z.number().int().positive() })),
});

describe('ERROR_CODES', () => {
  it('is stable: codes are public API, never renamed or removed', () => {
    expect(ERROR_CODES).toMatchInlineSnapshot(`
      [
        "VALIDATION_FAILED",
        "NOT_FOUND",
        "CONFLICT",
        "FORBIDDEN",
        "INVALID_TRANSITION",
        "INVALID_STATE",
        "CURRENCY_MISMATCH",
        "MISSING_CONTEXT",
        "STORAGE_FAILURE",
        "CONFIGURATION_INVALID",
        "UNSUPPORTED",
      ]
    `);
  });

  it('holds unique upper-case codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });
});

describe('SellkitError', () => {
  it('is an Error with a name, a code, a message and details', () => {
    const error = new SellkitError('NOT_FOUND', 'customer cus_1 not found', {
      model: 'customer',
      id: 'cus_1',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(SellkitError);
    expect(error.name).toBe('SellkitError');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('customer cus_1 not found');
    expect(error.details).toEqual({ model: 'customer', id: 'cus_1' });
    expect(error.stack).toContain('SellkitError');
    expect(String(error)).toBe('SellkitError: customer cus_1 not found');
  });

  it('defaults details to an empty object and has no cause unless given', () => {
    const error = new SellkitError('CONFLICT', 'stale');
    expect(error.details).toEqual({});
    expect('cause' in error).toBe(false);
  });

  it('preserves the cause', () => {
    const driverError = new Error('SQLITE_BUSY');
    const error = new SellkitError('STORAGE_FAILURE', 'database busy', {}, { cause: driverError });
    expect(error.cause).toBe(driverError);
    const falsy = new SellkitError('STORAGE_FAILURE', 'odd driver', {}, { cause: 0 });
    expect(falsy.cause).toBe(0);
  });

  it('serialises to plain JSON without cause or stack', () => {
    const error = new SellkitError(
      'FORBIDDEN',
      'not your record',
      { model: 'opportunity', id: 'opp_1' },
      { cause: new Error('secret internals') },
    );
    expect(error.toJSON()).toEqual({
      name: 'SellkitError',
      code: 'FORBIDDEN',
      message: 'not your record',
      details: { model: 'opportunity', id: 'opp_1' },
    });
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toEqual(error.toJSON());
    expect(json).not.toContain('secret internals');
    expect(json).not.toContain('stack');
  });
});

describe('isSellkitError', () => {
  const error = new SellkitError('CONFLICT', 'stale version');

  it('recognises Sellkit errors, optionally by code', () => {
    expect(isSellkitError(error)).toBe(true);
    expect(isSellkitError(error, 'CONFLICT')).toBe(true);
    expect(isSellkitError(error, 'NOT_FOUND')).toBe(false);
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('CONFLICT')],
    ['a TypeError', new TypeError('x is undefined')],
    ['a look-alike object', { name: 'SellkitError', code: 'CONFLICT', message: 'stale' }],
    ['a string', 'CONFLICT'],
    ['null', null],
    ['undefined', undefined],
  ])('rejects %s', (_label, value) => {
    expect(isSellkitError(value)).toBe(false);
    expect(isSellkitError(value, 'CONFLICT')).toBe(false);
  });
});

describe('validationError', () => {
  it('builds VALIDATION_FAILED with one issue', () => {
    const error = validationError('lines.0.quantity', 'must be positive', 'too_small', {
      model: 'order',
    });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('lines.0.quantity: must be positive');
    expect(error.details).toEqual({
      model: 'order',
      issues: [{ path: 'lines.0.quantity', message: 'must be positive', reason: 'too_small' }],
    });
  });

  it('defaults the reason and leaves an empty path out of the message', () => {
    const error = validationError('', 'input must be an object');
    expect(error.message).toBe('input must be an object');
    expect(error.details.issues).toEqual([
      { path: '', message: 'input must be an object', reason: 'invalid' },
    ]);
  });

  it('keeps its own issue even when details carry issues', () => {
    const error = validationError('name', 'required', 'required', { issues: [] });
    expect(error.details.issues).toHaveLength(1);
  });
});

describe('fromZodError', () => {
  it('maps nested problems to dotted field paths', () => {
    const issue = zodError(order, {
      customer: { name: 'Acme', email: 'billing@acme.test' },
      lines: [
        { sku: 'A', quantity: 1 },
        { sku: 'B', quantity: 0 },
      ],
    });
    const error = fromZodError(issue);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.issues).toEqual([
      { path: 'lines.1.quantity', message: expect.any(String), reason: 'too_small' },
    ]);
    expect(error.message).toMatch(/^lines\.1\.quantity: /);
    expect(error.message).not.toContain('more');
  });

  it('reports each unknown key as unknown_field, with the key in the path', () => {
    const issue = zodError(order, {
      customer: { name: 'Acme', email: 'billing@acme.test', vip: true },
      lines: [{ sku: 'A', quantity: 1, discount: '5%', note: 'x' }],
      coupon: 'FREE',
    });
    const issues = fromZodError(issue).details.issues ?? [];
    const byPath = [...issues].sort((a, b) => a.path.localeCompare(b.path));
    expect(byPath.map(({ path, reason }) => ({ path, reason }))).toEqual([
      { path: 'coupon', reason: 'unknown_field' },
      { path: 'customer.vip', reason: 'unknown_field' },
      { path: 'lines.0.discount', reason: 'unknown_field' },
      { path: 'lines.0.note', reason: 'unknown_field' },
    ]);
    for (const { path, message } of issues) {
      expect(message).toContain(path.split('.').at(-1));
    }
  });

  it('puts the paths under a prefix', () => {
    const issue = zodError(order, {
      customer: { name: '', email: 'billing@acme.test' },
      lines: [],
      coupon: 'FREE',
    });
    const error = fromZodError(issue, { model: 'order' }, 'input');
    const paths = (error.details.issues ?? []).map((entry) => entry.path).sort();
    expect(paths).toEqual(['input.coupon', 'input.customer.name']);
    expect(error.details.model).toBe('order');
  });

  it('summarises several issues in the message', () => {
    const issue = zodError(order, {
      customer: { name: '', email: 'not an e-mail' },
      lines: [{ sku: 7, quantity: -1 }],
    });
    const error = fromZodError(issue);
    const issues = error.details.issues ?? [];
    expect(issues.map((entry) => entry.path).sort()).toEqual([
      'customer.email',
      'customer.name',
      'lines.0.quantity',
      'lines.0.sku',
    ]);
    const first = issues[0];
    expect(error.message).toBe(`${first?.path}: ${first?.message} (and 3 more)`);
  });

  it('names the whole input when the problem is at the root', () => {
    const error = fromZodError(zodError(z.string(), 42));
    expect(error.details.issues).toEqual([
      { path: '', message: expect.any(String), reason: 'invalid_type' },
    ]);
    expect(error.message).toMatch(/^\(input\): /);
    expect(fromZodError(zodError(z.string(), 42), {}, 'name').details.issues?.[0]?.path).toBe(
      'name',
    );
  });

  it('keeps the zod error as cause and merges the given details', () => {
    const issue = zodError(order, {});
    const error = fromZodError(issue, { model: 'order', id: 'ord_1' });
    expect(error.cause).toBe(issue);
    expect(error.details).toMatchObject({ model: 'order', id: 'ord_1' });
    expect(error.toJSON()).not.toHaveProperty('cause');
  });

  it('still returns VALIDATION_FAILED for an error without issues', () => {
    const error = fromZodError(new z.ZodError([]));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('invalid input');
    expect(error.details.issues).toEqual([]);
  });
});

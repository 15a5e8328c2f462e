import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainObject } from '../kit/is-plain-object.js';
import { Money } from '../money/money.js';
import { issueList, notFound, requireObject } from './field-issues.js';
import { isSellkitError, type SellkitError } from './sellkit-error.js';

function caught(run: () => unknown): SellkitError {
  try {
    run();
  } catch (error) {
    if (isSellkitError(error)) return error;
    throw error;
  }
  throw new Error('expected a SellkitError');
}

describe('issueList', () => {
  it('does nothing when no issue was added', () => {
    const issues = issueList();
    expect(() => issues.throwIfAny({ model: 'product' })).not.toThrow();
    expect(issues.issues).toEqual([]);
  });

  it('throws one VALIDATION_FAILED with every issue and the details passed', () => {
    const issues = issueList();
    issues.add('name', 'is required', 'required');
    issues.add('lines.0.quantity', 'must be positive', 'too_small');
    issues.add('email', 'is not an e-mail address', 'invalid_format');
    expect(issues.issues).toHaveLength(3);

    const error = caught(() => issues.throwIfAny({ model: 'order', id: 'ord_1' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('name: is required (and 2 more)');
    expect(error.details).toEqual({
      model: 'order',
      id: 'ord_1',
      issues: [
        { path: 'name', message: 'is required', reason: 'required' },
        { path: 'lines.0.quantity', message: 'must be positive', reason: 'too_small' },
        { path: 'email', message: 'is not an e-mail address', reason: 'invalid_format' },
      ],
    });
  });

  it('names a single issue without a count, and a whole-input issue without a path', () => {
    const one = issueList();
    one.add('name', 'is required', 'required');
    expect(caught(() => one.throwIfAny()).message).toBe('name: is required');

    const whole = issueList();
    whole.add('', 'input is empty', 'required');
    expect(caught(() => whole.throwIfAny()).message).toBe('input is empty');
  });

  it('keeps its own issues over an `issues` member of the details', () => {
    const issues = issueList();
    issues.add('name', 'is required', 'required');
    const error = caught(() =>
      issues.throwIfAny({ issues: [{ path: 'x', message: 'stale', reason: 'other' }] }),
    );
    expect(error.details.issues).toEqual([
      { path: 'name', message: 'is required', reason: 'required' },
    ]);
  });

  it('gives a thrown error a snapshot: later additions do not change it', () => {
    const issues = issueList();
    issues.add('name', 'is required', 'required');
    const error = caught(() => issues.throwIfAny());
    issues.add('email', 'is required', 'required');
    expect(error.details.issues).toHaveLength(1);
  });
});

describe('isPlainObject', () => {
  it('is true for object literals and null-prototype objects', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject({ amount: '1.00', currency: 'EUR' })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });

  it('is false for null, arrays, primitives, dates, money and class instances', () => {
    const values: unknown[] = [null, undefined, [], [1], '', 'text', 0, 1n, true, Symbol('s')];
    values.push(new Date(0), Money.of('1.00', 'EUR'), new Map(), new (class Dto {})());
    for (const value of values) {
      expect(isPlainObject(value)).toBe(false);
    }
  });
});

describe('requireObject', () => {
  it('returns the object itself, class instances included (their fields are checked later)', () => {
    const input = { name: 'Cancity' };
    expect(requireObject(input, 'a company', 'company')).toBe(input);
    const dto = new (class CompanyDto {
      name = 'Cancity';
    })();
    expect(requireObject(dto, 'a company', 'company')).toBe(dto);
  });

  it('refuses null, arrays and strings with VALIDATION_FAILED naming the model', () => {
    for (const value of [null, undefined, [], [{ name: 'x' }], 'Cancity', 42]) {
      const error = caught(() => requireObject(value, 'a company', 'company'));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toBe('a company must be an object');
      expect(error.details).toEqual({
        model: 'company',
        issues: [{ path: '', message: 'a company must be an object', reason: 'invalid_type' }],
      });
    }
  });

  it('leaves the model out of the details when none is given', () => {
    const error = caught(() => requireObject(null, 'a handover'));
    expect(error.details).toEqual({
      issues: [{ path: '', message: 'a handover must be an object', reason: 'invalid_type' }],
    });
  });

  it('never lets anything but a SellkitError out', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          requireObject(value, 'an input', 'thing');
        } catch (error) {
          return isSellkitError(error, 'VALIDATION_FAILED');
        }
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      }),
    );
  });
});

describe('notFound', () => {
  it('is NOT_FOUND naming the model and the id', () => {
    const error = notFound('product', 'prd_1');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('product prd_1 does not exist');
    expect(error.details).toEqual({ model: 'product', id: 'prd_1' });
  });

  it('points an issue at the input field the id came from, when given', () => {
    const error = notFound('rep', 'rep_9', 'repId');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({
      model: 'rep',
      id: 'rep_9',
      issues: [{ path: 'repId', message: 'no rep rep_9', reason: 'not_found' }],
    });
  });
});

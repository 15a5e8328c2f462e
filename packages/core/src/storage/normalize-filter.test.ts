import { describe, expect, it } from 'vitest';
import { isSellkitError } from '../errors/sellkit-error.js';
import { defineModel } from '../model/define-model.js';
import { field } from '../model/fields.js';
import { Money } from '../money/money.js';
import type { FilterNode } from './driver.js';
import { describeModel } from './model-info.js';
import { normalizeWhere } from './normalize-filter.js';

const deal = describeModel(
  defineModel({
    name: 'deal',
    idPrefix: 'deal',
    fields: {
      title: field.text({ required: true }),
      employees: field.integer(),
      amount: field.money(),
      stage: field.enum(['open', 'won'] as const, { required: true }),
      tags: field.textList(),
      closedAt: field.timestamp(),
    },
  }),
);

function leaf(column: string, columnType: string, op: string, value?: unknown): FilterNode {
  return (
    value === undefined
      ? { type: 'leaf', column, columnType, op }
      : { type: 'leaf', column, columnType, op, value }
  ) as FilterNode;
}

function failure(where: unknown) {
  try {
    normalizeWhere(deal, where);
  } catch (error) {
    if (isSellkitError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('normalizeWhere', () => {
  it('turns bare values into eq, null into isNull, and joins fields with and', () => {
    expect(normalizeWhere(deal, { stage: 'won', employees: null })).toEqual({
      type: 'and',
      nodes: [leaf('stage', 'text', 'eq', 'won'), leaf('employees', 'integer', 'isNull')],
    });
  });

  it('matches everything without a filter and folds empty lists', () => {
    expect(normalizeWhere(deal, undefined)).toEqual({ type: 'const', value: true });
    expect(normalizeWhere(deal, { stage: { in: [] } })).toEqual({ type: 'const', value: false });
    expect(normalizeWhere(deal, { or: [] })).toEqual({ type: 'const', value: false });
    expect(normalizeWhere(deal, { and: [] })).toEqual({ type: 'const', value: true });
  });

  it('splits money into amount and currency leaves at the storage scale', () => {
    expect(normalizeWhere(deal, { amount: { lt: Money.of('10', 'EUR') } })).toEqual({
      type: 'and',
      nodes: [
        leaf('amount', 'decimal', 'lt', '10.0000'),
        leaf('amount_currency', 'text', 'eq', 'EUR'),
      ],
    });
  });

  it('pushes not down with De Morgan and null-aware inversions', () => {
    expect(normalizeWhere(deal, { not: { employees: { lt: 5 }, stage: { in: ['won'] } } })).toEqual(
      {
        type: 'or',
        nodes: [
          leaf('employees', 'integer', 'gte', 5),
          leaf('employees', 'integer', 'isNull'),
          leaf('stage', 'text', 'notIn', ['won']),
        ],
      },
    );
    expect(
      normalizeWhere(deal, { not: { tags: { contains: 'x' }, title: { startsWith: 'A' } } }),
    ).toEqual({
      type: 'or',
      nodes: [
        leaf('tags', 'textList', 'notContains', 'x'),
        leaf('title', 'text', 'notStartsWith', 'A'),
      ],
    });
  });

  it('needs no isNull branch when negating a range on a required column', () => {
    expect(normalizeWhere(deal, { not: { title: { gt: 'M' } } })).toEqual(
      leaf('title', 'text', 'lte', 'M'),
    );
  });

  it('double negation gives the original filter back', () => {
    expect(normalizeWhere(deal, { not: { not: { employees: { gte: 3 } } } })).toEqual(
      leaf('employees', 'integer', 'gte', 3),
    );
    expect(normalizeWhere(deal, { not: { not: { stage: 'won' } } })).toEqual(
      leaf('stage', 'text', 'eq', 'won'),
    );
  });

  it('negates money ne into an or of its parts', () => {
    expect(normalizeWhere(deal, { not: { amount: Money.of('1', 'EUR') } })).toEqual({
      type: 'or',
      nodes: [
        leaf('amount', 'decimal', 'ne', '1.0000'),
        leaf('amount_currency', 'text', 'ne', 'EUR'),
      ],
    });
  });

  it('coerces values like stored values (timestamps from ISO strings)', () => {
    expect(normalizeWhere(deal, { closedAt: { gte: '2026-01-01T00:00:00Z' } })).toEqual(
      leaf('closedAt'.replace('At', '_at'), 'timestamp', 'gte', new Date('2026-01-01T00:00:00Z')),
    );
  });

  it.each([
    [
      { or: [{ title: 'x' }, { employees: { gtx: 5 } }] },
      'where.or.1.employees.gtx',
      'unknown_operator',
    ],
    [{ nope: 1 }, 'where.nope', 'unknown_field'],
    [{ not: { and: [{ nope: 1 }] } }, 'where.not.and.0.nope', 'unknown_field'],
    [{ amount: { in: [Money.of('1', 'EUR')] } }, 'where.amount.in', 'unsupported_operator'],
    [{ employees: { contains: '1' } }, 'where.employees.contains', 'unsupported_operator'],
    [{ employees: { in: [1, 'two'] } }, 'where.employees.in.1', 'invalid_type'],
    [{ stage: { isNull: 'yes' } }, 'where.stage.isNull', 'invalid_type'],
    [{ or: { title: 'x' } }, 'where.or', 'invalid_type'],
    [[1, 2], 'where', 'invalid_type'],
  ])('refuses %j at %s', (where, path, reason) => {
    const error = failure(where);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.issues).toContainEqual(expect.objectContaining({ path, reason }));
  });

  it('refuses filters nested absurdly deep instead of overflowing the stack', () => {
    let where: Record<string, unknown> = { title: 'x' };
    for (let depth = 0; depth < 100; depth += 1) where = { not: where };
    expect(failure(where).code).toBe('VALIDATION_FAILED');
  });
});

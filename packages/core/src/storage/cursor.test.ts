import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineModel } from '../model/define-model.js';
import { field } from '../model/fields.js';
import { decodeCursor, encodeCursor, keysetFilter, planSort } from './cursor.js';
import type { FlatRow } from './driver.js';
import { compileFilter, sortRows } from './memory/predicate.js';
import { describeModel } from './model-info.js';

const info = describeModel(
  defineModel({
    name: 'row',
    idPrefix: 'row',
    fields: {
      a: field.integer(),
      b: field.text(),
      c: field.timestamp({ required: true }),
      d: field.json(),
    },
  }),
);

describe('planSort', () => {
  it('appends id and drops keys after id or repeated keys', () => {
    expect(
      planSort(info, [{ field: 'a' }, { field: 'b', direction: 'desc' }, { field: 'a' }]).orderBy,
    ).toEqual([
      { column: 'a', direction: 'asc' },
      { column: 'b', direction: 'desc' },
      { column: 'id', direction: 'asc' },
    ]);
    expect(planSort(info, [{ field: 'id', direction: 'desc' }, { field: 'a' }]).orderBy).toEqual([
      { column: 'id', direction: 'desc' },
    ]);
  });

  it('gives different sorts different fingerprints', () => {
    const asc = planSort(info, [{ field: 'a' }]).fingerprint;
    expect(planSort(info, [{ field: 'a' }]).fingerprint).toBe(asc);
    expect(planSort(info, [{ field: 'a', direction: 'desc' }]).fingerprint).not.toBe(asc);
  });

  it('refuses unknown fields, json fields and bad directions', () => {
    expect(() => planSort(info, [{ field: 'zz' }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => planSort(info, [{ field: 'd' }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => planSort(info, [{ field: 'a', direction: 'sideways' }])).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => planSort(info, 'a')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('cursors', () => {
  const plan = planSort(info, [{ field: 'a', direction: 'desc' }, { field: 'c' }]);

  it('round-trip the sort values of a row', () => {
    const row = { a: null, c: new Date('2026-01-01T00:00:00.123Z'), id: 'row_1' };
    expect(decodeCursor(plan, encodeCursor(plan, row))).toEqual([
      null,
      new Date('2026-01-01T00:00:00.123Z'),
      'row_1',
    ]);
  });

  it('are refused with another sort, damaged, or with values of the wrong type', () => {
    const cursor = encodeCursor(plan, { a: 1, c: new Date(0), id: 'row_1' });
    const other = planSort(info, [{ field: 'a' }, { field: 'c' }]);
    expect(() => decodeCursor(other, cursor)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => decodeCursor(plan, 'garbage')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const forged = Buffer.from(
      JSON.stringify({ v: 1, f: plan.fingerprint, k: ['x', 0, 'row_1'] }),
    ).toString('base64url');
    expect(() => decodeCursor(plan, forged)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const nullRequired = Buffer.from(
      JSON.stringify({ v: 1, f: plan.fingerprint, k: [1, null, 'row_1'] }),
    ).toString('base64url');
    expect(() => decodeCursor(plan, nullRequired)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('keyset filters select exactly the rows after the cursor, for any data and sort', () => {
    const rowArb = fc.record({
      a: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      b: fc.option(fc.constantFrom('x', 'y', 'é', '😀'), { nil: null }),
      c: fc.integer({ min: 0, max: 3 }).map((n) => new Date(n * 1000)),
    });
    const sortArb = fc.array(
      fc.record({
        field: fc.constantFrom('a', 'b', 'c'),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        sortArb,
        fc.nat(),
        (raw, keys, pick) => {
          const rows: FlatRow[] = raw.map((row, index) => ({
            ...row,
            id: `row_${String(index).padStart(3, '0')}`,
          }));
          const sortPlan = planSort(info, keys);
          const types = new Map(info.layout.columns.map((column) => [column.name, column.type]));
          const sorted = sortRows(
            rows,
            sortPlan.orderBy.map((sort) => ({ ...sort, type: types.get(sort.column) ?? 'text' })),
          );
          const position = pick % sorted.length;
          const cursor = encodeCursor(sortPlan, sorted[position] as FlatRow);
          const after = compileFilter(keysetFilter(sortPlan, decodeCursor(sortPlan, cursor)));
          expect(sorted.filter(after).map((row) => row.id)).toEqual(
            sorted.slice(position + 1).map((row) => row.id),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { defineTables } from './table.js';

const table = defineTables({
  deals: 'integer',
  winRate: { kind: 'percent', label: 'win rate' },
  note: { label: 'what' },
});

describe('defineTables', () => {
  it('shapes the columns a table names from the declared kinds and labels, in order', () => {
    const rows = [{ owner: 'Ada', deals: 3, winRate: 0.5, note: 'x' }];
    const section = table('owners', 'Owners', ['owner', 'winRate', 'deals', 'note'], rows);
    expect([section.id, section.title, section.rows]).toEqual(['owners', 'Owners', rows]);
    expect(section.columns.map((column) => [column.key, column.label, column.kind])).toEqual([
      ['owner', 'owner', undefined],
      ['winRate', 'win rate', 'percent'],
      ['deals', 'deals', 'integer'],
      ['note', 'what', undefined],
    ]);
    // Text columns carry no kind at all, as sections always spelled them.
    expect(Object.keys(section.columns[0]!)).toEqual(['key', 'label']);
  });

  it('treats keys it was not told about as text, inherited object keys included', () => {
    const section = table('odd', 'Odd', ['toString', 'constructor'], []);
    expect(section.columns).toEqual([
      { key: 'toString', label: 'toString' },
      { key: 'constructor', label: 'constructor' },
    ]);
  });

  it('carries a note and hideWhenEmpty only when they are given', () => {
    expect(Object.keys(table('a', 'A', ['deals'], []))).toEqual(['id', 'title', 'columns', 'rows']);
    expect(table('a', 'A', ['deals'], [], { note: undefined, hideWhenEmpty: true })).toEqual({
      id: 'a',
      title: 'A',
      columns: [{ key: 'deals', label: 'deals', kind: 'integer' }],
      rows: [],
      hideWhenEmpty: true,
    });
    expect(table('a', 'A', [], [], { note: '... and 2 more' }).note).toBe('... and 2 more');
  });
});

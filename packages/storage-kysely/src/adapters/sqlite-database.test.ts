import BetterSqlite3 from 'better-sqlite3';
import Libsql from 'libsql';
import { describe, expect, it } from 'vitest';
import { cachingSqliteDatabase } from './sqlite-database.js';
import type { NativeSqlite } from './sqlite-native.js';

const bindings: [string, new (filename: string) => NativeSqlite][] = [
  ['better-sqlite3', BetterSqlite3],
  ['libsql', Libsql],
];

describe.each(bindings)('cachingSqliteDatabase on %s', (_name, Database) => {
  const native = new Database(':memory:');
  const wrapped = cachingSqliteDatabase(new Database(':memory:'));

  it('returns the same row objects as the binding, key order included', () => {
    const text = `SELECT 1 AS "a", 'x' AS "b", NULL AS "c", 2.5 AS "d", 'it''s' AS "e"`;
    const rows = wrapped.prepare(text).all([]);
    expect(rows).toEqual(native.prepare(text).all());
    expect(Object.keys(rows[0] as object)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps odd column names as data: quotes, duplicates and __proto__', () => {
    for (const text of [
      `SELECT 1 AS "a""b", 2 AS "}); throw 1; ({"`,
      'SELECT 1 AS "a", 2 AS "a"',
      'SELECT 1 AS "__proto__", 2 AS "b"',
    ]) {
      const [row] = wrapped.prepare(text).all([]) as Record<string, unknown>[];
      expect(row).toEqual(native.prepare(text).all()[0]);
      expect(Object.getPrototypeOf(row)).toBe(Object.getPrototypeOf(native.prepare(text).all()[0]));
    }
  });

  it('binds parameters and streams rows through iterate', () => {
    const statement = wrapped.prepare('SELECT value AS "v" FROM json_each(?) WHERE value > ?');
    expect(statement.all(['[1,2,3,4]', 2])).toEqual([{ v: 3 }, { v: 4 }]);
    expect([...statement.iterate(['[5,6]', 0])]).toEqual([{ v: 5 }, { v: 6 }]);
    const write = wrapped.prepare('SELECT 1');
    expect(write.reader).toBe(true);
  });
});

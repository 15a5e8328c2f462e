import { isSellkitError } from '@sellkit/core';
import { describe, expect, it } from 'vitest';
import { sqlite } from './adapters.js';
import { loadSqlite, type SqliteDriverName, sqliteDriverName } from './sqlite-native.js';

describe('SQLite bindings', () => {
  it('prefers better-sqlite3 when its binding loads, else libsql', async () => {
    const betterLoads = await loadSqlite('better-sqlite3').then(
      () => true,
      () => false,
    );
    expect(await sqliteDriverName()).toBe(betterLoads ? 'better-sqlite3' : 'libsql');
  });

  it.each(['better-sqlite3', 'libsql'] satisfies SqliteDriverName[])(
    'opens %s by name and runs SQL on it',
    async (driver) => {
      const binding = await loadSqlite(driver);
      expect(binding.name).toBe(driver);
      const db = binding.open(':memory:');
      try {
        expect(db.prepare('SELECT 1 + 1 AS "two"').all()).toEqual([{ two: 2 }]);
      } finally {
        db.close();
      }
    },
  );

  it('refuses an unknown driver with CONFIGURATION_INVALID', async () => {
    const error = await loadSqlite('sqlite3' as SqliteDriverName).catch(
      (caught: unknown) => caught,
    );
    expect(isSellkitError(error) && error.code).toBe('CONFIGURATION_INVALID');
  });

  it('runs a whole adapter on libsql', async () => {
    const adapter = sqlite({ memory: true }, { driver: 'libsql' });
    try {
      await adapter.setup([]);
    } finally {
      await adapter.close();
    }
  });
});

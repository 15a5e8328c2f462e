import { SellkitError } from '@sellkit/core';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import {
  loadSqlite,
  type NativeSqlite,
  type NativeStatement,
  type SqliteDriverName,
} from './sqlite-native.js';

/** Prepared statements kept per database; the driver's SQL texts are few and reused. */
const STATEMENT_CACHE_LIMIT = 500;

/**
 * A function that turns one raw result row (values in select-list order) into an object with
 * the same keys the driver would give it. The native drivers build row objects property by
 * property through the V8 C++ API, which for wide rows (40 columns) costs three times the query;
 * one object literal per statement is monomorphic and cheap. Undefined when the column names
 * cannot be written as literal keys (`__proto__` would set the prototype instead).
 */
function rowBuilder(names: readonly string[]): ((values: unknown[]) => unknown) | undefined {
  if (names.includes('__proto__')) return undefined;
  const keys = names.map((name, index) => `${JSON.stringify(name)}: values[${index}]`);
  // Keys are JSON-quoted column names, so the generated source is data, never code.
  return new Function('values', `return { ${keys.join(', ')} };`) as (values: unknown[]) => unknown;
}

/** A statement whose rows are read as arrays and turned into objects by {@link rowBuilder}. */
function fastRows(statement: NativeStatement): SqliteStatement {
  if (!statement.reader) return statement as SqliteStatement;
  const build = rowBuilder(statement.columns().map((column) => column.name));
  if (build === undefined) return statement as SqliteStatement;
  const raw = statement.raw(true);
  return {
    reader: true,
    all: (parameters) => (raw.all(parameters) as unknown[][]).map(build),
    run: (parameters) => raw.run(parameters),
    *iterate(parameters) {
      for (const values of raw.iterate(parameters)) yield build(values as unknown[]);
    },
  };
}

/**
 * Wraps a native SQLite database (better-sqlite3 or libsql) for Kysely with a prepared-statement
 * cache: Kysely prepares every query it runs, and preparing costs about as much as running a
 * primary-key lookup.
 */
export function cachingSqliteDatabase(database: NativeSqlite): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sqlText) {
      let statement = statements.get(sqlText);
      if (statement === undefined) {
        statement = fastRows(database.prepare(sqlText));
        if (statements.size >= STATEMENT_CACHE_LIMIT) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}

/** Connection settings of an owned SQLite database. */
export interface SqliteSettings {
  /** How long a writer waits for another process's lock before SQLITE_BUSY. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * `full` (default) syncs every commit to disk; `normal` with WAL may lose the last commits on
   * power loss (never on a process crash) and writes faster.
   */
  readonly synchronous?: 'full' | 'normal';
  /**
   * The native SQLite binding. By default better-sqlite3 when it is installed and its binding
   * loads (the fastest), else libsql (a better-sqlite3-compatible binding whose binary ships in
   * its npm package, so it installs anywhere the registry is reachable). Name one to insist on
   * it: opening then fails with `CONFIGURATION_INVALID` when it is not installed.
   */
  readonly driver?: SqliteDriverName;
}

/** Opens SQLite on the chosen (or first available) binding with the pragmas Sellkit relies on. */
export async function openSqlite(
  filename: string,
  settings: SqliteSettings,
): Promise<SqliteDatabase> {
  const { open } = await loadSqlite(settings.driver);
  let database: NativeSqlite;
  try {
    database = open(filename);
  } catch (error) {
    throw new SellkitError(
      'STORAGE_FAILURE',
      `cannot open SQLite database ${filename}: ${error instanceof Error ? error.message : String(error)}`,
      { file: filename },
      { cause: error },
    );
  }
  try {
    if (filename !== ':memory:') database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(settings.busyTimeoutMs ?? 5000))}`);
    database.pragma('foreign_keys = ON');
    database.pragma(`synchronous = ${settings.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  } catch (error) {
    database.close();
    throw error;
  }
  return cachingSqliteDatabase(database);
}

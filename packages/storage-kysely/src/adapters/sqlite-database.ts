import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Prepared statements kept per database; the driver's SQL texts are few and reused. */
const STATEMENT_CACHE_LIMIT = 500;

/**
 * A function that turns one raw result row (values in select-list order) into an object with
 * the same keys better-sqlite3 would give it. better-sqlite3 builds row objects property by
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
function fastRows(statement: BetterSqlite3.Statement): SqliteStatement {
  if (!statement.reader) return statement as unknown as SqliteStatement;
  const build = rowBuilder(statement.columns().map((column) => column.name));
  if (build === undefined) return statement as unknown as SqliteStatement;
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
 * Wraps a better-sqlite3 database for Kysely with a prepared-statement cache: Kysely prepares
 * every query it runs, and preparing costs about as much as running a primary-key lookup.
 */
export function cachingSqliteDatabase(database: BetterSqlite3.Database): SqliteDatabase {
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
}

/** Opens better-sqlite3 with the pragmas Sellkit relies on. */
export async function openSqlite(
  filename: string,
  settings: SqliteSettings,
): Promise<SqliteDatabase> {
  const { default: Database } = await import('better-sqlite3');
  const database = new Database(filename);
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

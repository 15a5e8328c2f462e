import { SellkitError } from '@sellkit/core';

/** The native SQLite bindings Sellkit runs on; both expose better-sqlite3's synchronous API. */
export type SqliteDriverName = 'better-sqlite3' | 'libsql';

/** The part of a native statement Sellkit uses (better-sqlite3's API, which libsql copies). */
export interface NativeStatement {
  readonly reader: boolean;
  columns(): readonly { readonly name: string }[];
  raw(toggle?: boolean): NativeStatement;
  all(...parameters: unknown[]): unknown[];
  iterate(...parameters: unknown[]): IterableIterator<unknown>;
  run(...parameters: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
}

/** The part of a native database Sellkit uses. */
export interface NativeSqlite {
  prepare(sql: string): NativeStatement;
  pragma(source: string): unknown;
  close(): void;
}

/** How {@link SqliteBinding.open} opens a file. */
export interface NativeOpenOptions {
  /**
   * Open an existing file read-only (no journal checkpoint on close, not a byte changed).
   * better-sqlite3 honours it; libsql has no read-only mode and opens the file read-write.
   */
  readonly readonly?: boolean;
}

/** A loaded binding: its name and how to open a database with it. */
export interface SqliteBinding {
  readonly name: SqliteDriverName;
  open(filename: string, options?: NativeOpenOptions): NativeSqlite;
}

type DatabaseConstructor = new (
  filename: string,
  options?: { readonly?: boolean; fileMustExist?: boolean },
) => NativeSqlite;

async function importConstructor(name: SqliteDriverName): Promise<DatabaseConstructor | undefined> {
  try {
    const loaded: { default: unknown } = await import(name);
    return typeof loaded.default === 'function'
      ? (loaded.default as DatabaseConstructor)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * better-sqlite3 loads its native binding lazily, in the Database constructor, so a package that
 * imports fine may still have no binding (a failed or skipped build): open an in-memory database
 * to know.
 */
function opens(Database: DatabaseConstructor): boolean {
  try {
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

const bindings = new Map<SqliteDriverName, Promise<SqliteBinding | undefined>>();

function binding(name: SqliteDriverName): Promise<SqliteBinding | undefined> {
  let loading = bindings.get(name);
  if (loading === undefined) {
    loading = importConstructor(name).then((Database) =>
      Database !== undefined && opens(Database)
        ? {
            name,
            open: (filename: string, options?: NativeOpenOptions) =>
              options?.readonly === true && name === 'better-sqlite3'
                ? new Database(filename, { readonly: true, fileMustExist: true })
                : new Database(filename),
          }
        : undefined,
    );
    bindings.set(name, loading);
  }
  return loading;
}

const PREFERENCE: readonly SqliteDriverName[] = ['better-sqlite3', 'libsql'];

/**
 * The SQLite binding to use: the one named, or the first of better-sqlite3 and libsql that is
 * installed and loads. `CONFIGURATION_INVALID` when none is. Tools that look into a Sellkit
 * SQLite file outside the storage (the CLI's inspection, tests) open it through this, so they
 * run on whichever binding the storage runs on.
 *
 * @example
 * ```ts
 * const { name, open } = await loadSqlite();
 * const db = open('crm.db');
 * const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
 * db.close();
 * ```
 */
export async function loadSqlite(name?: SqliteDriverName): Promise<SqliteBinding> {
  if (name !== undefined && !PREFERENCE.includes(name)) {
    throw new SellkitError('CONFIGURATION_INVALID', `unknown SQLite driver "${String(name)}"`, {
      driver: String(name),
      allowed: [...PREFERENCE],
    });
  }
  for (const candidate of name === undefined ? PREFERENCE : [name]) {
    const loaded = await binding(candidate);
    if (loaded !== undefined) return loaded;
  }
  throw new SellkitError(
    'CONFIGURATION_INVALID',
    name === undefined
      ? 'SQLite needs a native binding: install better-sqlite3 (fastest) or libsql'
      : `the SQLite driver ${name} is not installed or its native binding does not load`,
    { driver: name ?? 'auto' },
  );
}

/**
 * Which SQLite binding `sqlite()` uses on this machine with these settings: the named one, or
 * better-sqlite3 when its binding loads, else libsql.
 *
 * @example
 * ```ts
 * console.log(`SQLite on ${await sqliteDriverName()}`); // "SQLite on better-sqlite3"
 * ```
 */
export async function sqliteDriverName(driver?: SqliteDriverName): Promise<SqliteDriverName> {
  return (await loadSqlite(driver)).name;
}

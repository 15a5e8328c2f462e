import { SellkitError, type StorageAdapter } from '@sellkit/core';
import { postgres, sqlite } from '@sellkit/storage-kysely';
import { inspectPostgres } from './inspect-postgres.js';
import { inspectSqliteFile, type SqliteFileState } from './inspect-sqlite.js';
import type { DatabaseTarget } from './target.js';

/** What was at the target before the command opened it. */
export type DatabaseState = SqliteFileState;

/**
 * Looks at the target without writing: a missing SQLite file, an empty file or schema, or a
 * Sellkit database. A server that does not answer and a file or schema that holds somebody
 * else's data are refused (one clear `SellkitError`), so nothing is created or changed there.
 *
 * @example
 * ```ts
 * const state = await inspectDatabase(parseDatabaseTarget('crm.db', process.cwd()));
 * if (state === 'missing') console.log('run `sellkit migrate` first');
 * ```
 */
export async function inspectDatabase(target: DatabaseTarget): Promise<DatabaseState> {
  if (target.kind === 'sqlite') return inspectSqliteFile(target.file);
  return inspectPostgres(target.url, target.display, target.schema);
}

/**
 * The storage adapter for a target (it connects lazily; nothing is written until `setup`).
 *
 * @example
 * ```ts
 * const storage = createStorageAdapter(parseDatabaseTarget('postgres://localhost/crm', process.cwd()));
 * const crm = await composeSellkit(storage);
 * ```
 */
export function createStorageAdapter(target: DatabaseTarget): StorageAdapter {
  if (target.kind === 'sqlite') return sqlite({ file: target.file });
  return postgres({ url: target.url }, target.schema ? { schema: target.schema } : {});
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * `existing`: refuse a missing or empty database (reports read data, they do not make it).
   * `any` (default): a missing SQLite file is created.
   */
  readonly require?: 'any' | 'existing';
  /** For messages: the command to run first when the database is missing. */
  readonly hint?: string;
}

/** An opened database: what was there, and the adapter to compose Sellkit on. */
export interface OpenedDatabase {
  readonly target: DatabaseTarget;
  readonly state: DatabaseState;
  readonly storage: StorageAdapter;
}

/**
 * Inspects then opens a database. See {@link inspectDatabase} for what is refused.
 *
 * @example
 * ```ts
 * const { storage } = await openDatabase(parseDatabaseTarget('crm.db', process.cwd()));
 * const crm = await composeSellkit(storage);
 * ```
 */
export async function openDatabase(
  target: DatabaseTarget,
  options: OpenDatabaseOptions = {},
): Promise<OpenedDatabase> {
  const state = await inspectDatabase(target);
  if (options.require === 'existing' && state !== 'sellkit') {
    const where = target.kind === 'sqlite' ? target.file : target.display;
    throw new SellkitError(
      'NOT_FOUND',
      state === 'missing'
        ? `no database at ${where}${options.hint ? ` (${options.hint})` : ''}`
        : `${where} has no Sellkit tables yet${options.hint ? ` (${options.hint})` : ''}`,
      { database: where },
    );
  }
  return { target, state, storage: createStorageAdapter(target) };
}

import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SellkitError } from '@sellkit/core';
import { loadSqlite, MIGRATIONS_TABLE } from '@sellkit/storage-kysely';

/** What is at a SQLite path before Sellkit touches it. */
export type SqliteFileState = 'missing' | 'empty' | 'sellkit';

const HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEADER.length);
    const read = readSync(fd, buffer, 0, HEADER.length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function notSellkit(file: string, why: string): SellkitError {
  return new SellkitError(
    'VALIDATION_FAILED',
    `${file} is not a Sellkit database (${why}); it was left untouched`,
    { file, reason: 'not_a_sellkit_database' },
  );
}

/**
 * Looks at a SQLite path without changing a byte of it: missing, empty (a new or zero-length
 * file, or an SQLite file without tables), or a Sellkit database (it has `sk_migrations`).
 * Anything else (a text file, somebody else's SQLite database, a directory) is refused with
 * `VALIDATION_FAILED`, so Sellkit never writes its tables into a file it does not own.
 */
export async function inspectSqliteFile(file: string): Promise<SqliteFileState> {
  let size: number;
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw notSellkit(file, 'it is a directory');
    if (!info.isFile()) throw notSellkit(file, 'it is not a regular file');
    size = info.size;
  } catch (error) {
    if (error instanceof SellkitError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        if (!statSync(dirname(file)).isDirectory()) throw new Error('not a directory');
      } catch {
        throw new SellkitError(
          'NOT_FOUND',
          `cannot create ${file}: the directory ${dirname(file)} does not exist`,
          { file },
        );
      }
      return 'missing';
    }
    throw new SellkitError(
      'NOT_FOUND',
      `cannot read ${file}: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  }
  if (size === 0) return 'empty';
  let header: Buffer;
  try {
    header = readHeader(file);
  } catch (error) {
    throw new SellkitError(
      'NOT_FOUND',
      `cannot read ${file}: ${(error as Error).message}`,
      { file },
      { cause: error },
    );
  }
  if (!header.equals(HEADER)) throw notSellkit(file, 'not an SQLite file');
  const binding = await loadSqlite();
  let tables: string[];
  try {
    const db = binding.open(file, { readonly: true });
    try {
      tables = (
        db
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
          )
          .all() as { name: string }[]
      ).map((row) => row.name);
    } finally {
      db.close();
    }
  } catch (error) {
    throw notSellkit(file, `SQLite cannot open it: ${(error as Error).message}`);
  }
  if (tables.includes(MIGRATIONS_TABLE)) return 'sellkit';
  if (tables.length === 0) return 'empty';
  const listed = tables.slice(0, 3).join(', ') + (tables.length > 3 ? ', ...' : '');
  throw notSellkit(file, `it has other tables (${listed}) and no ${MIGRATIONS_TABLE}`);
}

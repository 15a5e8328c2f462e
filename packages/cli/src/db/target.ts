import { isAbsolute, resolve } from 'node:path';
import { usageError } from '../cli/errors.js';

/** Where a command's data lives: a SQLite file or a PostgreSQL database. */
export type DatabaseTarget =
  | { readonly kind: 'sqlite'; readonly file: string; readonly display: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** The URL with its password masked, for messages. */
      readonly display: string;
      readonly schema?: string;
    };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * The URL with any password replaced by `***`, safe to print.
 *
 * @example
 * ```ts
 * maskUrl('postgres://sales:s3cret@db.internal/crm'); // 'postgres://sales:***@db.internal/crm'
 * ```
 */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
  }
}

/**
 * Reads `--db`: a `postgres://` (or `postgresql://`) URL, or a SQLite file path resolved against
 * the directory the user ran the command from.
 *
 * @example
 * ```ts
 * parseDatabaseTarget('crm.db', '/home/me');   // { kind: 'sqlite', file: '/home/me/crm.db' }
 * parseDatabaseTarget('postgres://localhost/crm', '/');
 * ```
 */
export function parseDatabaseTarget(
  value: string | undefined,
  cwd: string,
  options: { schema?: string | undefined; command?: string } = {},
): DatabaseTarget {
  if (value === undefined)
    throw usageError('--db <file | postgres://url> is required', options.command);
  if (POSTGRES_URL.test(value)) {
    try {
      new URL(value);
    } catch {
      throw usageError(`--db: "${maskUrl(value)}" is not a valid URL`, options.command);
    }
    if (options.schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(options.schema)) {
      throw usageError(
        '--schema must be letters, digits and underscores, starting with a letter',
        options.command,
      );
    }
    return {
      kind: 'postgres',
      url: value,
      display: maskUrl(value),
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw usageError(
      `--db: unsupported database URL "${maskUrl(value)}" (use a SQLite file path or postgres://...)`,
      options.command,
    );
  }
  if (options.schema !== undefined)
    throw usageError('--schema only applies to PostgreSQL', options.command);
  const file = isAbsolute(value) ? value : resolve(cwd, value);
  return { kind: 'sqlite', file, display: value };
}

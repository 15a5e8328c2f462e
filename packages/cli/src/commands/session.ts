import { rmSync } from 'node:fs';
import { canonicalTimeZone } from '@sellkit/core';
import { usageError } from '../cli/errors.js';
import { type CliSellkit, cliContext, composeSellkit } from '../db/compose.js';
import { type DatabaseState, type OpenDatabaseOptions, openDatabase } from '../db/open-database.js';
import { type DatabaseTarget, parseDatabaseTarget } from '../db/target.js';
import type { CommandInput } from './command.js';
import { DEFAULT_TENANT, stringOption } from './shared-options.js';

/** What a command works with once its database is open. */
export interface Session {
  readonly target: DatabaseTarget;
  /** What was at the target before (a new file, an empty schema, a Sellkit database). */
  readonly state: DatabaseState;
  readonly crm: CliSellkit;
  readonly tenantId: string;
  /** The tenant, as the CLI's administrator actor. */
  readonly admin: ReturnType<CliSellkit['as']>;
}

const TENANT = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The `--tenant` option, checked. */
export function tenantOption(input: CommandInput, command: string): string {
  const tenant = stringOption(input.options, 'tenant') ?? DEFAULT_TENANT;
  if (!TENANT.test(tenant)) {
    throw usageError('--tenant must be 1 to 64 letters, digits, _ . : or -', command);
  }
  return tenant;
}

/**
 * The `--time-zone` option, checked: an IANA zone in its canonical spelling, else `fallback`.
 * Anything else is a usage error before a database is opened.
 */
export function timeZoneOption(input: CommandInput, command: string, fallback = 'UTC'): string {
  const given = stringOption(input.options, 'time-zone');
  if (given === undefined) return fallback;
  const zone = canonicalTimeZone(given);
  if (zone === undefined) {
    throw usageError(`--time-zone ${given} is not an IANA time zone (e.g. Asia/Shanghai)`, command);
  }
  return zone;
}

/**
 * Opens `--db` (refusing what is not a Sellkit database), composes Sellkit on it, runs `work`
 * and always closes the connection, whatever happens.
 */
export async function withSession<T>(
  input: CommandInput,
  command: string,
  openOptions: OpenDatabaseOptions,
  work: (session: Session) => Promise<T>,
  timeZone = timeZoneOption(input, command),
): Promise<T> {
  const tenantId = tenantOption(input, command);
  const target = parseDatabaseTarget(stringOption(input.options, 'db'), input.io.cwd, {
    schema: stringOption(input.options, 'schema'),
    command,
  });
  const { storage, state } = await openDatabase(target, openOptions);
  let crm: CliSellkit | undefined;
  let failed = true;
  try {
    crm = await composeSellkit(storage, { tenantSettings: () => ({ timeZone }) });
    const result = await work({
      target,
      state,
      crm,
      tenantId,
      admin: crm.as(cliContext(tenantId)),
    });
    failed = false;
    return result;
  } finally {
    await (crm ? crm.close() : storage.close()).catch(() => {});
    // A database file this command created for a job that failed is removed again, so a
    // failed first import leaves the directory as it was.
    if (failed && state === 'missing' && target.kind === 'sqlite') removeSqliteFiles(target.file);
  }
}

/** Removes a SQLite file and its WAL companions, ignoring what is not there. */
export function removeSqliteFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

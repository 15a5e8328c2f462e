import { rmSync } from 'node:fs';
import { canonicalTimeZone } from '@sellkit/core';
import { usageError } from '../cli/errors.js';
import { type CliSellkit, cliContext, composeSellkit } from '../db/compose.js';
import { type DatabaseState, type OpenDatabaseOptions, openDatabase } from '../db/open-database.js';
import { type DatabaseTarget, parseDatabaseTarget } from '../db/target.js';
import type { StoredTenantSettings } from '../settings/tenant-settings.js';
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
  /** The tenant's time zone for this command (see {@link TimeZoneDefault}). */
  readonly timeZone: string;
}

/** Where a command's time zone comes from when neither `--time-zone` nor the database says. */
export interface TimeZoneDefault {
  /** The zone to use (default UTC; `sellkit demo`: its profile's). */
  readonly zone?: string;
  /** Store it for the tenant too (`sellkit demo` does, so later commands read the same zone). */
  readonly remember?: boolean;
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
 * The `--time-zone` option, checked: an IANA zone in its canonical spelling, or undefined when
 * it is not given. Anything else is a usage error before a database is opened.
 */
export function timeZoneOption(input: CommandInput, command: string): string | undefined {
  const given = stringOption(input.options, 'time-zone');
  if (given === undefined) return undefined;
  const zone = canonicalTimeZone(given);
  if (zone === undefined) {
    throw usageError(`--time-zone ${given} is not an IANA time zone (e.g. Asia/Shanghai)`, command);
  }
  return zone;
}

/**
 * Opens `--db` (refusing what is not a Sellkit database), composes Sellkit on it, settles the
 * tenant's time zone, runs `work` and always closes the connection, whatever happens.
 *
 * The zone: `--time-zone` when given (remembered for the tenant when it changes, with one line
 * on stderr), else the one remembered in the database, else `zoneDefault` (remembered when it
 * says so), else UTC. The kernel's tenant settings are read once here, before `work` runs.
 */
export async function withSession<T>(
  input: CommandInput,
  command: string,
  openOptions: OpenDatabaseOptions,
  work: (session: Session) => Promise<T>,
  zoneDefault: TimeZoneDefault = {},
): Promise<T> {
  const given = timeZoneOption(input, command);
  const tenantId = tenantOption(input, command);
  const target = parseDatabaseTarget(stringOption(input.options, 'db'), input.io.cwd, {
    schema: stringOption(input.options, 'schema'),
    command,
  });
  const { storage, state } = await openDatabase(target, openOptions);
  let crm: CliSellkit | undefined;
  let failed = true;
  try {
    let settings: StoredTenantSettings | undefined;
    // Read by the kernel (and cached) only once `settings` is settled below.
    crm = await composeSellkit(storage, {
      tenantSettings: (id) => (id === tenantId ? settings : undefined),
    });
    const admin = crm.as(cliContext(tenantId));
    settings = await settleTimeZone(admin, tenantId, given, zoneDefault, (line) =>
      input.io.stderr.write(`${line}\n`),
    );
    // Whatever was resolved before `settings` was known is asked again.
    crm.forgetTenantSettings();
    const result = await work({ target, state, crm, tenantId, admin, timeZone: settings.timeZone });
    failed = false;
    return result;
  } finally {
    await (crm ? crm.close() : storage.close()).catch(() => {});
    // A database file this command created for a job that failed is removed again, so a
    // failed first import leaves the directory as it was.
    if (failed && state === 'missing' && target.kind === 'sqlite') removeSqliteFiles(target.file);
  }
}

async function settleTimeZone(
  admin: Session['admin'],
  tenantId: string,
  given: string | undefined,
  zoneDefault: TimeZoneDefault,
  say: (line: string) => void,
): Promise<StoredTenantSettings> {
  const remembered = admin.cli.tenantSettings;
  const stored = await remembered.read();
  if (given !== undefined) {
    if (stored?.timeZone !== given) {
      await remembered.rememberTimeZone(given);
      say(
        stored === undefined
          ? `sellkit: tenant "${tenantId}" now has time zone ${given} (remembered for later commands)`
          : `sellkit: tenant "${tenantId}" time zone changed from ${stored.timeZone} to ${given} (remembered)`,
      );
    }
    return { ...stored, timeZone: given };
  }
  if (stored !== undefined) return stored;
  const zone = zoneDefault.zone ?? 'UTC';
  if (zoneDefault.remember) await remembered.rememberTimeZone(zone);
  return { timeZone: zone };
}

/** Removes a SQLite file and its WAL companions, ignoring what is not there. */
export function removeSqliteFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

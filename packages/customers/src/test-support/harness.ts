import {
  type AccessResolver,
  type AnyPlugin,
  createSellkit,
  createTestClock,
  type StorageAdapter,
  type TenantSettingsInput,
} from '@sellkit/core';
import { customers } from '../module.js';
import type { CustomersOptions } from '../options.js';

/**
 * Makes the storage adapter of one test. `schema` names the plugin set in use, so a factory
 * that shares one database between tests keeps a database per distinct schema.
 */
export type AdapterFactory = (schema?: string) => StorageAdapter | Promise<StorageAdapter>;

export const ADMIN = { id: 'admin-1', roles: ['admin'] } as const;
export const REP_1 = { id: 'rep-1', roles: ['sales-rep'] } as const;
export const REP_2 = { id: 'rep-2', roles: ['sales-rep'] } as const;
export const MANAGER = { id: 'mgr-1', roles: ['sales-manager'] } as const;
export const VIEWER = { id: 'viewer-1', roles: ['viewer'] } as const;

/** A stub of the team module's resolver: mgr-1 manages rep-1 (rep-2 is in another team). */
export const teamResolver: AccessResolver = {
  teamMemberIds: async (context) =>
    context.actor.id === 'mgr-1' ? ['mgr-1', 'rep-1'] : [context.actor.id],
  territoryIds: async (context) => context.actor.territoryIds ?? [],
};

/** Owners and territories known to the stub directories. */
export const KNOWN_OWNERS = new Set(['admin-1', 'rep-1', 'rep-2', 'mgr-1']);
export const KNOWN_TERRITORIES = new Set(['north', 'south', 'west']);

/** Directory stubs standing in for the team module. */
export const directories: Pick<CustomersOptions, 'owners' | 'territories'> = {
  owners: { exists: async (_scope, id) => KNOWN_OWNERS.has(id) },
  territories: { exists: async (_scope, id) => KNOWN_TERRITORIES.has(id) },
};

/**
 * Builds a Sellkit with the customers module on a fresh adapter, at 2026-03-01 09:00 UTC, for
 * a tenant with the given settings (UTC by default).
 */
export async function setup(
  factory: AdapterFactory,
  options: CustomersOptions = {},
  plugins: readonly AnyPlugin[] = [],
  start = '2026-03-01T09:00:00Z',
  tenantSettings: TenantSettingsInput = {},
) {
  const clock = createTestClock(start);
  const crm = await createSellkit({
    storage: await factory(plugins.map((plugin) => plugin.id).join('+')),
    modules: [customers({ ...directories, ...options })],
    plugins,
    clock,
    access: { resolver: teamResolver },
    tenantSettings: () => tenantSettings,
  });
  // A tenant of its own per test, so adapters shared between tests (PGlite) stay isolated.
  const tenantId = `acme-${Math.random().toString(36).slice(2, 10)}`;
  const as = (actor: { id: string; roles: readonly string[]; territoryIds?: readonly string[] }) =>
    crm.as({ tenantId, actor });
  return {
    crm,
    clock,
    tenantId,
    as,
    admin: as(ADMIN).customers,
    rep1: as(REP_1).customers,
    rep2: as(REP_2).customers,
    manager: as(MANAGER).customers,
    viewer: as(VIEWER).customers,
  };
}

/** Awaits a promise that must fail with a SellkitError of `code` (the core testing helper). */
export { expectSellkitError as expectError } from '@sellkit/core/testing';

/** Collects an async iterable of CSV lines into one string. */
export async function collect(lines: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const line of lines) text += line;
  return text;
}

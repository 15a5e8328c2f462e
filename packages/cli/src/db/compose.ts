import { catalog } from '@sellkit/catalog';
import {
  type AnyModel,
  type Clock,
  createSellkit,
  type SellkitContext,
  type SetupReport,
  type StorageAdapter,
  type TenantSettingsResolver,
} from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { orders } from '@sellkit/orders';
import { pipeline } from '@sellkit/pipeline';
import { team, teamDirectory } from '@sellkit/team';
import { cliSettings } from '../settings/tenant-settings.js';

/** The actor every CLI command acts as: an administrator of the tenant. */
export const CLI_ACTOR = { id: 'sellkit-cli', roles: ['admin'], name: 'sellkit command line' };

/**
 * The context of a CLI command in one tenant.
 *
 * @example
 * ```ts
 * const crm = await composeSellkit(createStorageAdapter(parseDatabaseTarget('crm.db', process.cwd())));
 * const admin = crm.as(cliContext('acme'));
 * ```
 */
export function cliContext(tenantId: string, clock?: Clock): SellkitContext {
  return { tenantId, actor: CLI_ACTOR, ...(clock ? { clock } : {}) };
}

/**
 * The CLI's approval policy for orders: a discount of 5 % or more needs the rep's manager (the
 * demo's revised quotes carry one, so some demo orders wait for approval).
 */
const CLI_ORDER_APPROVAL = {
  ruleSet: {
    id: 'cli-order-approval',
    version: 1,
    rules: [
      {
        id: 'discount',
        description: 'a discount of 5 % or more',
        condition: { fact: 'order.discountPercent', operator: 'gte', value: 5 },
        outcome: { tag: 'manager' },
      },
    ],
    bands: [],
  },
} as const;

/**
 * The modules every command composes, in one place, so `migrate` creates exactly the tables
 * that `demo`, `import` and `report` use.
 *
 * @example
 * ```ts
 * import { createSellkit, memory } from '@sellkit/core';
 * const crm = await createSellkit({ storage: memory(), modules: sellkitModules() });
 * ```
 */
export function sellkitModules() {
  return [
    catalog(),
    team(),
    customers({
      owners: { exists: (scope, id) => teamDirectory(scope).ownerExists(id) },
      territories: { exists: (scope, id) => teamDirectory(scope).territoryExists(id) },
    }),
    pipeline(),
    orders({ approval: CLI_ORDER_APPROVAL }),
    // The CLI's own: each tenant's remembered calendar (--time-zone).
    cliSettings(),
  ] as const;
}

/** Options of {@link composeSellkit}. */
export interface ComposeOptions {
  readonly clock?: Clock;
  /** The tenants' calendars (time zone, week start, fiscal year); every tenant UTC if left out. */
  readonly tenantSettings?: TenantSettingsResolver;
}

/**
 * Composes Sellkit the way every CLI command does: catalog, team, customers (owners and
 * territories checked against the team directory), pipeline, orders and the CLI's remembered tenant
 * settings on one storage adapter.
 * Creating it migrates the storage (tables, columns, indexes).
 *
 * @example
 * ```ts
 * import { sqlite } from '@sellkit/storage-kysely';
 * const crm = await composeSellkit(sqlite({ file: 'crm.db' }));
 * const admin = crm.as(cliContext('default'));
 * ```
 */
export function composeSellkit(storage: StorageAdapter, options: ComposeOptions = {}) {
  return createSellkit({
    storage,
    modules: sellkitModules(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.tenantSettings ? { tenantSettings: options.tenantSettings } : {}),
  });
}

/** A composed CLI instance. */
export type CliSellkit = Awaited<ReturnType<typeof composeSellkit>>;

/**
 * Plans the migration of `storage` without applying it: composes Sellkit exactly as the
 * commands do, on an adapter whose `setup` runs as a dry run, and returns the statements.
 *
 * @example
 * ```ts
 * import { sqlite } from '@sellkit/storage-kysely';
 * const plan = await planMigration(sqlite({ file: 'crm.db' }));
 * console.log(plan.statements.join(';\n')); // nothing is written
 * ```
 */
export async function planMigration(storage: StorageAdapter): Promise<SetupReport> {
  return runSetup(storage, true);
}

/**
 * Applies the migration (the same composition) and returns the statements applied.
 *
 * @example
 * ```ts
 * import { sqlite } from '@sellkit/storage-kysely';
 * const applied = await applyMigration(sqlite({ file: 'crm.db' }));
 * applied.statements.length; // 0 when the database was already up to date
 * ```
 */
export async function applyMigration(storage: StorageAdapter): Promise<SetupReport> {
  return runSetup(storage, false);
}

async function runSetup(storage: StorageAdapter, dryRun: boolean): Promise<SetupReport> {
  const statements: string[] = [];
  const recording: StorageAdapter = {
    name: storage.name,
    async setup(models: readonly AnyModel[]) {
      const report = await storage.setup(models, { dryRun });
      statements.push(...report.statements);
      return report;
    },
    forTenant: (tenantId, tenantOptions) => storage.forTenant(tenantId, tenantOptions),
    // Closing is the caller's business: it owns `storage`.
    close: async () => {},
  };
  await composeSellkit(recording);
  return { statements };
}

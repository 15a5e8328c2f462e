import {
  defineModel,
  defineModule,
  field,
  type InferRecord,
  type ModuleScope,
  type TenantSettingsInput,
} from '@sellkit/core';

/**
 * A tenant's calendar as the CLI remembers it in the database it works on: one row per tenant,
 * so `sellkit report` reads the Chinese demo tenant's months in Asia/Shanghai without being
 * told again. Owned by the CLI, not by a domain module: a host embedding Sellkit passes its
 * own `tenantSettings` resolver to `createSellkit`.
 */
export const cliTenantSettings = defineModel({
  name: 'cliTenantSettings',
  idPrefix: 'cts',
  description: "The CLI's remembered calendar of a tenant (time zone, week start, fiscal year).",
  fields: {
    timeZone: field.text({ required: true, maxLength: 64 }),
    weekStartsOn: field.integer({ min: 0, max: 6 }),
    fiscalYearStartMonth: field.integer({ min: 1, max: 12 }),
    locale: field.text({ maxLength: 64 }),
    country: field.text({ maxLength: 2 }),
  },
});

/** A tenant's remembered settings row. */
export type CliTenantSettingsRecord = InferRecord<typeof cliTenantSettings>;

/** What the CLI keeps of a tenant's calendar, in the shape `createSellkit` takes. */
export type StoredTenantSettings = TenantSettingsInput & { readonly timeZone: string };

/** The services of {@link cliSettings}: `crm.as(context).cli.tenantSettings`. */
export interface CliSettingsService {
  readonly tenantSettings: {
    /** The tenant's remembered settings, or undefined when nothing was stored yet. */
    read(): Promise<StoredTenantSettings | undefined>;
    /** Remembers the tenant's time zone (creating its row, or changing only the zone). */
    rememberTimeZone(timeZone: string): Promise<void>;
  };
}

function toSettings(row: CliTenantSettingsRecord): StoredTenantSettings {
  return {
    timeZone: row.timeZone,
    ...(row.weekStartsOn == null ? {} : { weekStartsOn: row.weekStartsOn }),
    ...(row.fiscalYearStartMonth == null ? {} : { fiscalYearStartMonth: row.fiscalYearStartMonth }),
    ...(row.locale == null ? {} : { locale: row.locale }),
    ...(row.country == null ? {} : { country: row.country }),
  };
}

function createCliSettingsService(scope: ModuleScope): CliSettingsService {
  return {
    tenantSettings: {
      async read() {
        const [row] = (
          await scope.records(cliTenantSettings).find({ orderBy: [{ field: 'id' }], limit: 1 })
        ).rows;
        return row ? toSettings(row) : undefined;
      },
      async rememberTimeZone(timeZone) {
        await scope.transaction(async (tx) => {
          const records = tx.records(cliTenantSettings);
          const [row] = (await records.find({ orderBy: [{ field: 'id' }], limit: 1 })).rows;
          if (row === undefined) await records.create({ timeZone });
          else if (row.timeZone !== timeZone) await records.update(row.id, { timeZone });
        });
      },
    },
  };
}

/**
 * The CLI's own small module: the {@link cliTenantSettings} model (so `sellkit migrate`
 * creates its table) and the services that read and write it through the kernel's door.
 *
 * @example
 * ```ts
 * import { createSellkit, memory } from '@sellkit/core';
 * const crm = await createSellkit({ storage: memory(), modules: [cliSettings()] });
 * const admin = crm.as({ tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } });
 * await admin.cli.tenantSettings.rememberTimeZone('Asia/Shanghai');
 * (await admin.cli.tenantSettings.read())?.timeZone; // 'Asia/Shanghai'
 * ```
 */
export function cliSettings() {
  return defineModule({
    id: 'cli',
    models: { cliTenantSettings },
    services: (scope) => createCliSettingsService(scope),
  });
}

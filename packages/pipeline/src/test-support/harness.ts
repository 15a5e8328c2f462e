import { randomBytes } from 'node:crypto';
import { catalog, type Product } from '@sellkit/catalog';
import {
  type AccessResolver,
  type Actor,
  createSellkit,
  createTestClock,
  Money,
  type StorageAdapter,
  type TenantSettingsInput,
} from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { pipeline } from '../module.js';
import type { PipelineOptions } from '../options.js';

/**
 * Gives a test its storage adapter: a fresh one, or one shared by the tests of a file (PGlite,
 * PostgreSQL), which is why every `setup` works in a tenant of its own.
 */
export type AdapterFactory = () => StorageAdapter | Promise<StorageAdapter>;

/** A tenant id no other test uses, so tests sharing a database never see each other's rows. */
export function freshTenant(): string {
  return `acme-${randomBytes(5).toString('hex')}`;
}

/** The fixed tenant of single-test Sellkits on a private memory adapter; suites use `setup`. */
export const TENANT = 'acme';
export const ADMIN = { tenantId: TENANT, actor: { id: 'admin-1', roles: ['admin'] } };
export const REP_1 = { tenantId: TENANT, actor: { id: 'rep-1', roles: ['sales-rep'] } };
export const REP_2 = { tenantId: TENANT, actor: { id: 'rep-2', roles: ['sales-rep'] } };
export const MANAGER = { tenantId: TENANT, actor: { id: 'mgr-1', roles: ['sales-manager'] } };

/** mgr-1 manages rep-1 (rep-2 is in another team). */
export const teamResolver: AccessResolver = {
  teamMemberIds: async (context) =>
    context.actor.id === 'mgr-1' ? ['mgr-1', 'rep-1'] : [context.actor.id],
  territoryIds: async (context) => context.actor.territoryIds ?? [],
};

export const usd = (amount: string) => Money.of(amount, 'USD');

export const START = '2026-03-02T09:00:00.000Z';
export const DAY = 86_400_000;

/**
 * A Sellkit with customers, catalog (USD) and pipeline, in a fresh tenant of the adapter
 * `factory` gives, with three products. `as` opens the same tenant for any other actor. The
 * clock starts at `START` and the tenant is UTC unless `time` says otherwise.
 */
export async function setup(
  factory: AdapterFactory,
  options: PipelineOptions = {},
  time: { start?: string; tenantSettings?: TenantSettingsInput } = {},
) {
  const clock = createTestClock(time.start ?? START);
  const crm = await createSellkit({
    storage: await factory(),
    modules: [customers(), catalog({ currency: 'USD' }), pipeline(options)],
    clock,
    access: { resolver: teamResolver },
    tenantSettings: () => time.tenantSettings,
  });
  const tenantId = freshTenant();
  const as = (actor: Actor) => crm.as({ tenantId, actor });
  const admin = as(ADMIN.actor);
  const products: Record<string, Product> = {
    pro: await admin.catalog.products.create({
      name: 'GTX Pro',
      series: 'GTX',
      listPrice: usd('4821'),
    }),
    special: await admin.catalog.products.create({
      name: 'MG Special',
      series: 'MG',
      listPrice: usd('55'),
    }),
    gtk: await admin.catalog.products.create({
      name: 'GTK 500',
      series: 'GTK',
      listPrice: usd('26768'),
    }),
  };
  return {
    crm,
    clock,
    tenantId,
    as,
    admin,
    rep1: as(REP_1.actor),
    rep2: as(REP_2.actor),
    manager: as(MANAGER.actor),
    products,
  };
}

/** Awaits a promise that must fail with a SellkitError of `code` (the core testing helper). */
export { expectSellkitError as expectCode } from '@sellkit/core/testing';

/** The Maven CRM data set kept in the repository (`examples/data/maven-crm`). */
export const MAVEN_DIR = new URL('../../../../examples/data/maven-crm/', import.meta.url).pathname;

import { createSellkit, createTestClock, type StorageAdapter } from '@sellkit/core';
import { catalog } from '../module.js';
import type { CatalogOptions } from '../options.js';

/** Makes a fresh storage adapter for one test. */
export type AdapterFactory = () => StorageAdapter | Promise<StorageAdapter>;

export const ADMIN = { tenantId: 'acme', actor: { id: 'admin-1', roles: ['admin'] } };
export const REP = { tenantId: 'acme', actor: { id: 'rep-1', roles: ['sales-rep'] } };
export const CATALOG_MANAGER = {
  tenantId: 'acme',
  actor: { id: 'cm-1', roles: ['catalog-manager'] },
};

/** A Sellkit with the catalog module on a fresh adapter. */
export async function setup(factory: AdapterFactory, options: CatalogOptions = {}) {
  const clock = createTestClock('2026-03-01T09:00:00Z');
  const crm = await createSellkit({ storage: await factory(), modules: [catalog(options)], clock });
  return { crm, clock, admin: crm.as(ADMIN), rep: crm.as(REP) };
}

/** Awaits a promise that must fail with a SellkitError of `code` (the core testing helper). */
export { expectSellkitError as expectCode } from '@sellkit/core/testing';

/** The Maven CRM data set, kept in the repository (`examples/data/maven-crm`). */
export const MAVEN_DIR = new URL('../../../../examples/data/maven-crm/', import.meta.url).pathname;

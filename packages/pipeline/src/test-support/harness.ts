import { catalog, type Product } from '@sellkit/catalog';
import {
  type AccessResolver,
  createSellkit,
  createTestClock,
  isSellkitError,
  Money,
  memory,
  type StorageAdapter,
} from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { sqlite } from '@sellkit/storage-kysely';
import { expect } from 'vitest';
import { pipeline } from '../module.js';
import type { PipelineOptions } from '../options.js';

/** Makes a fresh storage adapter for one test. */
export type AdapterFactory = () => StorageAdapter | Promise<StorageAdapter>;

/** Every adapter the service suites run on. */
export const ADAPTERS: readonly { name: string; create: AdapterFactory }[] = [
  { name: 'memory', create: () => memory() },
  { name: 'sqlite', create: () => sqlite({ memory: true }) },
];

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

/** A Sellkit with customers, catalog (USD) and pipeline on a fresh adapter, and three products. */
export async function setup(factory: AdapterFactory, options: PipelineOptions = {}) {
  const clock = createTestClock(START);
  const crm = await createSellkit({
    storage: await factory(),
    modules: [customers(), catalog({ currency: 'USD' }), pipeline(options)],
    clock,
    access: { resolver: teamResolver },
  });
  const admin = crm.as(ADMIN);
  const products: Record<string, Product> = {
    pro: await admin.catalog.createProduct({
      name: 'GTX Pro',
      series: 'GTX',
      listPrice: usd('4821'),
    }),
    special: await admin.catalog.createProduct({
      name: 'MG Special',
      series: 'MG',
      listPrice: usd('55'),
    }),
    gtk: await admin.catalog.createProduct({
      name: 'GTK 500',
      series: 'GTK',
      listPrice: usd('26768'),
    }),
  };
  return {
    crm,
    clock,
    admin,
    rep1: crm.as(REP_1),
    rep2: crm.as(REP_2),
    manager: crm.as(MANAGER),
    products,
  };
}

/** Resolves with the SellkitError `promise` rejects with, checking its code. */
export async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isSellkitError(error), `expected SellkitError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as {
    code: string;
    message: string;
    details: { issues?: { path: string; reason: string }[] };
  };
}

/** The Maven CRM data set (`shared/` beside the repository). */
export const MAVEN_DIR = new URL('../../../../../shared/datasets/maven-crm/', import.meta.url)
  .pathname;

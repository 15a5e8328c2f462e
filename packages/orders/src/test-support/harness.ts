import { randomBytes } from 'node:crypto';
import { catalog, type Product, VAT_SEED } from '@sellkit/catalog';
import {
  type AccessResolver,
  type Actor,
  createSellkit,
  createTestClock,
  Money,
  type StorageAdapter,
  type TenantSettingsInput,
  toDecimal,
} from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { pipeline } from '@sellkit/pipeline';
import { type TeamOptions, team } from '@sellkit/team';
import { orders } from '../module.js';
import type { OrdersOptions } from '../options.js';

/** Gives a test its storage adapter (fresh, or shared by a file's tests). */
export type AdapterFactory = () => StorageAdapter | Promise<StorageAdapter>;

/** A tenant id no other test uses. */
export function freshTenant(): string {
  return `acme-${randomBytes(5).toString('hex')}`;
}

export const START = '2026-03-02T09:00:00.000Z';
/** A stored decimal without the trailing zeros an adapter may pad it with. */
export const plain = (value: string | undefined) =>
  value === undefined ? undefined : toDecimal(value).toFixed();

export const cny = (amount: string) => Money.of(amount, 'CNY');

/** mgr-1 manages rep-1 (rep-2 is in another team). */
export const teamResolver: AccessResolver = {
  teamMemberIds: async (context) =>
    context.actor.id === 'mgr-1' ? ['mgr-1', 'rep-1'] : [context.actor.id],
  territoryIds: async (context) => context.actor.territoryIds ?? [],
};

/** Options of {@link setup}. */
export interface SetupOptions {
  readonly orders?: OrdersOptions;
  readonly team?: TeamOptions;
  readonly outbox?: boolean;
  readonly tenantSettings?: TenantSettingsInput;
  readonly plugins?: Parameters<typeof createSellkit>[0]['plugins'];
}

/**
 * A Sellkit with team, customers, catalog (CNY), pipeline and orders, in a
 * fresh tenant, with three products and a company in China with a shipping address.
 */
export async function setup(factory: AdapterFactory, options: SetupOptions = {}) {
  const clock = createTestClock(START);
  const crm = await createSellkit({
    storage: await factory(),
    modules: [
      team(options.team),
      customers(),
      catalog({ currency: 'CNY' }),
      pipeline(),
      orders({ jurisdiction: 'CN', ...options.orders }),
    ],
    clock,
    // The team module is there for approvers; who sees whose records stays this fixed resolver.
    access: { resolver: teamResolver },
    tenantSettings: () => options.tenantSettings,
    outbox: options.outbox ?? false,
    ...(options.plugins ? { plugins: options.plugins } : {}),
  });
  const tenantId = freshTenant();
  const as = (actor: Actor) => crm.as({ tenantId, actor });
  const admin = as({ id: 'admin-1', roles: ['admin'] });
  const products: Record<string, Product> = {
    pump: await admin.catalog.products.create({
      name: 'Pump P-200',
      sku: 'P-200',
      listPrice: cny('1200'),
    }),
    valve: await admin.catalog.products.create({
      name: 'Valve V-10',
      sku: 'V-10',
      listPrice: cny('35.50'),
    }),
    old: await admin.catalog.products.create({
      name: 'Legacy L-1',
      sku: 'L-1',
      listPrice: cny('10'),
    }),
  };
  await admin.catalog.products.deactivate(products.old?.id ?? '');
  await admin.catalog.taxes.seed(VAT_SEED);
  const company = await admin.customers.companies.create({
    name: 'Cancity Trading',
    country: 'CN',
    ownerId: 'rep-1',
    externalId: 'ERP-C-1',
    addresses: [
      { kind: 'billing', street: '中关村大街1号', city: '北京', country: 'CN' },
      { kind: 'shipping', street: '仓库路 8 号', city: '天津', country: 'CN' },
    ],
  });
  return {
    crm,
    clock,
    tenantId,
    as,
    admin,
    rep1: as({ id: 'rep-1', roles: ['sales-rep'] }),
    rep2: as({ id: 'rep-2', roles: ['sales-rep'] }),
    manager: as({ id: 'mgr-1', roles: ['sales-manager'] }),
    products: products as { pump: Product; valve: Product; old: Product },
    company,
  };
}

/** Awaits a promise that must fail with a SellkitError of `code`. */
export { expectSellkitError as expectCode } from '@sellkit/core/testing';

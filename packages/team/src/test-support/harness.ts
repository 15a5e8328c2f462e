import {
  type AnyPlugin,
  createSellkit,
  createTestClock,
  type TenantSettingsInput,
} from '@sellkit/core';
import { team } from '../module.js';
import type { TeamOptions } from '../options.js';
import type { AdapterFactory } from './adapters.js';
import { leads } from './leads-module.js';

export const TENANT = 'acme';

const open: { close(): Promise<void> }[] = [];

/** Closes every Sellkit built by {@link setup} since the last call (use in `afterEach`). */
export async function closeAll(): Promise<void> {
  for (const crm of open.splice(0)) await crm.close();
}
export const ADMIN = { id: 'admin-1', roles: ['admin'] } as const;

/**
 * Builds Sellkit with the team module and a test `lead` model, at 2026-03-01 09:00 UTC, for a
 * tenant with the given settings (UTC by default).
 */
export async function setup(
  factory: AdapterFactory,
  options: TeamOptions = {},
  start = '2026-03-01T09:00:00Z',
  plugins: readonly AnyPlugin[] = [],
  tenantSettings: TenantSettingsInput = {},
) {
  const clock = createTestClock(start);
  const crm = await createSellkit({
    storage: await factory(),
    modules: [team({ openRecords: { lead: { status: 'open' } }, ...options }), leads()],
    plugins,
    clock,
    tenantSettings: () => tenantSettings,
  });
  open.push(crm);
  const as = (actor: { id: string; roles: readonly string[]; territoryIds?: readonly string[] }) =>
    crm.as({ tenantId: TENANT, actor });
  const admin = as(ADMIN);
  const events: { name: string; payload: unknown }[] = [];
  crm.events.onAny((name, payload) => {
    events.push({ name, payload });
  });
  /** Events seen so far with this name (after the bus went idle). */
  async function seen(name: string): Promise<unknown[]> {
    await crm.events.idle();
    return events.filter((event) => event.name === name).map((event) => event.payload);
  }
  return { crm, clock, as, admin, team: admin.team, seen };
}

/** What {@link setup} returns. */
export type Harness = Awaited<ReturnType<typeof setup>>;

/** Awaits a promise that must fail with a SellkitError of `code` (the core testing helper). */
export { expectSellkitError as expectError } from '@sellkit/core/testing';

/** A small organisation: a VP, two managers, four reps, for hierarchy and access tests. */
export async function seedOrg(h: Harness) {
  const vp = await h.team.reps.create({ userId: 'u-vp', name: 'Vera VP', seniority: 'lead' });
  const north = await h.team.reps.create({
    userId: 'u-mgr-n',
    name: 'Nina North',
    seniority: 'lead',
    reportsToId: vp.id,
  });
  const south = await h.team.reps.create({
    userId: 'u-mgr-s',
    name: 'Sam South',
    seniority: 'senior',
    reportsToId: vp.id,
  });
  const ann = await h.team.reps.create({ userId: 'u-ann', name: 'Ann', reportsToId: north.id });
  const bob = await h.team.reps.create({
    userId: 'u-bob',
    name: 'Bob',
    seniority: 'senior',
    reportsToId: north.id,
  });
  const cid = await h.team.reps.create({ userId: 'u-cid', name: 'Cid', reportsToId: south.id });
  const dee = await h.team.reps.create({ userId: 'u-dee', name: 'Dee', reportsToId: ann.id });
  return { vp, north, south, ann, bob, cid, dee };
}

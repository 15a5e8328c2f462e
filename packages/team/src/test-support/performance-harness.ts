import { createSellkit, createTestClock, Money, type TenantSettingsInput } from '@sellkit/core';
import { team } from '../module.js';
import type { TeamOptions } from '../options.js';
import type { AdapterFactory } from './adapters.js';
import { ADMIN, TENANT } from './harness.js';
import { salesRecords } from './sales-records.js';

const open: { close(): Promise<void> }[] = [];

/** Closes every Sellkit built by {@link setupPerformance} (use in `afterEach`). */
export async function closePerformance(): Promise<void> {
  for (const crm of open.splice(0)) await crm.close();
}

/**
 * Sellkit with the team module and stand-in opportunities and interactions, at
 * 2026-04-15 09:00 UTC, EUR quotas by default.
 */
export async function setupPerformance(
  factory: AdapterFactory,
  options: TeamOptions = { performance: { currency: 'EUR' } },
  tenantSettings: TenantSettingsInput = {},
) {
  const clock = createTestClock('2026-04-15T09:00:00Z');
  const crm = await createSellkit({
    storage: await factory(),
    modules: [team(options), salesRecords()],
    clock,
    tenantSettings: () => tenantSettings,
  });
  open.push(crm);
  const as = (actor: { id: string; roles: readonly string[] }) =>
    crm.as({ tenantId: TENANT, actor });
  const admin = as(ADMIN);
  const events: { name: string; payload: unknown }[] = [];
  crm.events.onAny((name, payload) => {
    events.push({ name, payload });
  });
  async function seen(name: string): Promise<unknown[]> {
    await crm.events.idle();
    return events.filter((event) => event.name === name).map((event) => event.payload);
  }
  const deals = admin.records.opportunity;
  /** A won deal of `amount` EUR (or `currency`) closed on `closeDate`, owned by `ownerId`. */
  const won = (
    ownerId: string,
    closeDate: string,
    amount: string,
    extra: { cycleDays?: number; currency?: string } = {},
  ) =>
    deals.create({
      title: `deal ${closeDate}`,
      ownerId,
      status: 'won',
      amount: Money.of(amount, extra.currency ?? 'EUR'),
      closeDate,
      ...(extra.cycleDays === undefined ? {} : { cycleDays: extra.cycleDays }),
    });
  const lost = (ownerId: string, closeDate: string) =>
    deals.create({ title: `lost ${closeDate}`, ownerId, status: 'lost', closeDate });
  const call = (ownerId: string, occurredAt: string) =>
    admin.records.interaction.create({ type: 'call', ownerId, occurredAt: new Date(occurredAt) });
  return { crm, clock, as, admin, team: admin.team, seen, won, lost, call };
}

/** What {@link setupPerformance} returns. */
export type PerformanceHarness = Awaited<ReturnType<typeof setupPerformance>>;

/** Three reps in two teams: Ana and Bob in West, Cid in East (all from 2026-01-01). */
export async function seedSalesOrg(h: PerformanceHarness) {
  const ana = await h.team.reps.create({ userId: 'u-ana', name: 'Ana', hireDate: '2024-01-01' });
  const bob = await h.team.reps.create({ userId: 'u-bob', name: 'Bob', hireDate: '2024-01-01' });
  const cid = await h.team.reps.create({ userId: 'u-cid', name: 'Cid', hireDate: '2024-01-01' });
  const west = await h.team.teams.create({ name: 'West' });
  const east = await h.team.teams.create({ name: 'East' });
  await h.team.teams.addMember(west.id, ana.id, { from: '2026-01-01' });
  await h.team.teams.addMember(west.id, bob.id, { from: '2026-01-01' });
  await h.team.teams.addMember(east.id, cid.id, { from: '2026-01-01' });
  return { ana, bob, cid, west, east };
}

import { createSellkit, createTestClock, Money } from '@sellkit/core';
import { team } from '../module.js';
import type { TeamOptions } from '../options.js';
import type { AdapterFactory } from './adapters.js';
import { commissionRecords } from './commission-records.js';
import { ADMIN, TENANT } from './harness.js';

const open: { close(): Promise<void> }[] = [];

/** Closes every Sellkit built by {@link setupCommissions} (use in `afterEach`). */
export async function closeCommissions(): Promise<void> {
  for (const crm of open.splice(0)) await crm.close();
}

/**
 * Sellkit with the team module and stand-in deals, lines and products, at 2026-03-01 09:00
 * UTC, EUR quotas.
 */
export async function setupCommissions(
  factory: AdapterFactory,
  options: TeamOptions = { performance: { currency: 'EUR' } },
) {
  const clock = createTestClock('2026-03-01T09:00:00Z');
  const crm = await createSellkit({
    storage: await factory(),
    modules: [team(options), commissionRecords()],
    clock,
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
  /** A won deal of `amount` EUR closed on `closeDate`, owned by `ownerId`. */
  const won = (
    ownerId: string,
    closeDate: string,
    amount: string,
    extra: { title?: string; companyId?: string; currency?: string } = {},
  ) =>
    deals.create({
      title: extra.title ?? `deal ${closeDate} ${amount}`,
      ownerId,
      status: 'won',
      amount: Money.of(amount, extra.currency ?? 'EUR'),
      closeDate,
      ...(extra.companyId ? { companyId: extra.companyId } : {}),
    });
  /** Moves the clock to a UTC instant. */
  const at = async (iso: string) => clock.set(iso);
  const quota = (repId: string, periodKey: string, target: string, currency = 'EUR') =>
    admin.team.quotas.set({
      subjectType: 'rep',
      subjectId: repId,
      measure: 'won-revenue',
      periodKey,
      target,
      currency,
      effectiveFrom: '2026-01-01',
    });
  return {
    crm,
    clock,
    as,
    admin,
    team: admin.team,
    c: admin.team.commissions,
    seen,
    won,
    deals,
    at,
    quota,
  };
}

/** What {@link setupCommissions} returns. */
export type CommissionHarness = Awaited<ReturnType<typeof setupCommissions>>;

/** Ana and Bob (senior), Cid (junior); Nina manages the West team of Ana and Bob. */
export async function seedCommissionOrg(h: CommissionHarness) {
  const nina = await h.team.reps.create({ userId: 'u-nina', name: 'Nina', seniority: 'lead' });
  const ana = await h.team.reps.create({
    userId: 'u-ana',
    name: 'Ana',
    seniority: 'senior',
    reportsToId: nina.id,
  });
  const bob = await h.team.reps.create({
    userId: 'u-bob',
    name: 'Bob',
    seniority: 'senior',
    reportsToId: nina.id,
  });
  const cid = await h.team.reps.create({ userId: 'u-cid', name: 'Cid', seniority: 'junior' });
  const west = await h.team.teams.create({ name: 'West', managerRepId: nina.id });
  await h.team.teams.addMember(west.id, ana.id, { from: '2026-01-01' });
  await h.team.teams.addMember(west.id, bob.id, { from: '2026-01-01' });
  return { nina, ana, bob, cid, west };
}

/** Amounts of a list of Money-bearing lines as strings, for compact assertions. */
export function amounts(lines: readonly { amount: Money }[]): string[] {
  return lines.map((line) => line.amount.toString());
}

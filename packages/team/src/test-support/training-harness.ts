import { createSellkit, createTestClock, type TenantSettingsInput } from '@sellkit/core';
import { team } from '../module.js';
import type { TeamOptions } from '../options.js';
import type { AdapterFactory } from './adapters.js';
import { ADMIN, TENANT } from './harness.js';
import { interaction, opportunity, outcomes, stageChange } from './outcomes-module.js';

const open: { close(): Promise<void> }[] = [];

/** Closes every Sellkit built by {@link setupTraining} (use in `afterEach`). */
export async function closeTraining(): Promise<void> {
  for (const crm of open.splice(0)) await crm.close();
}

/**
 * Sellkit with the team module and stand-in `opportunity` / `interaction` models, at `start`,
 * for a tenant with the given settings; `deal` and `touch` write outcomes directly.
 */
export async function setupTraining(
  factory: AdapterFactory,
  options: { team?: TeamOptions; start?: string; tenant?: TenantSettingsInput } = {},
) {
  const clock = createTestClock(options.start ?? '2026-03-01T09:00:00Z');
  const crm = await createSellkit({
    storage: await factory(),
    modules: [team(options.team ?? {}), outcomes()],
    clock,
    tenantSettings: () => options.tenant ?? {},
  });
  open.push(crm);
  const admin = crm.as({ tenantId: TENANT, actor: ADMIN });
  const names: { name: string; payload: unknown }[] = [];
  crm.events.onAny((name, payload) => {
    names.push({ name, payload });
  });
  async function seen(name: string): Promise<unknown[]> {
    await crm.events.idle();
    return names.filter((event) => event.name === name).map((event) => event.payload);
  }
  const outcomeRecords = admin.scope;
  /** Closed deals of an owner: `won` won and `lost` lost, closed at `closedAt`. */
  async function deals(
    ownerId: string,
    counts: { won: number; lost: number; cycleDays?: number; productId?: string },
    closedAt: string,
  ) {
    const rows = [];
    for (let index = 0; index < counts.won + counts.lost; index += 1) {
      rows.push({
        title: `${ownerId} ${index}`,
        ownerId,
        status: index < counts.won ? ('won' as const) : ('lost' as const),
        closedAt: new Date(closedAt),
        cycleDays: counts.cycleDays ?? 30,
        ...(counts.productId ? { primaryProductId: counts.productId } : {}),
      });
    }
    // internal: test data written straight to storage
    await outcomeRecords.internal(opportunity).insert(rows);
    // Every deal left `proposal` for its outcome.
    await outcomeRecords.internal(stageChange).insert(
      rows.map((row) => ({
        ownerId,
        fromStage: 'proposal',
        toStage: row.status,
        changedAt: row.closedAt,
        reason: row.status,
      })),
    );
  }
  /** `count` interactions owned by `ownerId` at `at`. */
  async function touches(ownerId: string, count: number, at: string) {
    const rows = Array.from({ length: count }, () => ({ ownerId, occurredAt: new Date(at) }));
    if (rows.length > 0) await outcomeRecords.internal(interaction).insert(rows);
  }
  return {
    crm,
    clock,
    admin,
    training: admin.team.training,
    team: admin.team,
    seen,
    deals,
    touches,
  };
}

/** What {@link setupTraining} returns. */
export type TrainingHarness = Awaited<ReturnType<typeof setupTraining>>;

import { describe, expect, it } from 'vitest';
import { createTestClock } from '../context/clock.js';
import { isSellkitError } from '../errors/sellkit-error.js';
import { memory } from '../storage/memory/index.js';
import { createSellkit } from './create-sellkit.js';
import { defineModule } from './definitions.js';
import { deals } from './test-support/deals-module.js';

const actor = { id: 'scheduler', roles: ['admin'] } as const;

async function setup() {
  const clock = createTestClock('2026-03-01T09:00:00Z');
  const ticks: { tenantId: string; now: string }[] = [];
  const probe = defineModule({
    id: 'probe',
    jobs: {
      record: async (scope, now) => {
        ticks.push({ tenantId: scope.context.tenantId, now: now.toISOString() });
        if (scope.context.tenantId === 'broken') throw new Error('job failed');
      },
    },
  });
  const crm = await createSellkit({ storage: memory(), modules: [deals(), probe], clock });
  return { crm, clock, ticks };
}

async function failure(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('crm.scheduler.tickAll', () => {
  it('ticks every tenant once, in order, at one now, and emits per tenant', async () => {
    const { crm, ticks } = await setup();
    await crm.as({ tenantId: 'acme', actor }).deals.create({ title: 'A' });
    await crm.as({ tenantId: 'globex', actor }).deals.create({ title: 'G' });
    const reminded: string[] = [];
    crm.events.on('deal.reminder', (event) => {
      reminded.push(event.dealId);
    });
    const report = await crm.scheduler.tickAll(['acme', 'globex'], { actor });
    expect(report.ok).toBe(true);
    expect(report.now.toISOString()).toBe('2026-03-01T09:00:00.000Z');
    expect(report.tenants.map((tenant) => tenant.tenantId)).toEqual(['acme', 'globex']);
    expect(report.tenants[0]?.jobs.map((job) => job.name)).toEqual([
      'deals.reminders',
      'probe.record',
    ]);
    expect(ticks).toEqual([
      { tenantId: 'acme', now: '2026-03-01T09:00:00.000Z' },
      { tenantId: 'globex', now: '2026-03-01T09:00:00.000Z' },
    ]);
    expect(reminded).toHaveLength(2);
    // Exactly once per tenant, across ticks.
    await crm.scheduler.tickAll(['acme', 'globex'], {
      actor,
      now: new Date('2026-03-01T10:00:00Z'),
    });
    expect(reminded).toHaveLength(2);
    expect(ticks.at(-1)).toEqual({ tenantId: 'globex', now: '2026-03-01T10:00:00.000Z' });
  });

  it('reports a failing job and carries on with the other tenants', async () => {
    const { crm, ticks } = await setup();
    const report = await crm.scheduler.tickAll(['broken', 'acme'], { actor });
    expect(report.ok).toBe(false);
    expect(report.tenants[0]?.jobs.find((job) => job.name === 'probe.record')).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: 'job failed' }),
    });
    expect(report.tenants[1]?.jobs.every((job) => job.ok)).toBe(true);
    expect(ticks.map((tick) => tick.tenantId)).toEqual(['broken', 'acme']);
  });

  it('refuses bad input before any job runs', async () => {
    const { crm, ticks } = await setup();
    const duplicate = await failure(crm.scheduler.tickAll(['acme', 'acme'], { actor }));
    expect(isSellkitError(duplicate, 'VALIDATION_FAILED')).toBe(true);
    const badTenant = await failure(crm.scheduler.tickAll(['acme', 'a b'], { actor }));
    expect(isSellkitError(badTenant)).toBe(true);
    const noActor = await failure(
      crm.scheduler.tickAll(['acme'], undefined as unknown as { actor: typeof actor }),
    );
    expect(isSellkitError(noActor, 'MISSING_CONTEXT')).toBe(true);
    expect(ticks).toEqual([]);
    expect((await crm.scheduler.tickAll([], { actor })).tenants).toEqual([]);
  });
});

import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestClock } from '../context/clock.js';
import type { SellkitContext } from '../context/context.js';
import type { SellkitErrorCode } from '../errors/sellkit-error.js';
import { isSellkitError, type SellkitError } from '../errors/sellkit-error.js';
import { field } from '../model/fields.js';
import { Money } from '../money/money.js';
import { defineOperator } from '../scoring/operators/define-operator.js';
import { memory } from '../storage/memory/index.js';
import { createSellkit } from './create-sellkit.js';
import { defineModule, definePlugin } from './definitions.js';
import { deals } from './test-support/deals-module.js';

const admin = { tenantId: 'acme', actor: { id: 'admin-1', roles: ['admin'] } };
const rep = (id: string) => ({ tenantId: 'acme', actor: { id, roles: ['sales-rep'] } });

async function setup(options: { outbox?: boolean } = {}) {
  const clock = createTestClock('2026-03-01T09:00:00Z');
  const crm = await createSellkit({ storage: memory(), modules: [deals()], clock, ...options });
  return { crm, clock };
}

function expectSellkitError(error: unknown, code: SellkitErrorCode, message?: RegExp) {
  expect(isSellkitError(error), `expected SellkitError ${code}, got ${String(error)}`).toBe(true);
  expect((error as SellkitError).code).toBe(code);
  if (message) expect((error as SellkitError).message).toMatch(message);
}

/** Fails when the promise resolves: the error must be a SellkitError with exactly this code. */
async function expectCode(promise: Promise<unknown>, code: SellkitErrorCode, message?: RegExp) {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (caught: unknown) => ({ resolved: false as const, caught }),
  );
  expect(outcome.resolved, `expected SellkitError ${code}, but nothing was thrown`).toBe(false);
  if (!outcome.resolved) expectSellkitError(outcome.caught, code, message);
}

/** The same for a synchronous call. */
function expectThrowsCode(run: () => unknown, code: SellkitErrorCode, message?: RegExp) {
  let caught: unknown;
  let threw = false;
  try {
    run();
  } catch (error) {
    threw = true;
    caught = error;
  }
  expect(threw, `expected SellkitError ${code}, but nothing was thrown`).toBe(true);
  expectSellkitError(caught, code, message);
}

/** A context as untyped input from outside, to check the run-time validation. */
const untypedContext = (value: unknown) => value as SellkitContext;

describe('createSellkit: context is the only door', () => {
  it('refuses a context without tenant or actor (MISSING_CONTEXT) or a malformed one', async () => {
    const { crm } = await setup();
    expectThrowsCode(
      () => crm.as(untypedContext({ actor: { id: 'x', roles: [] } })),
      'MISSING_CONTEXT',
      /tenantId/,
    );
    expectThrowsCode(
      () => crm.as(untypedContext({ tenantId: 'acme' })),
      'MISSING_CONTEXT',
      /actor/,
    );
    expectThrowsCode(
      () => crm.as({ tenantId: 'a b', actor: { id: 'x', roles: [] } }),
      'VALIDATION_FAILED',
      /tenantId/,
    );
    expectThrowsCode(
      () => crm.as(untypedContext({ tenantId: 'acme', actor: {} })),
      'MISSING_CONTEXT',
    );
  });

  it('keeps tenants apart', async () => {
    const { crm } = await setup();
    const created = await crm.as(admin).deals.create({ title: 'Acme deal' });
    const other = crm.as({ tenantId: 'globex', actor: { id: 'admin-1', roles: ['admin'] } });
    await expectCode(other.deals.get(created.id), 'NOT_FOUND');
    expect((await other.deals.list()).rows).toHaveLength(0);
  });
});

describe('projected finds', () => {
  it('select narrows the rows, in types and at run time, and keeps access scoping', async () => {
    const { crm } = await setup();
    await crm.as(rep('rep-1')).deals.create({ title: 'Mine' });
    await crm.as(rep('rep-2')).deals.create({ title: 'Theirs' });
    const page = await crm.as(rep('rep-1')).records.deal.find({ select: ['title', 'stage'] });
    expectTypeOf(page.rows[0]).toEqualTypeOf<
      | {
          readonly id: string;
          readonly version: number;
          title: string;
          stage: 'open' | 'won' | 'lost';
        }
      | undefined
    >();
    expect(page.rows).toEqual([
      { id: expect.any(String), version: 1, title: 'Mine', stage: 'open' },
    ]);
    const whole = await crm.as(rep('rep-1')).records.deal.find();
    expectTypeOf(whole.rows[0]?.ownerId).toEqualTypeOf<string | null | undefined>();
  });
});

describe('roles from modules', () => {
  // A module that only widens the reps' role: they may also delete their own deals.
  const repsDelete = defineModule({
    id: 'reps-delete',
    roles: { 'sales-rep': { deal: { delete: 'own' } } },
  });

  it('widen a default role model by model and keep the rest of it; a host role replaces it', async () => {
    const crm = await createSellkit({ storage: memory(), modules: [deals(), repsDelete] });
    const mine = await crm.as(rep('rep-1')).deals.create({ title: 'Mine' });
    const theirs = await crm.as(rep('rep-2')).deals.create({ title: 'Theirs' });
    await expectCode(crm.as(rep('rep-1')).records.deal.delete(theirs.id), 'FORBIDDEN');
    await crm.as(rep('rep-1')).records.deal.delete(mine.id);
    expect((await crm.as(rep('rep-2')).deals.list()).rows).toHaveLength(1);

    const narrowed = await createSellkit({
      storage: memory(),
      modules: [deals(), repsDelete],
      access: { roles: { 'sales-rep': { deal: { read: 'own', create: 'own' } } } },
    });
    const created = await narrowed.as(rep('rep-1')).deals.create({ title: 'Mine' });
    await expectCode(narrowed.as(rep('rep-1')).records.deal.delete(created.id), 'FORBIDDEN');
  });
});

describe('access', () => {
  it('a rep owns what they create, sees only their own, and cannot touch others', async () => {
    const { crm } = await setup();
    const mine = await crm.as(rep('rep-1')).deals.create({ title: 'Mine' });
    expect(mine.ownerId).toBe('rep-1');
    await crm.as(rep('rep-2')).deals.create({ title: 'Theirs' });
    expect((await crm.as(rep('rep-1')).deals.list()).rows.map((row) => row.title)).toEqual([
      'Mine',
    ]);
    await expectCode(crm.as(rep('rep-2')).deals.get(mine.id), 'FORBIDDEN');
    await expectCode(crm.as(rep('rep-2')).deals.win(mine.id), 'FORBIDDEN');
    await expectCode(crm.as(rep('rep-1')).records.deal.delete(mine.id), 'FORBIDDEN');
    expect((await crm.as(admin).deals.list()).rows).toHaveLength(2);
  });

  it('a rep cannot create a record owned by someone else, nor give one away', async () => {
    const { crm } = await setup();
    await expectCode(
      crm.as(rep('rep-1')).deals.create({ title: 'x', ownerId: 'rep-2' }),
      'FORBIDDEN',
    );
    const mine = await crm.as(rep('rep-1')).deals.create({ title: 'Mine' });
    await expectCode(
      crm.as(rep('rep-1')).records.deal.update(mine.id, { ownerId: 'rep-2' }),
      'FORBIDDEN',
    );
    expect((await crm.as(admin).deals.get(mine.id)).ownerId).toBe('rep-1');
  });

  it('unknown roles get nothing; viewers only read', async () => {
    const { crm } = await setup();
    await crm.as(admin).deals.create({ title: 'Any' });
    const stranger = crm.as({ tenantId: 'acme', actor: { id: 'u', roles: ['janitor'] } });
    await expectCode(stranger.deals.create({ title: 'x' }), 'FORBIDDEN');
    expect((await stranger.deals.list()).rows).toHaveLength(0);
    const viewer = crm.as({ tenantId: 'acme', actor: { id: 'v', roles: ['viewer'] } });
    expect((await viewer.deals.list()).rows).toHaveLength(1);
    await expectCode(viewer.deals.create({ title: 'x' }), 'FORBIDDEN');
  });

  it('territory leads reach the territories in their context', async () => {
    const { crm } = await setup();
    await crm.as(admin).deals.create({ title: 'North', territoryId: 'north', ownerId: 'rep-9' });
    await crm.as(admin).deals.create({ title: 'South', territoryId: 'south', ownerId: 'rep-9' });
    const lead = crm.as({
      tenantId: 'acme',
      actor: { id: 'lead', roles: ['territory-lead'], territoryIds: ['north'] },
    });
    expect((await lead.deals.list()).rows.map((row) => row.title)).toEqual(['North']);
  });
});

describe('audit', () => {
  it('writes one entry per mutation, with before and after, in the same transaction', async () => {
    const { crm } = await setup();
    const scoped = crm.as(admin);
    const created = await scoped.deals.create({
      title: 'Audited',
      amount: Money.of('10.00', 'EUR'),
    });
    await scoped.deals.win(created.id);
    await expect(scoped.deals.win(created.id, { failAfterWrite: true })).rejects.toThrow('boom');
    const history = await scoped.audit.history('deal', created.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(history[0]?.changes.amount).toEqual({
      before: null,
      after: { amount: '10.00', currency: 'EUR' },
    });
    expect(history[1]?.changes).toEqual({ stage: { before: 'open', after: 'won' } });
    expect(history[1]?.actorId).toBe('admin-1');
  });

  it('gives every record of a createMany its own create entry, written together', async () => {
    const { crm } = await setup();
    const scoped = crm.as(admin);
    const created = await scoped.records.deal.createMany([
      { title: 'A' },
      { title: 'B' },
      { title: 'C' },
    ]);
    for (const deal of created) {
      const history = await scoped.audit.history('deal', deal.id);
      expect(history.map((entry) => [entry.action, entry.changes.title?.after])).toEqual([
        ['create', deal.title],
      ]);
    }
  });

  it('is not readable by reps', async () => {
    const { crm } = await setup();
    await crm.as(rep('rep-1')).deals.create({ title: 'x' });
    expect((await crm.as(rep('rep-1')).audit.find()).rows).toHaveLength(0);
    expect((await crm.as(admin).audit.find()).rows).toHaveLength(1);
  });
});

describe('events', () => {
  it('are delivered after commit, and never for rolled-back work', async () => {
    const { crm } = await setup();
    const scoped = crm.as(admin);
    const seen: string[] = [];
    crm.events.on('deal.won', async (event) => {
      // The handler sees committed data.
      const stored = await crm.as(admin).deals.get(event.dealId);
      seen.push(`${event.title}:${stored.stage}`);
    });
    const created = await scoped.deals.create({ title: 'Big' });
    await expect(scoped.deals.win(created.id, { failAfterWrite: true })).rejects.toThrow(
      'boom after write',
    );
    await crm.events.idle();
    expect(seen).toEqual([]);
    expect((await scoped.deals.get(created.id)).stage).toBe('open');
    await scoped.deals.win(created.id);
    await crm.events.idle();
    expect(seen).toEqual(['Big:won']);
  });

  it('a failing handler never fails the write', async () => {
    const errors: unknown[] = [];
    const crm = await createSellkit({
      storage: memory(),
      modules: [deals()],
      onHandlerError: (error) => errors.push(error),
    });
    crm.events.on('deal.created', () => {
      throw new Error('handler broke');
    });
    crm.events.on('deal.created', async () => {
      throw new Error('async handler broke');
    });
    const created = await crm.as(admin).deals.create({ title: 'Still saved' });
    await crm.events.idle();
    expect(created.title).toBe('Still saved');
    expect(errors).toHaveLength(2);
  });

  it('say which tenant and actor they came from, so a multi-tenant host acts in the right one', async () => {
    const { crm } = await setup();
    const seen: string[] = [];
    crm.events.on('deal.created', (event, meta) => {
      seen.push(`${meta.tenantId}/${meta.actorId}:${event.deal.title}`);
      expect(meta.at).toBeInstanceOf(Date);
    });
    crm.events.onAny((name, _payload, meta) => {
      if (name === 'deal.created') seen.push(`any ${meta.tenantId}`);
    });
    await crm.as(admin).deals.create({ title: 'A' });
    await crm.as({ ...admin, tenantId: 'globex' }).deals.create({ title: 'B' });
    await crm.events.idle();
    expect(seen).toEqual([
      `${admin.tenantId}/${admin.actor.id}:A`,
      `any ${admin.tenantId}`,
      `globex/${admin.actor.id}:B`,
      'any globex',
    ]);
  });

  it('are typed from the modules', async () => {
    const { crm } = await setup();
    crm.events.on('deal.created', (event) => {
      expectTypeOf(event.deal.title).toEqualTypeOf<string>();
    });
  });
});

describe('outbox', () => {
  it('persists events in the transaction and drains them at least once', async () => {
    const { crm, clock } = await setup({ outbox: true });
    const scoped = crm.as(admin);
    const created = await scoped.deals.create({ title: 'Outboxed' });
    await expect(scoped.deals.win(created.id, { failAfterWrite: true })).rejects.toThrow(
      'boom after write',
    );
    const deliver = vi.fn(async () => {
      throw new Error('finance is down');
    });
    expect(await scoped.outbox.drain(deliver)).toEqual({ delivered: 0, failed: 1, skipped: 0 });
    // Not retried before its backoff is over.
    expect(await scoped.outbox.drain(deliver)).toEqual({ delivered: 0, failed: 0, skipped: 0 });
    clock.advance(60_000);
    const received: string[] = [];
    const report = await scoped.outbox.drain(async (message) => {
      received.push(message.event);
    });
    expect(report.delivered).toBe(1);
    expect(received).toEqual(['deal.created']);
    expect(await scoped.outbox.drain(async () => undefined)).toEqual({
      delivered: 0,
      failed: 0,
      skipped: 0,
    });
  });
});

describe('scheduler and emitOnce', () => {
  it('emits each reminder exactly once across ticks', async () => {
    const { crm } = await setup();
    const scoped = crm.as(admin);
    await scoped.deals.create({ title: 'A' });
    await scoped.deals.create({ title: 'B' });
    const reminders: string[] = [];
    crm.events.on('deal.reminder', (event) => {
      reminders.push(event.dealId);
    });
    const now = new Date('2026-03-02T08:00:00Z');
    const report = await scoped.scheduler.tick(now);
    expect(report.jobs).toEqual([{ name: 'deals.reminders', ok: true }]);
    await Promise.all([scoped.scheduler.tick(now), crm.as(admin).scheduler.tick(now)]);
    expect(reminders).toHaveLength(2);
  });
});

describe('plugins', () => {
  const scoringPlugin = definePlugin({
    id: 'deal-tiers',
    extend: { deal: { tier: field.enum(['gold', 'silver'] as const) } },
    hooks: {
      deal: {
        beforeCreate(input) {
          if (input.title === 'forbidden') throw new Error('refused by plugin');
          return { ...input, tier: input.tier ?? 'silver' };
        },
      },
    },
  });

  it('extend models with typed fields and hook into writes', async () => {
    const crm = await createSellkit({
      storage: memory(),
      modules: [deals()],
      plugins: [scoringPlugin],
    });
    const scoped = crm.as(admin);
    const created = await scoped.records.deal.create({ title: 'With tier', tier: 'gold' });
    expectTypeOf(created.tier).toEqualTypeOf<'gold' | 'silver' | null>();
    expect(created.tier).toBe('gold');
    // Domain services return their module's own record type; the typed view with plugin
    // fields is `records.<model>`.
    const viaService = await scoped.deals.create({ title: 'Default tier' });
    expect((await scoped.records.deal.get(viaService.id)).tier).toBe('silver');
    await expectCode(
      scoped.records.deal.create({ title: 'x', tier: 'bronze' as never }),
      'VALIDATION_FAILED',
    );
    await expect(scoped.deals.create({ title: 'forbidden' })).rejects.toThrow('refused by plugin');
    expect(await scoped.records.deal.count()).toBe(2);
  });

  it('refuses plugins that extend unknown models or clash', async () => {
    await expectCode(
      createSellkit({
        storage: memory(),
        modules: [deals()],
        plugins: [definePlugin({ id: 'bad', extend: { nope: {} } })],
      }),
      'CONFIGURATION_INVALID',
      /unknown model nope/,
    );
    await expectCode(
      createSellkit({
        storage: memory(),
        modules: [deals()],
        plugins: [definePlugin({ id: 'clash', extend: { deal: { title: field.text() } } })],
      }),
      'CONFIGURATION_INVALID',
      /already has a field title/,
    );
  });
});

describe('optimistic concurrency through services', () => {
  it('refuses a stale expected version and keeps the newer write', async () => {
    const { crm } = await setup();
    const scoped = crm.as(admin);
    const created = await scoped.deals.create({ title: 'v1' });
    await scoped.records.deal.update(created.id, { title: 'v2' }, { expectedVersion: 1 });
    await expectCode(
      scoped.records.deal.update(created.id, { title: 'stale' }, { expectedVersion: 1 }),
      'CONFLICT',
    );
    expect((await scoped.deals.get(created.id)).title).toBe('v2');
  });

  it('bad input writes nothing', async () => {
    const { crm } = await setup();
    const scoped = crm.as(admin);
    await expectCode(
      scoped.records.deal.createMany([{ title: 'ok' }, { title: 'x'.repeat(101) }]),
      'VALIDATION_FAILED',
    );
    await expectCode(
      scoped.records.deal.create({ title: 'x', unknownField: 1 } as never),
      'VALIDATION_FAILED',
    );
    expect(await scoped.records.deal.count()).toBe(0);
    expect((await scoped.audit.find()).rows).toHaveLength(0);
  });
});

describe('scoring contributions', () => {
  it('feeds module and plugin operators into one registry, validated at start-up', async () => {
    const near = defineOperator({
      name: 'near',
      accepts: ['number'],
      value: z.number(),
      test: (fact: number, value: number) => Math.abs(fact - value) <= 1,
    });
    const plugin = definePlugin({ id: 'near-op', scoring: { operators: [near] } });
    const crm = await createSellkit({ storage: memory(), modules: [deals()], plugins: [plugin] });
    expect(crm.scoring.hasOperator('near')).toBe(true);
    const clash = definePlugin({ id: 'near-again', scoring: { operators: [near] } });
    await expectCode(
      createSellkit({ storage: memory(), modules: [deals()], plugins: [plugin, clash] }),
      'CONFIGURATION_INVALID',
      /near/,
    );
  });
});

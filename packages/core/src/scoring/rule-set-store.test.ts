import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestClock } from '../context/clock.js';
import { isSellkitError } from '../errors/sellkit-error.js';
import { memory } from '../storage/memory/index.js';
import type { TenantStorage } from '../storage/storage.js';
import { compileRuleSet } from './compile.js';
import { defineOperator } from './operators/define-operator.js';
import { createScoringRegistry } from './registry.js';
import { createRuleSetStore, scoringRuleSet } from './rule-set-store.js';
import type { RuleSet } from './schema.js';

function draft(points: number, id = 'lead-priority'): RuleSet {
  return {
    id,
    version: 1,
    rules: [
      {
        id: 'big',
        condition: { fact: 'amount', operator: 'gte', value: 100 },
        outcome: { points },
      },
    ],
    bands: [
      { label: 'hot', min: 10, priority: 1 },
      { label: 'cold', priority: 2 },
    ],
  };
}

describe('rule set store', () => {
  let storage: TenantStorage;
  const clock = createTestClock('2026-02-01T09:00:00Z');

  beforeEach(async () => {
    const adapter = memory();
    await adapter.setup([scoringRuleSet]);
    storage = adapter.forTenant('acme', { clock });
  });

  it('saves drafts, publishes numbered versions and archives the previous one', async () => {
    const store = createRuleSetStore(storage, createScoringRegistry(), { clock });
    expect(await store.save(draft(10))).toMatchObject({ status: 'draft', version: null });
    await store.save(draft(15));
    expect((await store.get('lead-priority'))?.ruleSet.rules[0]?.outcome.points).toBe(15);

    const first = await store.publish('lead-priority');
    expect(first).toMatchObject({
      status: 'published',
      version: 1,
      publishedAt: new Date('2026-02-01T09:00:00Z'),
    });
    expect(first.ruleSet.version).toBe(1);

    clock.advance(86_400_000);
    await store.save(draft(40));
    expect((await store.get('lead-priority'))?.status).toBe('draft');
    const second = await store.publish('lead-priority');
    expect(second).toMatchObject({ version: 2, status: 'published' });

    expect((await store.active('lead-priority'))?.version).toBe(2);
    const history = await store.history('lead-priority');
    expect(history.map((entry) => [entry.version, entry.status])).toEqual([
      [1, 'archived'],
      [2, 'published'],
    ]);
    expect((await store.get('lead-priority', 1))?.ruleSet.rules[0]?.outcome.points).toBe(15);
    expect((await store.get('lead-priority'))?.version).toBe(2);
    expect(await store.get('lead-priority', 9)).toBeNull();
    expect(await store.active('other')).toBeNull();
  });

  it('never changes the version recorded on past results', async () => {
    const store = createRuleSetStore(storage);
    await store.save(draft(10));
    const v1 = compileRuleSet((await store.publish('lead-priority')).ruleSet);
    const earlier = v1.score({ amount: 500 });
    await store.save(draft(99));
    const v2 = compileRuleSet((await store.publish('lead-priority')).ruleSet);
    expect(earlier).toMatchObject({ ruleSetVersion: 1, total: 10 });
    expect(v2.score({ amount: 500 })).toMatchObject({ ruleSetVersion: 2, total: 99 });
    expect(v1.score({ amount: 500 }).ruleSetVersion).toBe(1);
    expect((await store.get('lead-priority', 1))?.ruleSet).toMatchObject({
      version: 1,
      rules: [{ outcome: { points: 10 } }],
    });
  });

  it('stores nothing that fails validation', async () => {
    const store = createRuleSetStore(storage);
    const bad = {
      ...draft(1),
      rules: [{ id: 'x', condition: { fact: 'a', operator: 'nope' }, outcome: { points: 1 } }],
    };
    await expect(store.save(bad)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(store.save({ id: 'lead-priority' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await storage.count(scoringRuleSet)).toBe(0);
    await expect(store.publish('lead-priority')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('validates drafts against its registry again when publishing', async () => {
    const withPlugin = createScoringRegistry().operator(
      defineOperator({
        name: 'even',
        accepts: ['number'],
        value: z.boolean().optional(),
        test: (fact) => fact % 2 === 0,
      }),
    );
    const plugin = {
      ...draft(5, 'custom'),
      rules: [{ id: 'e', condition: { fact: 'n', operator: 'even' }, outcome: { points: 1 } }],
    };
    await createRuleSetStore(storage, withPlugin).save(plugin);
    // A store whose registry lacks the operator refuses to publish what it could not compile.
    await expect(createRuleSetStore(storage).publish('custom')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await createRuleSetStore(storage).get('custom'))?.status).toBe('draft');
    expect((await createRuleSetStore(storage, withPlugin).publish('custom')).version).toBe(1);
    await expect(createRuleSetStore(storage).publish(42 as never)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(createRuleSetStore(storage).get('custom', 0)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('publishes atomically: a failure leaves the previous version active', async () => {
    const store = createRuleSetStore(storage);
    await store.save(draft(10));
    await store.publish('lead-priority');
    await store.save(draft(20));
    const failing: TenantStorage = {
      ...storage,
      transaction: (work) =>
        storage.transaction(async (tx) => {
          const proxy: TenantStorage = {
            ...tx,
            update: async (model, id, patch, options) => {
              const updated = await tx.update(model, id, patch, options);
              if ((patch as { status?: string }).status === 'published')
                throw new Error('disk full');
              return updated;
            },
          };
          return work(proxy);
        }),
    };
    await expect(createRuleSetStore(failing).publish('lead-priority')).rejects.toThrow('disk full');
    expect((await store.active('lead-priority'))?.version).toBe(1);
    expect((await store.get('lead-priority'))?.status).toBe('draft');
    expect((await store.history('lead-priority')).map((entry) => entry.status)).toEqual([
      'published',
    ]);
  });

  it('lets only one of two concurrent publishes win', async () => {
    const store = createRuleSetStore(storage);
    await store.save(draft(10));
    const outcomes = await Promise.allSettled([
      store.publish('lead-priority'),
      store.publish('lead-priority'),
    ]);
    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(fulfilled).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(rejected && isSellkitError(rejected.reason)).toBe(true);
    expect((await store.history('lead-priority')).map((entry) => entry.version)).toEqual([1]);
  });
});

import {
  type AnyModel,
  isSellkitError,
  type StorageAdapter,
  type TenantStorage,
} from '@sellkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { roundRobinCursor } from '../assignment/assignment-models.js';
import { directoryGuard } from '../shared/guard.js';
import type { NamedAdapter } from './adapters.js';
import { closeAll, setup } from './harness.js';

/**
 * Wraps storage so that the first `times` cursor updates find the cursor already moved by
 * "someone else" (its version bumped just before), as when two assignments race for a turn.
 */
function racing(inner: StorageAdapter, times: number, target: AnyModel = roundRobinCursor) {
  const state = { attempts: 0, raced: 0, armed: true };
  const wrap = (storage: TenantStorage): TenantStorage => ({
    tenantId: storage.tenantId,
    get inTransaction() {
      return storage.inTransaction;
    },
    insert: (model, rows) => storage.insert(model, rows),
    get: (model, id) => storage.get(model, id),
    getMany: (model, ids) => storage.getMany(model, ids),
    find: (model, query) => storage.find(model, query),
    count: (model, where) => storage.count(model, where),
    delete: (model, id, options) => storage.delete(model, id, options),
    updateMany: (model, updates, options) => storage.updateMany(model, updates, options),
    aggregate: (model, query) => storage.aggregate(model, query),
    nextSequenceValue: (name) => storage.nextSequenceValue(name),
    transaction: (work) => storage.transaction((tx) => work(wrap(tx))),
    afterCommit: (callback) => storage.afterCommit(callback),
    async update(model, id, patch, options) {
      if ((model as AnyModel).name === target.name && state.armed) {
        state.attempts += 1;
        if (state.raced < times) {
          state.raced += 1;
          // Someone else's change lands between our read and our write.
          const current = await storage.get(target, id);
          const counter = target === roundRobinCursor ? 'turns' : 'revision';
          if (current) {
            await storage.update(target, id, { [counter]: Number(current[counter]) + 1 });
          }
        }
      }
      return storage.update(model, id, patch, options);
    },
  });
  const adapter: StorageAdapter = {
    name: inner.name,
    setup: (models, options) => inner.setup(models, options),
    forTenant: (tenantId, options) => wrap(inner.forTenant(tenantId, options)),
    close: () => inner.close(),
  };
  return { adapter, state };
}

export function raceSuite(adapter: NamedAdapter) {
  describe(`round-robin under contention (${adapter.name})`, () => {
    afterEach(closeAll);

    it('a lost race for a turn is undone and retried; the turn is taken once', async () => {
      let race: ReturnType<typeof racing> | null = null;
      const h = await setup(async () => {
        race = racing(await adapter.create(), 2);
        return race.adapter;
      });
      const t = h.team;
      const one = await t.reps.create({ userId: 'u-1', name: 'One' });
      const two = await t.reps.create({ userId: 'u-2', name: 'Two' });
      const crew = await t.teams.create({ name: 'Crew' });
      await t.teams.addMember(crew.id, one.id);
      await t.teams.addMember(crew.id, two.id);
      await t.rules.publish({ rules: [{ id: 'crew', assignTo: { team: crew.id } }] });
      // The first turn creates the cursor (no update, no race).
      expect((await t.assign({ model: 'lead' })).repUserId).toBe('u-1');
      // The second loses the race twice, then succeeds on the third attempt.
      expect((await t.assign({ model: 'lead' })).repUserId).toBe('u-2');
      expect(race).not.toBeNull();
      const state = (race as unknown as ReturnType<typeof racing>).state;
      expect(state).toEqual({ attempts: 3, raced: 2, armed: true });
      const cursor = (await h.admin.scope.storage.find(roundRobinCursor, {})).rows;
      expect(cursor).toEqual([expect.objectContaining({ turns: 2, lastRepId: two.id })]);
      expect((await t.assign({ model: 'lead' })).repUserId).toBe('u-1');
    });

    it('concurrent changes to the reports-to tree: the second is CONFLICT, nothing half-done', async () => {
      let race: ReturnType<typeof racing> | null = null;
      const h = await setup(async () => {
        race = racing(await adapter.create(), 1, directoryGuard);
        return race.adapter;
      });
      const state = (race as unknown as ReturnType<typeof racing>).state;
      state.armed = false;
      const a = await h.team.reps.create({ userId: 'u-a', name: 'A' });
      const b = await h.team.reps.create({ userId: 'u-b', name: 'B' });
      const c = await h.team.reps.create({ userId: 'u-c', name: 'C' });
      await h.team.reps.update(b.id, { reportsToId: a.id });
      state.armed = true;
      // Had another transaction just made A report to C, this check would be stale.
      const error = await h.team.reps.update(c.id, { reportsToId: b.id }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isSellkitError(error, 'CONFLICT')).toBe(true);
      expect((await h.team.reps.get(c.id)).reportsToId).toBeNull();
      expect((await h.team.reps.update(c.id, { reportsToId: b.id })).reportsToId).toBe(b.id);
    });
  });
}

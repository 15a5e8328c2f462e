import {
  type EventMap,
  type ModuleScope,
  reachIncludes,
  SellkitError,
  validationError,
  type Where,
} from '@sellkit/core';
import { notFound, requireObject } from '@sellkit/core/module';
import { teamDirectory } from '../directory/team-directory.js';
import type { TeamEvents } from '../events.js';
import { activeRep } from '../reps/rep-checks.js';
import type { Rep } from '../reps/rep-model.js';
import { covers, periodsOverlap, toDate, toOptionalDate } from '../shared/dates.js';
import { optionsOf, unknownReference } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import type { TerritoryAssignment } from './territory-models.js';
import type { TerritoryService } from './territory-types.js';

/** The effective-dated part of the territory service. */
export type TerritoryAssignmentService = Pick<
  TerritoryService,
  'assign' | 'updateAssignment' | 'moveRep' | 'assignments' | 'of' | 'allOf'
>;

/** Effective-dated territory assignments (documented on {@link TerritoryService}). */
export function createTerritoryAssignmentService(
  scope: ModuleScope<TeamEvents>,
): TerritoryAssignmentService {
  const models = teamModels(scope);

  async function requireTerritory<E extends EventMap>(tx: ModuleScope<E>, id: unknown) {
    // internal: a reference check; the territory may be outside the actor's reach
    const found = typeof id === 'string' ? await tx.internal(models.territory).get(id) : null;
    if (!found) throw unknownReference('territoryId', 'territory', id);
    return found;
  }

  function period(from: string, to: string | null, path: string) {
    if (to !== null && to <= from) {
      throw validationError(path, `must be after validFrom (${from})`, 'invalid_period');
    }
    return { from, to };
  }

  async function assertNoOverlap<E extends EventMap>(
    tx: ModuleScope<E>,
    repId: string,
    territoryId: string,
    wanted: { from: string; to: string | null },
    path: string,
    exceptId?: string,
  ) {
    await claimGuard(tx, `periods:${repId}`);
    // internal: no overlap is an integrity rule over every period of the rep, seen or not
    const periods = tx.internal(models.territoryAssignment);
    const existing = await loadAll(periods, { repId, territoryId });
    for (const row of existing) {
      if (row.id === exceptId) continue;
      if (periodsOverlap(wanted, { from: row.validFrom, to: row.validTo })) {
        throw validationError(
          path,
          `rep ${repId} is already assigned to ${territoryId} from ${row.validFrom}${row.validTo ? ` to ${row.validTo}` : ''}`,
          'overlapping_period',
          { model: 'territoryAssignment', conflictingId: row.id },
        );
      }
    }
  }

  async function insert(
    tx: ModuleScope<TeamEvents>,
    target: Rep,
    territoryId: string,
    wanted: { from: string; to: string | null },
    previousTerritoryId: string | null,
  ): Promise<TerritoryAssignment> {
    await assertNoOverlap(tx, target.id, territoryId, wanted, 'validFrom');
    const created = await tx.records(models.territoryAssignment).create({
      repId: target.id,
      territoryId,
      validFrom: wanted.from,
      validTo: wanted.to,
    });
    await tx.emit('rep.territoryChanged', {
      repId: target.id,
      userId: target.userId,
      territoryId,
      previousTerritoryId,
      validFrom: wanted.from,
      validTo: wanted.to,
      change: previousTerritoryId === null ? 'assigned' : 'moved',
    });
    return created;
  }

  async function territoriesOf(repUserId: string, at?: string | Date): Promise<string[]> {
    const reach = await scope.reach('read', models.territoryAssignment);
    if (reach.kind === 'none') await scope.assertCan('read', models.territoryAssignment);
    const ids = await teamDirectory(scope).territoriesOf(repUserId, at);
    return ids.filter((territoryId) =>
      reachIncludes(reach, models.territoryAssignment, { territoryId }),
    );
  }

  return {
    async assign(input) {
      const data = requireObject(input, 'a territory assignment', 'territoryAssignment');
      return scope.transaction(async (tx) => {
        const target = await activeRep(tx, data.repId, 'repId');
        const place = await requireTerritory(tx, data.territoryId);
        const from = await toDate(tx, data.validFrom, 'validFrom');
        const to = await toOptionalDate(tx, data.validTo, 'validTo');
        return insert(tx, target, place.id, period(from, to, 'validTo'), null);
      });
    },

    async updateAssignment(id, patch) {
      const data = requireObject(patch, 'a patch', 'territoryAssignment');
      for (const key of Object.keys(data)) {
        if (key !== 'validFrom' && key !== 'validTo') {
          throw validationError(key, 'only validFrom and validTo can change', 'read_only');
        }
      }
      return scope.transaction(async (tx) => {
        // internal: "does this period exist"; the update below checks the actor's access
        const before = await tx.internal(models.territoryAssignment).get(id);
        if (!before) throw notFound('territoryAssignment', id, 'id');
        const from = await toDate(tx, data.validFrom, 'validFrom', before.validFrom);
        const to =
          data.validTo === undefined
            ? before.validTo
            : await toOptionalDate(tx, data.validTo, 'validTo');
        const wanted = period(from, to, 'validTo');
        await assertNoOverlap(tx, before.repId, before.territoryId, wanted, 'validTo', id);
        const updated = await tx
          .records(models.territoryAssignment)
          .update(id, { validFrom: wanted.from, validTo: wanted.to }, { current: before });
        // internal: the event names the rep's user id, whether or not the actor may read the rep
        const owner = await tx.internal(models.rep).get(before.repId);
        await tx.emit('rep.territoryChanged', {
          repId: before.repId,
          userId: owner?.userId ?? '',
          territoryId: before.territoryId,
          previousTerritoryId: before.territoryId,
          validFrom: wanted.from,
          validTo: wanted.to,
          change: 'updated',
        });
        return updated;
      });
    },

    async moveRep(repId, territoryId, when = {}) {
      const options = optionsOf(when, 'when');
      if (
        options.leaving !== undefined &&
        (!Array.isArray(options.leaving) || options.leaving.some((id) => typeof id !== 'string'))
      ) {
        throw validationError('leaving', 'must be a list of territory ids', 'invalid_type');
      }
      return scope.transaction(async (tx) => {
        const target = await activeRep(tx, repId, 'repId');
        const place = await requireTerritory(tx, territoryId);
        const on = await toDate(tx, options.on, 'on');
        await claimGuard(tx, `periods:${target.id}`);
        // internal: the rep's every period, to end or re-point, whatever the actor may read
        const periods = tx.internal(models.territoryAssignment);
        const all = await loadAll(periods, { repId: target.id });
        const current = all.filter((row) => covers({ from: row.validFrom, to: row.validTo }, on));
        const already = current.find((row) => row.territoryId === place.id);
        if (already) return { ended: [], assignment: already };
        const leaving = current.filter(
          (row) => options.leaving === undefined || options.leaving.includes(row.territoryId),
        );
        const ended: TerritoryAssignment[] = [];
        let reused: TerritoryAssignment | null = null;
        for (const row of leaving) {
          if (row.validFrom < on) {
            ended.push(
              await tx
                .records(models.territoryAssignment)
                .update(row.id, { validTo: on }, { current: row }),
            );
          } else if (reused === null) {
            // Started today: re-point it rather than leave an empty period behind.
            await assertNoOverlap(
              tx,
              target.id,
              place.id,
              { from: row.validFrom, to: row.validTo },
              'territoryId',
              row.id,
            );
            reused = await tx
              .records(models.territoryAssignment)
              .update(row.id, { territoryId: place.id }, { current: row });
            await tx.emit('rep.territoryChanged', {
              repId: target.id,
              userId: target.userId,
              territoryId: place.id,
              previousTerritoryId: row.territoryId,
              validFrom: row.validFrom,
              validTo: row.validTo,
              change: 'moved',
            });
          } else {
            throw new SellkitError(
              'INVALID_STATE',
              `rep ${target.id} has several assignments starting ${on}; end them one by one`,
              { model: 'territoryAssignment', id: row.id },
            );
          }
        }
        if (reused) return { ended, assignment: reused };
        const previous = ended[0]?.territoryId ?? null;
        const assignment = await insert(tx, target, place.id, { from: on, to: null }, previous);
        return { ended, assignment };
      });
    },

    async assignments(filter = {}) {
      const query = optionsOf(filter, 'query');
      const where: Where<TerritoryAssignment> = {};
      if (query.repId !== undefined) where.repId = query.repId;
      if (query.territoryId !== undefined) where.territoryId = query.territoryId;
      if (query.at !== undefined) {
        const day = await toDate(scope, query.at, 'at');
        where.validFrom = { lte: day };
        where.or = [{ validTo: null }, { validTo: { gt: day } }];
      }
      const page = await scope.records(models.territoryAssignment).find({
        where,
        orderBy: [{ field: 'validFrom', direction: 'asc' }],
        limit: 10_000,
      });
      return page.rows;
    },

    async of(repUserId, at) {
      return (await territoriesOf(repUserId, at))[0] ?? null;
    },

    allOf: territoriesOf,
  };
}

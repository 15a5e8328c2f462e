import {
  type EventMap,
  type FindQuery,
  type InferCreate,
  type InferPatch,
  type ModuleScope,
  type Page,
  SellkitError,
  validationError,
  type WriteOptions,
} from '@sellkit/core';
import { teamDirectory } from '../directory/team-directory.js';
import type { TeamEvents } from '../events.js';
import { wouldCycle } from '../hierarchy/tree.js';
import { activeRep } from '../reps/rep-checks.js';
import { checkedWrites } from '../shared/checked-writes.js';
import { unknownReference } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
import { listByName } from '../shared/list-by-name.js';
import { teamModels } from '../shared/models.js';
import {
  createTerritoryAssignmentService,
  type TerritoryAssignmentInput,
  type TerritoryChange,
} from './assignment-periods.js';
import type { Territory, TerritoryAssignment, territory } from './territory-models.js';

/** What creating a territory takes. */
export type TerritoryInput = Omit<InferCreate<typeof territory>, 'id'>;
/** What updating a territory takes. */
export type TerritoryPatch = InferPatch<typeof territory>;

/**
 * The territory tree and who covers which territory when (`crm.as(ctx).team.territories`).
 * Assignment periods are effective-dated: `validFrom` is the first day, `validTo` the first
 * day no longer assigned (exclusive, null for open-ended).
 */
export interface TerritoryService {
  /**
   * Creates a territory, under `parentId` if given. Codes are unique (`CONFLICT`).
   *
   * @example
   * ```ts
   * const emea = await admin.team.territories.create({ name: 'EMEA', code: 'EMEA' });
   * const dach = await admin.team.territories.create({ name: 'DACH', code: 'DACH', parentId: emea.id });
   * ```
   */
  create(input: TerritoryInput): Promise<Territory>;
  /**
   * Changes a territory; moving it under one of its own descendants is refused.
   *
   * @example
   * ```ts
   * await admin.team.territories.update(id, { name: 'Central Europe' });
   * ```
   */
  update(id: string, patch: TerritoryPatch, writeOptions?: WriteOptions): Promise<Territory>;
  /**
   * A territory by id.
   *
   * @example
   * ```ts
   * const west = await admin.team.territories.get(id);
   * ```
   */
  get(id: string): Promise<Territory>;
  /**
   * A page of territories, by name unless the query says otherwise.
   *
   * @example
   * ```ts
   * const { rows } = await admin.team.territories.list({ limit: 100 });
   * ```
   */
  list(page?: FindQuery<Territory>): Promise<Page<Territory>>;
  /**
   * The territories above one, nearest first.
   *
   * @example
   * ```ts
   * const above = await admin.team.territories.ancestors(id); // [DACH's parent, ..., the root]
   * ```
   */
  ancestors(id: string): Promise<Territory[]>;
  /**
   * Every territory beneath one, nearest first.
   *
   * @example
   * ```ts
   * const below = await admin.team.territories.descendants(id);
   * ```
   */
  descendants(id: string): Promise<Territory[]>;
  /**
   * Assigns an active rep to a territory over a period. Periods of the same rep and territory
   * must not overlap (`VALIDATION_FAILED`, reason `overlapping_period`). Emits
   * `rep.territoryChanged`.
   *
   * @example
   * ```ts
   * const ana = await admin.team.reps.create({ userId: 'u-17', name: 'Ana Ruiz' });
   * const west = await admin.team.territories.create({ name: 'West', code: 'WEST' });
   * await admin.team.territories.assign({ repId: ana.id, territoryId: west.id, validFrom: '2025-01-01' });
   * ```
   */
  assign(input: TerritoryAssignmentInput): Promise<TerritoryAssignment>;
  /**
   * Changes the dates of an assignment (e.g. ends it); overlaps are refused.
   *
   * @example
   * ```ts
   * await admin.team.territories.updateAssignment(id, { validTo: '2025-07-01' });
   * ```
   */
  updateAssignment(
    id: string,
    patch: { validFrom?: string | Date; validTo?: string | Date | null },
  ): Promise<TerritoryAssignment>;
  /**
   * Moves a rep to another territory from a day (default today): their assignments covering
   * that day end on it, and a new open-ended one starts. An assignment that started that very
   * day is re-pointed instead (it never took effect). `leaving` limits the territories left.
   *
   * @example
   * ```ts
   * const { ended, assignment } = await admin.team.territories.moveRep('rep_1', id, {
   *   on: '2025-07-01',
   * });
   * ```
   */
  moveRep(
    repId: string,
    territoryId: string,
    when?: {
      on?: string | Date;
      /** Only leave these territories (default: every territory the rep has that day). */
      leaving?: readonly string[];
    },
  ): Promise<TerritoryChange>;
  /**
   * Assignments the actor may read, filtered by rep, territory and/or a day they cover.
   *
   * @example
   * ```ts
   * const current = await admin.team.territories.assignments({ territoryId: id, at: '2025-06-30' });
   * ```
   */
  assignments(filter?: {
    repId?: string;
    territoryId?: string;
    at?: string | Date;
  }): Promise<TerritoryAssignment[]>;
  /**
   * The territory a rep (by user id) had on a day (default today), within the actor's reach;
   * with several, the one that started last.
   *
   * @example
   * ```ts
   * const then = await admin.team.territories.of('u-17', '2024-12-31');
   * ```
   */
  of(repUserId: string, at?: string | Date): Promise<string | null>;
  /**
   * Every territory a rep (by user id) had on a day, latest start first, within the actor's
   * reach.
   *
   * @example
   * ```ts
   * const all = await admin.team.territories.allOf('u-17');
   * ```
   */
  allOf(repUserId: string, at?: string | Date): Promise<string[]>;
}

/** Builds the territory service of one scope: the tree here, the periods beside it. */
export function createTerritoryService(scope: ModuleScope<TeamEvents>): TerritoryService {
  const models = teamModels(scope);

  async function checkRefs<E extends EventMap>(
    tx: ModuleScope<E>,
    id: string | null,
    data: Record<string, unknown>,
  ) {
    // internal: parent, loop and code checks are about the whole tree, not the actor's part
    const nodes = tx.internal(models.territory);
    if (data.parentId !== undefined && data.parentId !== null) {
      if (id !== null) await claimGuard(tx, 'territoryTree');
      const parent = typeof data.parentId === 'string' ? await nodes.get(data.parentId) : null;
      if (!parent) throw unknownReference('parentId', 'territory', data.parentId);
      const parentOf = async (nodeId: string) => (await nodes.get(nodeId))?.parentId ?? null;
      if (id !== null && (await wouldCycle(id, parent.id, parentOf))) {
        throw validationError(
          'parentId',
          `territory ${id} cannot sit under ${parent.id}: it would become its own ancestor`,
          'cycle',
          { model: 'territory', id },
        );
      }
    }
    if (data.leadRepId !== undefined && data.leadRepId !== null) {
      await activeRep(tx, data.leadRepId, 'leadRepId');
    }
    if (typeof data.code === 'string') {
      const taken = await nodes.find({ where: { code: data.code }, limit: 1 });
      const other = taken.rows[0];
      if (other && other.id !== id) {
        throw new SellkitError('CONFLICT', `territory code ${data.code} is taken`, {
          model: 'territory',
          id: other.id,
          issues: [{ path: 'code', message: 'is already used', reason: 'duplicate' }],
        });
      }
    }
  }

  const territories = checkedWrites(scope, models.territory, {
    what: 'a territory',
    checkCreate(data) {
      if ('id' in data) throw validationError('id', 'is assigned by storage', 'read_only');
    },
    check: checkRefs,
  });

  return {
    create: (input) => territories.create(input),
    update: (id, patch, writeOptions) => territories.update(id, patch, writeOptions),
    get: (id) => scope.records(models.territory).get(id),
    list: (page) => listByName(scope, models.territory, page),
    async ancestors(id) {
      await scope.assertCan('read', models.territory);
      return teamDirectory(scope).territoryAncestors(id);
    },
    async descendants(id) {
      await scope.assertCan('read', models.territory);
      return teamDirectory(scope).territoryDescendants(id);
    },
    ...createTerritoryAssignmentService(scope),
  };
}

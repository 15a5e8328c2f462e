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
import type { Territory, territory } from './territory-models.js';

/** What creating a territory takes. */
export type TerritoryInput = Omit<InferCreate<typeof territory>, 'id'>;
/** What updating a territory takes. */
export type TerritoryPatch = InferPatch<typeof territory>;

/** The territory tree. */
export function createTerritoryService(scope: ModuleScope<TeamEvents>) {
  const models = teamModels(scope);

  async function checkRefs<E extends EventMap>(
    tx: ModuleScope<E>,
    id: string | null,
    data: Record<string, unknown>,
  ) {
    if (data.parentId !== undefined && data.parentId !== null) {
      if (id !== null) await claimGuard(tx, 'territoryTree');
      const parent =
        typeof data.parentId === 'string'
          ? await tx.storage.get(models.territory, data.parentId)
          : null;
      if (!parent) throw unknownReference('parentId', 'territory', data.parentId);
      const parentOf = async (nodeId: string) =>
        (await tx.storage.get(models.territory, nodeId))?.parentId ?? null;
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
      const taken = await tx.storage.find(models.territory, {
        where: { code: data.code },
        limit: 1,
      });
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
    /**
     * Creates a territory, under `parentId` if given.
     *
     * @example
     * ```ts
     * const emea = await admin.team.createTerritory({ name: 'EMEA', code: 'EMEA' });
     * const dach = await admin.team.createTerritory({ name: 'DACH', code: 'DACH', parentId: emea.id });
     * ```
     */
    createTerritory(input: TerritoryInput): Promise<Territory> {
      return territories.create(input);
    },

    /** Changes a territory; moving it under one of its own descendants is refused. */
    updateTerritory(
      id: string,
      patch: TerritoryPatch,
      writeOptions?: WriteOptions,
    ): Promise<Territory> {
      return territories.update(id, patch, writeOptions);
    },

    /** A territory by id. */
    getTerritory: (id: string): Promise<Territory> => scope.records(models.territory).get(id),

    /** A page of territories, by name. */
    listTerritories(page?: FindQuery<Territory>): Promise<Page<Territory>> {
      return listByName(scope, models.territory, page);
    },

    /** The territories above one, nearest first. */
    async territoryAncestors(id: string): Promise<Territory[]> {
      await scope.assertCan('read', models.territory);
      return teamDirectory(scope).territoryAncestors(id);
    },

    /** Every territory beneath one, nearest first. */
    async territoryDescendants(id: string): Promise<Territory[]> {
      await scope.assertCan('read', models.territory);
      return teamDirectory(scope).territoryDescendants(id);
    },
  };
}

/** The territory part of the team services. */
export type TerritoryService = ReturnType<typeof createTerritoryService>;

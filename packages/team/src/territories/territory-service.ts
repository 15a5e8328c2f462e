import {
  type EventMap,
  type FindQuery,
  type InferCreate,
  type InferPatch,
  type ModuleScope,
  notFound,
  type Page,
  requireObject,
  SellkitError,
  validationError,
  type WriteOptions,
} from '@sellkit/core';
import { teamDirectory } from '../directory/team-directory.js';
import type { TeamEvents } from '../events.js';
import { wouldCycle } from '../hierarchy/tree.js';
import { activeRep } from '../reps/rep-checks.js';
import { optionsOf, unknownReference } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
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

  return {
    /**
     * Creates a territory, under `parentId` if given.
     *
     * @example
     * ```ts
     * const emea = await team.createTerritory({ name: 'EMEA', code: 'EMEA' });
     * const dach = await team.createTerritory({ name: 'DACH', code: 'DACH', parentId: emea.id });
     * ```
     */
    async createTerritory(input: TerritoryInput): Promise<Territory> {
      const data = requireObject(input, 'a territory', 'territory');
      if ('id' in data) throw validationError('id', 'is assigned by storage', 'read_only');
      return scope.transaction(async (tx) => {
        await checkRefs(tx, null, data);
        return tx.records(models.territory).create(data as TerritoryInput);
      });
    },

    /** Changes a territory; moving it under one of its own descendants is refused. */
    async updateTerritory(
      id: string,
      patch: TerritoryPatch,
      writeOptions?: WriteOptions,
    ): Promise<Territory> {
      const data = requireObject(patch, 'a patch', 'territory');
      return scope.transaction(async (tx) => {
        if (!(await tx.storage.get(models.territory, id))) throw notFound('territory', id, 'id');
        await checkRefs(tx, id, data);
        return tx.records(models.territory).update(id, data as TerritoryPatch, writeOptions);
      });
    },

    /** A territory by id. */
    getTerritory: (id: string): Promise<Territory> => scope.records(models.territory).get(id),

    /** A page of territories, by name. */
    async listTerritories(page?: FindQuery<Territory>): Promise<Page<Territory>> {
      const query = optionsOf(page, 'query');
      return scope.records(models.territory).find({
        ...query,
        orderBy: query.orderBy ?? [{ field: 'name', direction: 'asc' }],
      });
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

import { type EventMap, type ModuleScope, SellkitError, validationError } from '@sellkit/core';
import { teamDirectory } from '../directory/team-directory.js';
import type { TeamEvents } from '../events.js';
import { wouldCycle } from '../hierarchy/tree.js';
import { activeRep } from '../reps/rep-checks.js';
import { checkedWrites } from '../shared/checked-writes.js';
import { unknownReference } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
import { listByName } from '../shared/list-by-name.js';
import { teamModels } from '../shared/models.js';
import { createTerritoryAssignmentService } from './assignment-periods.js';
import type { TerritoryService } from './territory-types.js';

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

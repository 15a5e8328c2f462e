import { type EventMap, type ModuleScope, SellkitError, validationError } from '@sellkit/core';
import { subordinates } from '../hierarchy/subordinates.js';
import { ancestorChain, childrenIndex, descendants } from '../hierarchy/tree.js';
import type { Rep } from '../reps/rep-model.js';
import { toDate } from '../shared/dates.js';
import { optionsOf } from '../shared/errors.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import type { Territory } from '../territories/territory-models.js';

/** Options of {@link TeamDirectory.repsUnder}. */
export interface RepsUnderOptions {
  /** Levels below the manager: 1 for direct reports, `'all'` (default) for everyone. */
  depth?: number | 'all';
  /** Only active reps (default false: inactive reps keep their place in the tree). */
  activeOnly?: boolean;
}

/**
 * Read-only questions about the organisation, answered from storage without access checks:
 * for module internals and for the host to wire into other modules (owner and territory
 * validation of `customers()`, routing in `pipeline()`).
 */
export interface TeamDirectory {
  repById(id: string): Promise<Rep | null>;
  repByUserId(userId: string): Promise<Rep | null>;
  repByExternalId(externalId: string): Promise<Rep | null>;
  /** True when `userId` is a rep's user id; inactive reps count only with `includeInactive`. */
  ownerExists(userId: string, options?: { includeInactive?: boolean }): Promise<boolean>;
  territoryExists(territoryId: string): Promise<boolean>;
  /** Everyone beneath a manager (by the manager's user id), nearest first, in one call. */
  repsUnder(managerUserId: string, options?: RepsUnderOptions): Promise<Rep[]>;
  /** The territories above one, nearest first. */
  territoryAncestors(territoryId: string): Promise<Territory[]>;
  /** The territories beneath one, nearest first. */
  territoryDescendants(territoryId: string): Promise<Territory[]>;
  /**
   * The territory a rep (by user id) was assigned to on a day (default today): effective-dated,
   * so a deal closed last year counts for the territory the rep had then. With several
   * assignments on that day, the one that started last.
   */
  territoryOf(repUserId: string, at?: string | Date): Promise<string | null>;
  /** Every territory a rep was assigned to on a day, latest start first. */
  territoriesOf(repUserId: string, at?: string | Date): Promise<string[]>;
  /** The reps who were members of a team on a day (default today). */
  teamMembers(teamId: string, at?: string | Date): Promise<Rep[]>;
}

/**
 * The directory of one scope (its tenant, and its transaction if any).
 *
 * @example
 * ```ts
 * const directory = teamDirectory(scope);
 * const everyone = await directory.repsUnder('u-manager');          // any depth
 * const then = await directory.territoryOf('u-rep', '2025-06-30');  // effective-dated
 * ```
 */
export function teamDirectory<E extends EventMap>(scope: ModuleScope<E>): TeamDirectory {
  const models = teamModels(scope);
  // internal: the directory answers without access checks, by design (see above)
  const reps = scope.internal(models.rep);
  // internal: as above
  const territories = scope.internal(models.territory);
  // internal: as above
  const periods = scope.internal(models.territoryAssignment);
  // internal: as above
  const memberships = scope.internal(models.teamMember);

  async function one<T>(page: Promise<{ rows: T[] }>): Promise<T | null> {
    return (await page).rows[0] ?? null;
  }

  const repByUserId = (userId: string) => one(reps.find({ where: { userId }, limit: 1 }));

  async function requireRepByUserId(userId: string, path: string): Promise<Rep> {
    if (typeof userId !== 'string' || userId.length === 0) {
      throw validationError(path, 'must be a user id', 'invalid_type');
    }
    const found = await repByUserId(userId);
    if (!found) {
      throw new SellkitError('NOT_FOUND', `no rep has user id ${userId}`, {
        model: 'rep',
        issues: [{ path, message: `no rep has user id ${userId}`, reason: 'not_found' }],
      });
    }
    return found;
  }

  async function requireTerritory(territoryId: string): Promise<Territory> {
    const found = typeof territoryId === 'string' ? await territories.get(territoryId) : null;
    if (!found) {
      throw new SellkitError(
        'NOT_FOUND',
        `territory ${typeof territoryId === 'string' ? territoryId : '(not an id)'} does not exist`,
        {
          model: 'territory',
          issues: [{ path: 'territoryId', message: 'no such territory', reason: 'not_found' }],
        },
      );
    }
    return found;
  }

  async function territoriesOf(repUserId: string, at?: string | Date): Promise<string[]> {
    const day = await toDate(scope, at, 'at');
    const found = await repByUserId(repUserId);
    if (!found) return [];
    const rows = await loadAll(
      periods,
      {
        repId: found.id,
        validFrom: { lte: day },
        or: [{ validTo: null }, { validTo: { gt: day } }],
      },
      [{ field: 'validFrom', direction: 'desc' }],
    );
    return [...new Set(rows.map((row) => row.territoryId))];
  }

  return {
    repById: (id) => reps.get(id),
    repByUserId,
    repByExternalId: (externalId) => one(reps.find({ where: { externalId }, limit: 1 })),
    async ownerExists(userId, given) {
      const options = optionsOf(given);
      if (typeof userId !== 'string' || userId.length === 0) return false;
      const found = await repByUserId(userId);
      return found !== null && (found.active || options.includeInactive === true);
    },
    async territoryExists(territoryId) {
      if (typeof territoryId !== 'string' || territoryId.length === 0) return false;
      return (await territories.get(territoryId)) !== null;
    },
    async repsUnder(managerUserId, given) {
      const options = optionsOf(given);
      const manager = await requireRepByUserId(managerUserId, 'managerUserId');
      const depth = options.depth ?? 'all';
      if (depth !== 'all' && (!Number.isInteger(depth) || depth < 1)) {
        throw validationError('depth', "must be a positive integer or 'all'", 'invalid_depth');
      }
      const below = await subordinates(
        scope,
        manager.id,
        depth === 'all' ? Number.POSITIVE_INFINITY : depth,
      );
      return options.activeOnly ? below.filter((row) => row.active) : below;
    },
    async territoryAncestors(territoryId) {
      await requireTerritory(territoryId);
      const cache = new Map<string, Territory>();
      const chain = await ancestorChain(territoryId, async (id) => {
        const node = await territories.get(id);
        if (node) cache.set(id, node);
        return node?.parentId ?? null;
      });
      return chain.map((id) => cache.get(id)).filter((node): node is Territory => !!node);
    },
    async territoryDescendants(territoryId) {
      await requireTerritory(territoryId);
      const all = await loadAll(territories, undefined, [{ field: 'name' }]);
      return descendants(
        territoryId,
        childrenIndex(all, (node) => node.parentId),
      );
    },
    async territoryOf(repUserId, at) {
      return (await territoriesOf(repUserId, at))[0] ?? null;
    },
    territoriesOf,
    async teamMembers(teamId, at) {
      const day = await toDate(scope, at, 'at');
      const rows = await loadAll(memberships, {
        teamId,
        joinedOn: { lte: day },
        or: [{ leftOn: null }, { leftOn: { gt: day } }],
      });
      const ids = [...new Set(rows.map((row) => row.repId))];
      const found = ids.length > 0 ? await reps.getMany(ids) : [];
      return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}

/**
 * Owner validation for `customers({ owners })` (and any module with the same hook): an owner
 * must be an active rep's user id.
 *
 * @example
 * ```ts
 * import { createSellkit, memory } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * const crm = await createSellkit({
 *   storage: memory(),
 *   modules: [team(), customers({ owners: teamOwners, territories: teamTerritories })],
 * });
 * ```
 */
export const teamOwners = {
  exists: <E extends EventMap>(scope: ModuleScope<E>, userId: string): Promise<boolean> =>
    teamDirectory(scope).ownerExists(userId),
};

/** Territory validation for `customers({ territories })`: the territory must exist. */
export const teamTerritories = {
  exists: <E extends EventMap>(scope: ModuleScope<E>, territoryId: string): Promise<boolean> =>
    teamDirectory(scope).territoryExists(territoryId),
};

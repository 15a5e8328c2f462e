import type { EventMap, ModuleScope } from '@sellkit/core';
import { teamDirectory } from '../directory/team-directory.js';
import type { Rep } from '../reps/rep-model.js';
import { today } from '../shared/dates.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import type { AssignmentInput } from './rule-match.js';
import type { AssignmentTarget } from './rule-schema.js';

/** The reps a target resolves to, and the key of its round-robin cursor. */
export interface Pool {
  readonly key: string;
  readonly label: string;
  /** Sorted by id, so the round-robin order is stable. */
  readonly reps: readonly Rep[];
  /** A single named rep: no rotation. */
  readonly fixed: boolean;
}

function byId(a: Rep, b: Rep): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Resolves targets to pools in one decision, with the territory tree loaded once. */
export function createPoolResolver<E extends EventMap>(scope: ModuleScope<E>) {
  const models = teamModels(scope);
  // internal: assignment picks from the whole organisation, not from what the actor may read
  const reps = scope.internal(models.rep);
  // internal: as above, the territory tree, teams and periods whole
  const territories = scope.internal(models.territory);
  // internal: as above
  const teams = scope.internal(models.salesTeam);
  // internal: as above
  const periods = scope.internal(models.territoryAssignment);
  const directory = teamDirectory(scope);
  let day: string | undefined;
  const dayOf = async (): Promise<string> => {
    day ??= await today(scope);
    return day;
  };
  let parents: Map<string, string | null> | null = null;

  async function parentMap(): Promise<Map<string, string | null>> {
    if (!parents) {
      const all = await loadAll(territories);
      parents = new Map(all.map((node) => [node.id, node.parentId]));
    }
    return parents;
  }

  /** The territory and its ancestors, nearest first (empty for an unknown territory). */
  async function lineage(territoryId: string): Promise<string[]> {
    const map = await parentMap();
    if (!map.has(territoryId)) return [];
    const chain: string[] = [];
    let current: string | null | undefined = territoryId;
    while (typeof current === 'string' && !chain.includes(current)) {
      chain.push(current);
      current = map.get(current);
    }
    return chain;
  }

  async function territoryPool(territoryId: string): Promise<Pool | null> {
    // The territory itself first, then upwards: a record in an office without its own team is
    // served by the region's.
    for (const level of await lineage(territoryId)) {
      const serving = await loadAll(teams, { territoryId: level });
      const members = new Map<string, Rep>();
      for (const team of serving) {
        for (const member of await directory.teamMembers(team.id, await dayOf())) {
          members.set(member.id, member);
        }
      }
      if (members.size === 0) {
        const on = await dayOf();
        const assigned = await loadAll(periods, {
          territoryId: level,
          validFrom: { lte: on },
          or: [{ validTo: null }, { validTo: { gt: on } }],
        });
        const ids = [...new Set(assigned.map((row) => row.repId))];
        for (const found of ids.length > 0 ? await reps.getMany(ids) : []) {
          members.set(found.id, found);
        }
      }
      if (members.size > 0) {
        return {
          key: `territory:${level}`,
          label: `territory ${level}`,
          reps: [...members.values()].sort(byId),
          fixed: false,
        };
      }
    }
    return null;
  }

  return {
    lineage,
    /** Null when the target names nothing usable (a record without territory, say). */
    async resolve(target: AssignmentTarget, input: AssignmentInput): Promise<Pool | null> {
      if ('rep' in target) {
        const found = await reps.get(target.rep);
        return found
          ? { key: `rep:${found.id}`, label: `rep ${found.id}`, reps: [found], fixed: true }
          : null;
      }
      if ('team' in target) {
        const members = await directory.teamMembers(target.team, await dayOf());
        return {
          key: `team:${target.team}`,
          label: `team ${target.team}`,
          reps: [...members].sort(byId),
          fixed: false,
        };
      }
      if ('territory' in target) return territoryPool(target.territory);
      const territoryId = input.territoryId;
      return typeof territoryId === 'string' ? territoryPool(territoryId) : null;
    },
  };
}

import type { AccessResolver, EventMap, ModuleScope, SellkitContext } from '@sellkit/core';
import { subordinates } from '../hierarchy/subordinates.js';
import { childrenIndex, descendants } from '../hierarchy/tree.js';
import { today } from '../shared/dates.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';

/**
 * Resolves the kernel's `team` and `territory` scopes from the directory:
 * - team: the actor, everyone beneath them in the reports-to tree (any depth, inactive reps
 *   included so their records stay visible for handover), and the current members of the
 *   teams they manage;
 * - territory: the territories the actor leads or is assigned to today, the context's own
 *   `territoryIds`, and every territory beneath those.
 *
 * Answers are computed on each call (no cache), so a change to the organisation applies to the
 * very next query. `team()` installs it; hosts can also pass it as `access.resolver`.
 *
 * @example
 * ```ts
 * const resolver = teamAccessResolver(scope);
 * await resolver.teamMemberIds(ctx); // the actor, their reps and their teams' members
 * await resolver.territoryIds(ctx); // the territories the actor reaches today, with sub-territories
 * ```
 */
export function teamAccessResolver<E extends EventMap>(scope: ModuleScope<E>): AccessResolver {
  const models = teamModels(scope);
  // internal: this resolves the actor's reach itself, so it reads the directory unscoped
  const reps = scope.internal(models.rep);
  // internal: as above
  const teams = scope.internal(models.salesTeam);
  // internal: as above
  const memberships = scope.internal(models.teamMember);
  // internal: as above
  const territories = scope.internal(models.territory);
  // internal: as above
  const periods = scope.internal(models.territoryAssignment);

  async function actorRep(context: SellkitContext) {
    const page = await reps.find({
      where: { userId: context.actor.id },
      limit: 1,
    });
    return page.rows[0] ?? null;
  }

  return {
    async teamMemberIds(context) {
      const me = await actorRep(context);
      if (!me) return [context.actor.id];
      const below = await subordinates(scope, me.id);
      const ids = new Set<string>([context.actor.id, ...below.map((row) => row.userId)]);
      const managed = await loadAll(teams, { managerRepId: me.id });
      if (managed.length > 0) {
        const day = await today(scope);
        const members = await loadAll(memberships, {
          teamId: { in: managed.map((team) => team.id) },
          joinedOn: { lte: day },
          or: [{ leftOn: null }, { leftOn: { gt: day } }],
        });
        const repIds = [...new Set(members.map((member) => member.repId))];
        for (const found of repIds.length > 0 ? await reps.getMany(repIds) : []) {
          ids.add(found.userId);
        }
      }
      return [...ids];
    },
    async territoryIds(context) {
      const seeds = new Set<string>(context.actor.territoryIds ?? []);
      const me = await actorRep(context);
      if (me) {
        const day = await today(scope);
        const led = await loadAll(territories, { leadRepId: me.id });
        for (const node of led) seeds.add(node.id);
        const assigned = await loadAll(periods, {
          repId: me.id,
          validFrom: { lte: day },
          or: [{ validTo: null }, { validTo: { gt: day } }],
        });
        for (const row of assigned) seeds.add(row.territoryId);
      }
      if (seeds.size === 0) return [];
      const all = await loadAll(territories);
      const children = childrenIndex(all, (node) => node.parentId);
      const ids = new Set<string>(seeds);
      for (const seed of seeds) for (const node of descendants(seed, children)) ids.add(node.id);
      return [...ids];
    },
  };
}

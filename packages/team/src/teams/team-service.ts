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
import { activeRep, existingRep } from '../reps/rep-checks.js';
import type { Rep } from '../reps/rep-model.js';
import { checkedWrites } from '../shared/checked-writes.js';
import { toDate } from '../shared/dates.js';
import { optionsOf, unknownReference } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
import { listByName } from '../shared/list-by-name.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import type { SalesTeam, salesTeam, TeamMember } from './team-models.js';

/** What creating a team takes. */
export type SalesTeamInput = Omit<InferCreate<typeof salesTeam>, 'id'>;
/** What updating a team takes. */
export type SalesTeamPatch = InferPatch<typeof salesTeam>;

/** Sales teams and their members. */
export function createTeamService(scope: ModuleScope<TeamEvents>) {
  const models = teamModels(scope);

  async function checkRefs<E extends EventMap>(tx: ModuleScope<E>, data: Record<string, unknown>) {
    if (data.managerRepId !== undefined && data.managerRepId !== null) {
      await activeRep(tx, data.managerRepId, 'managerRepId');
    }
    if (data.territoryId !== undefined && data.territoryId !== null) {
      const found =
        typeof data.territoryId === 'string'
          ? await tx.storage.get(models.territory, data.territoryId)
          : null;
      if (!found) throw unknownReference('territoryId', 'territory', data.territoryId);
    }
  }

  async function requireTeam<E extends EventMap>(
    tx: ModuleScope<E>,
    teamId: unknown,
  ): Promise<SalesTeam> {
    const found =
      typeof teamId === 'string' ? await tx.storage.get(models.salesTeam, teamId) : null;
    if (!found) throw unknownReference('teamId', 'salesTeam', teamId);
    return found;
  }

  async function currentMembership<E extends EventMap>(
    tx: ModuleScope<E>,
    teamId: string,
    repId: string,
    day: string,
  ) {
    const page = await tx.storage.find(models.teamMember, {
      where: { teamId, repId, or: [{ leftOn: null }, { leftOn: { gt: day } }] },
      orderBy: [{ field: 'joinedOn', direction: 'desc' }],
      limit: 1,
    });
    return page.rows[0] ?? null;
  }

  const teams = checkedWrites(scope, models.salesTeam, {
    what: 'a sales team',
    check: (tx, _id, data) => checkRefs(tx, data),
  });

  return {
    /**
     * Creates a sales team. The manager must be an active rep; `territoryId` makes the team
     * serve a territory for assignment by territory.
     *
     * @example
     * ```ts
     * const celia = await admin.team.createRep({ userId: 'u-2', name: 'Celia Moreau' });
     * const west = await admin.team.createTeam({ name: 'West inside sales', managerRepId: celia.id });
     * ```
     */
    createTeam(input: SalesTeamInput): Promise<SalesTeam> {
      return teams.create(input);
    },

    /** Changes a team (name, manager, territory...). */
    updateTeam(id: string, patch: SalesTeamPatch, writeOptions?: WriteOptions): Promise<SalesTeam> {
      return teams.update(id, patch, writeOptions);
    },

    /** A team by id. */
    getTeam: (id: string): Promise<SalesTeam> => scope.records(models.salesTeam).get(id),

    /** A page of teams, by name. */
    listTeams(page?: FindQuery<SalesTeam>): Promise<Page<SalesTeam>> {
      return listByName(scope, models.salesTeam, page);
    },

    /**
     * Adds an active rep to a team from a day (default today). A rep already in the team on
     * that day is `CONFLICT`.
     */
    async addTeamMember(
      teamId: string,
      repId: string,
      when: { from?: string | Date } = {},
    ): Promise<TeamMember> {
      return scope.transaction(async (tx) => {
        await requireTeam(tx, teamId);
        await activeRep(tx, repId, 'repId');
        const joinedOn = await toDate(tx, optionsOf(when, 'when').from, 'from');
        await claimGuard(tx, `members:${teamId}`);
        const existing = await currentMembership(tx, teamId, repId, joinedOn);
        if (existing) {
          throw new SellkitError('CONFLICT', `rep ${repId} is already a member of ${teamId}`, {
            model: 'teamMember',
            id: existing.id,
            issues: [{ path: 'repId', message: 'is already a member', reason: 'duplicate' }],
          });
        }
        return tx.records(models.teamMember).create({ teamId, repId, joinedOn });
      });
    },

    /** Ends a rep's membership on a day (default today): `on` is their first day outside. */
    async removeTeamMember(
      teamId: string,
      repId: string,
      when: { on?: string | Date } = {},
    ): Promise<TeamMember> {
      return scope.transaction(async (tx) => {
        await requireTeam(tx, teamId);
        await existingRep(tx, repId, 'repId');
        const leftOn = await toDate(tx, optionsOf(when, 'when').on, 'on');
        const membership = await currentMembership(tx, teamId, repId, leftOn);
        if (!membership || membership.joinedOn > leftOn) {
          throw new SellkitError('NOT_FOUND', `rep ${repId} is not a member of ${teamId}`, {
            model: 'teamMember',
            issues: [
              { path: 'repId', message: 'is not a member on that day', reason: 'not_found' },
            ],
          });
        }
        return tx.records(models.teamMember).update(membership.id, { leftOn });
      });
    },

    /** The members of a team on a day (default today). */
    async teamMembers(teamId: string, at?: string | Date): Promise<Rep[]> {
      await scope.assertCan('read', models.teamMember);
      await requireTeam(scope, teamId);
      return teamDirectory(scope).teamMembers(teamId, at);
    },

    /** The membership history of a rep, oldest first. */
    async membershipsOf(repId: string): Promise<TeamMember[]> {
      await scope.assertCan('read', models.teamMember);
      if (typeof repId !== 'string')
        throw validationError('repId', 'must be an id', 'invalid_type');
      return loadAll(scope.storage, models.teamMember, { repId }, [{ field: 'joinedOn' }]);
    },
  };
}

/** The team part of the team services. */
export type TeamService = ReturnType<typeof createTeamService>;

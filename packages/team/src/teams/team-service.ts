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

/** Sales teams and their members (`crm.as(ctx).team.teams`). */
export interface SalesTeamService {
  /**
   * Creates a sales team. The manager must be an active rep; `territoryId` makes the team
   * serve a territory for assignment by territory.
   *
   * @example
   * ```ts
   * const celia = await admin.team.reps.create({ userId: 'u-2', name: 'Celia Moreau' });
   * const west = await admin.team.teams.create({ name: 'West inside sales', managerRepId: celia.id });
   * ```
   */
  create(input: SalesTeamInput): Promise<SalesTeam>;
  /**
   * Changes a team (name, manager, territory...).
   *
   * @example
   * ```ts
   * await admin.team.teams.update(id, { name: 'West field sales' });
   * ```
   */
  update(id: string, patch: SalesTeamPatch, writeOptions?: WriteOptions): Promise<SalesTeam>;
  /**
   * A team by id.
   *
   * @example
   * ```ts
   * const west = await admin.team.teams.get(id);
   * ```
   */
  get(id: string): Promise<SalesTeam>;
  /**
   * A page of teams, by name unless the query says otherwise.
   *
   * @example
   * ```ts
   * const { rows } = await admin.team.teams.list({ limit: 20 });
   * ```
   */
  list(page?: FindQuery<SalesTeam>): Promise<Page<SalesTeam>>;
  /**
   * Adds an active rep to a team from a day (default today). A rep already in the team on
   * that day is `CONFLICT`.
   *
   * @example
   * ```ts
   * const ana = await admin.team.reps.create({ userId: 'u-17', name: 'Ana Ruiz' });
   * await admin.team.teams.addMember(id, ana.id, { from: '2025-01-01' });
   * ```
   */
  addMember(teamId: string, repId: string, when?: { from?: string | Date }): Promise<TeamMember>;
  /**
   * Ends a rep's membership on a day (default today): `on` is their first day outside.
   *
   * @example
   * ```ts
   * await admin.team.teams.removeMember(id, 'rep_1', { on: '2025-07-01' });
   * ```
   */
  removeMember(teamId: string, repId: string, when?: { on?: string | Date }): Promise<TeamMember>;
  /**
   * The members of a team on a day (default today).
   *
   * @example
   * ```ts
   * const members = await admin.team.teams.members(id, '2025-03-31');
   * ```
   */
  members(teamId: string, at?: string | Date): Promise<Rep[]>;
  /**
   * The membership history of a rep, oldest first.
   *
   * @example
   * ```ts
   * const history = await admin.team.teams.membershipsOf(id);
   * ```
   */
  membershipsOf(repId: string): Promise<TeamMember[]>;
}

/** Builds the sales-team service of one scope. */
export function createTeamService(scope: ModuleScope<TeamEvents>): SalesTeamService {
  const models = teamModels(scope);

  async function checkRefs<E extends EventMap>(tx: ModuleScope<E>, data: Record<string, unknown>) {
    if (data.managerRepId !== undefined && data.managerRepId !== null) {
      await activeRep(tx, data.managerRepId, 'managerRepId');
    }
    if (data.territoryId !== undefined && data.territoryId !== null) {
      const id = data.territoryId;
      // internal: a reference check; the territory may be outside the actor's reach
      const found = typeof id === 'string' ? await tx.internal(models.territory).get(id) : null;
      if (!found) throw unknownReference('territoryId', 'territory', data.territoryId);
    }
  }

  async function requireTeam<E extends EventMap>(
    tx: ModuleScope<E>,
    teamId: unknown,
  ): Promise<SalesTeam> {
    // internal: "does this team exist", a reference check
    const found =
      typeof teamId === 'string' ? await tx.internal(models.salesTeam).get(teamId) : null;
    if (!found) throw unknownReference('teamId', 'salesTeam', teamId);
    return found;
  }

  async function currentMembership<E extends EventMap>(
    tx: ModuleScope<E>,
    teamId: string,
    repId: string,
    day: string,
  ) {
    // internal: one membership at a time is an integrity rule over every membership row
    const page = await tx.internal(models.teamMember).find({
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
    create: (input) => teams.create(input),

    update: (id, patch, writeOptions) => teams.update(id, patch, writeOptions),

    get: (id) => scope.records(models.salesTeam).get(id),

    list(page) {
      return listByName(scope, models.salesTeam, page);
    },

    async addMember(teamId, repId, when = {}) {
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

    async removeMember(teamId, repId, when = {}) {
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
        return tx
          .records(models.teamMember)
          .update(membership.id, { leftOn }, { current: membership });
      });
    },

    async members(teamId, at) {
      await scope.assertCan('read', models.teamMember);
      await requireTeam(scope, teamId);
      return teamDirectory(scope).teamMembers(teamId, at);
    },

    async membershipsOf(repId) {
      await scope.assertCan('read', models.teamMember);
      if (typeof repId !== 'string')
        throw validationError('repId', 'must be an id', 'invalid_type');
      // internal: memberships have no owner or territory field, so a scoped reach would hide
      // them all; the model-level check above is their access check
      const memberships = scope.internal(models.teamMember);
      return loadAll(memberships, { repId }, [{ field: 'joinedOn' }]);
    },
  };
}

import {
  type EventMap,
  type FindQuery,
  type InferCreate,
  type InferPatch,
  type ModuleScope,
  notFound,
  type Page,
  reachIncludes,
  requireObject,
  SellkitError,
  validationError,
  type WriteOptions,
} from '@sellkit/core';
import { type RepsUnderOptions, teamDirectory } from '../directory/team-directory.js';
import type { TeamEvents } from '../events.js';
import {
  createHandoverService,
  type HandoverOptions,
  type HandoverReport,
} from '../handover/handover.js';
import { wouldCycle } from '../hierarchy/tree.js';
import type { ResolvedTeamOptions } from '../options.js';
import { optionsOf, requireId } from '../shared/errors.js';
import { claimGuard } from '../shared/guard.js';
import { listByName } from '../shared/list-by-name.js';
import { teamModels } from '../shared/models.js';
import { markInactive } from './deactivate.js';
import { activeRep, guardOwnEntry } from './rep-checks.js';
import type { Rep, rep } from './rep-model.js';

/** What creating a rep takes. New reps are active. */
export type RepInput = Omit<InferCreate<typeof rep>, 'id' | 'active' | 'deactivatedAt'>;
/** What updating a rep takes; `userId` never changes and activity has its own calls. */
export type RepPatch = Omit<InferPatch<typeof rep>, 'userId' | 'active' | 'deactivatedAt'>;

/** Options of `deactivateRep`: hand the rep's open records over in the same transaction. */
export interface DeactivateOptions {
  handover?: Omit<HandoverOptions, 'fromRepId' | 'deactivate'>;
}

/** What `deactivateRep` did. */
export interface Deactivation {
  rep: Rep;
  handover: HandoverReport | null;
}

function refuseReadOnly(input: Record<string, unknown>, fields: readonly string[], hint: string) {
  for (const name of fields) {
    if (name in input) throw validationError(name, `cannot be set here; ${hint}`, 'read_only');
  }
}

/** Reps: the directory entries behind every owner id. */
export function createRepService(scope: ModuleScope<TeamEvents>, options: ResolvedTeamOptions) {
  const models = teamModels(scope);

  async function checkReportsTo<E extends EventMap>(
    tx: ModuleScope<E>,
    repId: string | null,
    managerId: unknown,
  ) {
    if (managerId === null || managerId === undefined) return;
    await activeRep(tx, managerId, 'reportsToId');
    const parentOf = async (id: string) =>
      (await tx.storage.get(models.rep, id))?.reportsToId ?? null;
    if (repId !== null && (await wouldCycle(repId, managerId as string, parentOf))) {
      throw validationError(
        'reportsToId',
        `rep ${repId} cannot report to ${managerId as string}: the reports-to chain would loop`,
        'cycle',
        { model: 'rep', id: repId },
      );
    }
  }

  return {
    /**
     * Adds a rep to the directory and emits `rep.created`.
     *
     * @example
     * ```ts
     * const lead = await admin.team.createRep({ userId: 'u-2', name: 'Celia Moreau' });
     * const ana = await admin.team.createRep({ userId: 'u-17', name: 'Ana Ruiz',
     *   email: 'ana@example.com', seniority: 'senior', reportsToId: lead.id });
     * ```
     */
    async createRep(input: RepInput): Promise<Rep> {
      const data = requireObject(input, 'a rep', 'rep');
      refuseReadOnly(data, ['id', 'active', 'deactivatedAt'], 'new reps start active');
      const userId = requireId(data.userId, 'userId');
      return scope.transaction(async (tx) => {
        await checkReportsTo(tx, null, data.reportsToId);
        const taken = await tx.storage.find(models.rep, { where: { userId }, limit: 1 });
        if (taken.rows.length > 0) {
          throw new SellkitError('CONFLICT', `a rep with user id ${userId} already exists`, {
            model: 'rep',
            id: taken.rows[0]?.id,
            issues: [{ path: 'userId', message: 'is already a rep', reason: 'duplicate' }],
          });
        }
        if (userId === tx.context.actor.id) {
          await guardOwnEntry(tx, userId, ['reportsToId', 'seniority', 'capacity', 'active']);
        }
        const created = await tx.records(models.rep).create(data as RepInput);
        await tx.emit('rep.created', { rep: created });
        return created;
      });
    },

    /** Changes a rep. A new manager must be active and must not close a reports-to loop. */
    async updateRep(id: string, patch: RepPatch, writeOptions?: WriteOptions): Promise<Rep> {
      const data = requireObject(patch, 'a patch', 'rep');
      refuseReadOnly(data, ['id', 'userId'], 'a rep keeps their user id');
      refuseReadOnly(data, ['active', 'deactivatedAt'], 'use deactivateRep / reactivateRep');
      return scope.transaction(async (tx) => {
        const before = await tx.storage.get(models.rep, id);
        if (!before) throw notFound('rep', id, 'id');
        if ('reportsToId' in data) {
          await claimGuard(tx, 'reportsTo');
          await checkReportsTo(tx, id, data.reportsToId);
        }
        await guardOwnEntry(tx, before.userId, Object.keys(data));
        return tx.records(models.rep).update(id, data as RepPatch, writeOptions);
      });
    },

    /** A rep by id, if the actor may read it. */
    getRep: (id: string): Promise<Rep> => scope.records(models.rep).get(id),

    /** The rep of a host user id, if the actor may read it; null when there is none. */
    async repByUserId(userId: string): Promise<Rep | null> {
      const page = await scope.records(models.rep).find({ where: { userId }, limit: 1 });
      return page.rows[0] ?? null;
    },

    /** A page of the reps the actor may read (by name unless told otherwise). */
    listReps(page?: FindQuery<Rep>): Promise<Page<Rep>> {
      return listByName(scope, models.rep, page);
    },

    /**
     * Everyone beneath a manager (by user id), any depth by default, in one call; filtered to
     * the reps the actor may read.
     */
    async repsUnder(managerUserId: string, under?: RepsUnderOptions): Promise<Rep[]> {
      const reach = await scope.reach('read', models.rep);
      const found = await teamDirectory(scope).repsUnder(managerUserId, under);
      return found.filter((row) => reachIncludes(reach, models.rep, row));
    },

    /**
     * Deactivates a rep, optionally handing their open records over in the same transaction.
     * History is never deleted; the rep stops receiving assignments.
     */
    async deactivateRep(id: string, given?: DeactivateOptions): Promise<Deactivation> {
      const deactivate = optionsOf(given);
      return scope.transaction(async (tx) => {
        const target = await tx.storage.get(models.rep, id);
        if (!target) throw notFound('rep', id, 'id');
        if (deactivate.handover) {
          const report = await createHandoverService(tx, options).handover({
            ...deactivate.handover,
            fromRepId: id,
            deactivate: true,
          });
          const after = await tx.storage.get(models.rep, id);
          return { rep: after ?? target, handover: report };
        }
        return { rep: await markInactive(tx, target, 0), handover: null };
      });
    },

    /** Makes an inactive rep active again. */
    async reactivateRep(id: string): Promise<Rep> {
      return scope.transaction(async (tx) => {
        const target = await tx.storage.get(models.rep, id);
        if (!target) throw notFound('rep', id, 'id');
        if (target.active) {
          throw new SellkitError('INVALID_STATE', `rep ${id} is already active`, {
            model: 'rep',
            id,
          });
        }
        await guardOwnEntry(tx, target.userId, ['active']);
        return tx.records(models.rep).update(id, { active: true, deactivatedAt: null });
      });
    },
  };
}

/** The rep part of the team services. */
export type RepService = ReturnType<typeof createRepService>;

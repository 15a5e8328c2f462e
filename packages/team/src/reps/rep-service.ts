import {
  type EventMap,
  type FindQuery,
  type InferCreate,
  type InferPatch,
  type ModuleScope,
  type Page,
  reachIncludes,
  SellkitError,
  validationError,
  type WriteOptions,
} from '@sellkit/core';
import { notFound, requireObject } from '@sellkit/core/module';
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

/** Options of `reps.deactivate`: hand the rep's open records over in the same transaction. */
export interface DeactivateOptions {
  handover?: Omit<HandoverOptions, 'fromRepId' | 'deactivate'>;
}

/** What `reps.deactivate` did. */
export interface Deactivation {
  rep: Rep;
  handover: HandoverReport | null;
}

function refuseReadOnly(input: Record<string, unknown>, fields: readonly string[], hint: string) {
  for (const name of fields) {
    if (name in input) throw validationError(name, `cannot be set here; ${hint}`, 'read_only');
  }
}

/** Reps: the directory entries behind every owner id (`crm.as(ctx).team.reps`). */
export interface RepService {
  /**
   * Adds a rep to the directory and emits `rep.created`. New reps are active; a second rep
   * with the same user id is `CONFLICT`.
   *
   * @example
   * ```ts
   * const lead = await admin.team.reps.create({ userId: 'u-2', name: 'Celia Moreau' });
   * const ana = await admin.team.reps.create({ userId: 'u-17', name: 'Ana Ruiz',
   *   email: 'ana@example.com', seniority: 'senior', reportsToId: lead.id });
   * ```
   */
  create(input: RepInput): Promise<Rep>;
  /**
   * Changes a rep. A new manager must be active and must not close a reports-to loop; a rep
   * editing their own entry may not change its place in the organisation.
   *
   * @example
   * ```ts
   * await admin.team.reps.update(id, { seniority: 'lead', capacity: 40 });
   * ```
   */
  update(id: string, patch: RepPatch, writeOptions?: WriteOptions): Promise<Rep>;
  /**
   * A rep by id, if the actor may read it (`NOT_FOUND` / `FORBIDDEN` otherwise).
   *
   * @example
   * ```ts
   * const ana = await admin.team.reps.get(id);
   * ```
   */
  get(id: string): Promise<Rep>;
  /**
   * The rep of a host user id, if the actor may read it; null when there is none.
   *
   * @example
   * ```ts
   * const ana = await admin.team.reps.byUserId('u-17');
   * ```
   */
  byUserId(userId: string): Promise<Rep | null>;
  /**
   * A page of the reps the actor may read (by name unless the query says otherwise).
   *
   * @example
   * ```ts
   * const { rows, nextCursor } = await admin.team.reps.list({ limit: 50 });
   * ```
   */
  list(page?: FindQuery<Rep>): Promise<Page<Rep>>;
  /**
   * Everyone beneath a manager (by user id), nearest level first, any depth by default, in one
   * call; filtered to the reps the actor may read.
   *
   * @example
   * ```ts
   * const direct = await manager.team.reps.under('u-2', { depth: 1, activeOnly: true });
   * ```
   */
  under(managerUserId: string, options?: RepsUnderOptions): Promise<Rep[]>;
  /**
   * Deactivates a rep, optionally handing their open records over in the same transaction.
   * History is never deleted; the rep stops receiving assignments. Emits `rep.deactivated`.
   *
   * @example
   * ```ts
   * const { handover } = await admin.team.reps.deactivate(id, {
   *   handover: { toRepId: 'rules', models: ['company'] },
   * });
   * ```
   */
  deactivate(id: string, options?: DeactivateOptions): Promise<Deactivation>;
  /**
   * Makes an inactive rep active again (`INVALID_STATE` when already active).
   *
   * @example
   * ```ts
   * await admin.team.reps.reactivate(id);
   * ```
   */
  reactivate(id: string): Promise<Rep>;
}

/** Builds the rep service of one scope. */
export function createRepService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedTeamOptions,
): RepService {
  const models = teamModels(scope);

  async function checkReportsTo<E extends EventMap>(
    tx: ModuleScope<E>,
    repId: string | null,
    managerId: unknown,
  ) {
    if (managerId === null || managerId === undefined) return;
    await activeRep(tx, managerId, 'reportsToId');
    // internal: a loop check walks the whole reports-to chain, whoever may read it
    const reps = tx.internal(models.rep);
    const parentOf = async (id: string) => (await reps.get(id))?.reportsToId ?? null;
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
    async create(input) {
      const data = requireObject(input, 'a rep', 'rep');
      refuseReadOnly(data, ['id', 'active', 'deactivatedAt'], 'new reps start active');
      const userId = requireId(data.userId, 'userId');
      return scope.transaction(async (tx) => {
        await checkReportsTo(tx, null, data.reportsToId);
        // internal: user ids are unique across the directory, not just what the actor sees
        const taken = await tx.internal(models.rep).find({ where: { userId }, limit: 1 });
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

    async update(id, patch, writeOptions) {
      const data = requireObject(patch, 'a patch', 'rep');
      refuseReadOnly(data, ['id', 'userId'], 'a rep keeps their user id');
      refuseReadOnly(data, ['active', 'deactivatedAt'], 'use reps.deactivate / reps.reactivate');
      return scope.transaction(async (tx) => {
        // internal: "does this rep exist" first; the update below checks the actor's access
        const before = await tx.internal(models.rep).get(id);
        if (!before) throw notFound('rep', id, 'id');
        if ('reportsToId' in data) {
          await claimGuard(tx, 'reportsTo');
          await checkReportsTo(tx, id, data.reportsToId);
        }
        await guardOwnEntry(tx, before.userId, Object.keys(data));
        return tx
          .records(models.rep)
          .update(id, data as RepPatch, { ...writeOptions, current: before });
      });
    },

    get: (id) => scope.records(models.rep).get(id),

    async byUserId(userId) {
      const page = await scope.records(models.rep).find({ where: { userId }, limit: 1 });
      return page.rows[0] ?? null;
    },

    list(page) {
      return listByName(scope, models.rep, page);
    },

    async under(managerUserId, under) {
      const reach = await scope.reach('read', models.rep);
      const found = await teamDirectory(scope).repsUnder(managerUserId, under);
      return found.filter((row) => reachIncludes(reach, models.rep, row));
    },

    async deactivate(id, given) {
      const deactivate = optionsOf(given);
      return scope.transaction(async (tx) => {
        // internal: "does this rep exist"; the write that deactivates checks the actor's access
        const reps = tx.internal(models.rep);
        const target = await reps.get(id);
        if (!target) throw notFound('rep', id, 'id');
        if (deactivate.handover) {
          const report = await createHandoverService(tx, options).handover({
            ...deactivate.handover,
            fromRepId: id,
            deactivate: true,
          });
          const after = await reps.get(id);
          return { rep: after ?? target, handover: report };
        }
        return { rep: await markInactive(tx, target, 0), handover: null };
      });
    },

    async reactivate(id) {
      return scope.transaction(async (tx) => {
        // internal: "does this rep exist"; the update below checks the actor's access
        const target = await tx.internal(models.rep).get(id);
        if (!target) throw notFound('rep', id, 'id');
        if (target.active) {
          throw new SellkitError('INVALID_STATE', `rep ${id} is already active`, {
            model: 'rep',
            id,
          });
        }
        await guardOwnEntry(tx, target.userId, ['active']);
        return tx
          .records(models.rep)
          .update(id, { active: true, deactivatedAt: null }, { current: target });
      });
    },
  };
}

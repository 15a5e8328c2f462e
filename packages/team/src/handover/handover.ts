import {
  type AnyModel,
  type EventMap,
  type ModuleScope,
  validationError,
  type Where,
} from '@sellkit/core';
import { isPlainObject, requireObject } from '@sellkit/core/module';
import { createAssignmentEngine } from '../assignment/engine.js';
import { ownedModel } from '../assignment/rule-store.js';
import type { TeamEvents } from '../events.js';
import type { ResolvedTeamOptions } from '../options.js';
import { markInactive } from '../reps/deactivate.js';
import { activeRep, existingRep } from '../reps/rep-checks.js';
import { teamModels } from '../shared/models.js';

/** One model whose open records move, with the caller's definition of "open". */
export interface HandoverModel {
  model: string;
  /** Which of the rep's records are open (default: the module's `openRecords`, else all). */
  open?: Where;
}

/** What a handover takes. */
export interface HandoverOptions {
  fromRepId: string;
  /** A rep id, or `'rules'` to send every record back through the assignment rules. */
  toRepId: string;
  /** Models to sweep, by name or with an "open" filter. */
  models: readonly (string | HandoverModel)[];
  /** Deactivate the leaving rep in the same transaction. */
  deactivate?: boolean;
  /** The rule set for `toRepId: 'rules'` (default `default`). */
  ruleSet?: string;
}

/** One record that changed hands. `from` and `to` are user ids. */
export interface HandoverMove {
  model: string;
  id: string;
  from: string;
  to: string;
}

/** What a handover moved. */
export interface HandoverReport {
  fromRepId: string;
  to: string;
  moved: HandoverMove[];
  /** Records moved per model (every listed model appears, 0 included). */
  counts: Record<string, number>;
  total: number;
  deactivated: boolean;
}

function entries(raw: unknown): { model: string; open?: Where }[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw validationError('models', 'must list at least one model', 'invalid_type');
  }
  return raw.map((item, index) => {
    if (typeof item === 'string') return { model: item };
    if (!isPlainObject(item)) {
      throw validationError(`models.${index}`, 'must be a model name or an object', 'invalid_type');
    }
    const open = item.open;
    if (open !== undefined && (open === null || typeof open !== 'object')) {
      throw validationError(`models.${index}.open`, 'must be a filter', 'invalid_type');
    }
    return { model: item.model as string, ...(open ? { open: open as Where } : {}) };
  });
}

/** Handover of a leaving rep's open records (`crm.as(ctx).team.handover`). */
export interface HandoverService {
  /**
   * Moves a rep's open records to another rep, or back through the assignment rules, in ONE
   * transaction: every update goes through the audited record service and emits
   * `record.reassigned`; any failure leaves everything as it was.
   *
   * @example
   * ```ts
   * const leaving = await admin.team.reps.create({ userId: 'u-9', name: 'Leo Park' });
   * const report = await admin.team.handover({
   *   fromRepId: leaving.id,
   *   toRepId: 'rules',
   *   models: [{ model: 'company', open: { lifecycleStage: { ne: 'churned' } } }],
   *   deactivate: true,
   * });
   * console.log(report.counts); // { company: 12 }
   * ```
   */
  handover(input: HandoverOptions): Promise<HandoverReport>;
}

/** Builds the handover service of one scope. */
export function createHandoverService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedTeamOptions,
): HandoverService {
  const engine = createAssignmentEngine(options);
  const models = teamModels(scope);

  async function ownedIds<E extends EventMap>(
    tx: ModuleScope<E>,
    model: AnyModel,
    userId: string,
    open?: Where,
  ) {
    const owner = model.access.ownerField as string;
    const where: Where = open ? { and: [{ [owner]: userId }, open] } : { [owner]: userId };
    const ids: string[] = [];
    let after: string | undefined;
    // internal: every record the leaving rep owns: one the actor may not move must fail the
    // handover (at the audited update), not be skipped silently
    const rows = tx.internal(model);
    do {
      const page = await rows.find({
        where,
        orderBy: [{ field: 'id', direction: 'asc' }],
        limit: 10_000,
        ...(after ? { after } : {}),
      });
      ids.push(...page.rows.map((row) => row.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    return ids;
  }

  return {
    async handover(input) {
      const data = requireObject(input, 'a handover');
      const sweep = entries(data.models);
      return scope.transaction(async (tx) => {
        const from = await existingRep(tx, data.fromRepId, 'fromRepId');
        const toRules = data.toRepId === 'rules';
        if (!toRules && data.toRepId === from.id) {
          throw validationError('toRepId', 'must differ from fromRepId', 'same_rep');
        }
        const target = toRules ? null : await activeRep(tx, data.toRepId, 'toRepId');
        const resolved = sweep.map((entry, index) => ({
          model: ownedModel(tx, entry.model, `models.${index}.model`),
          open: entry.open ?? options.openRecords[entry.model],
        }));
        const moved: HandoverMove[] = [];
        const counts: Record<string, number> = {};
        for (const { model, open } of resolved) {
          counts[model.name] ??= 0;
          for (const id of await ownedIds(tx, model, from.userId, open)) {
            let to: { userId: string; ruleId: string | null };
            if (target) {
              to = { userId: target.userId, ruleId: null };
            } else {
              const record = await tx.records(model).get(id);
              const territoryField = model.access.territoryField;
              const facts = await engine.checkInput(
                tx,
                {
                  ...record,
                  ...(territoryField ? { territoryId: record[territoryField] ?? null } : {}),
                  model: model.name,
                },
                {},
                false,
              );
              const decision = await engine.decide(tx, facts, {
                excludeRepIds: [from.id],
                ...(typeof data.ruleSet === 'string' ? { ruleSet: data.ruleSet } : {}),
              });
              to = { userId: decision.repUserId, ruleId: decision.ruleId };
            }
            await engine.apply(tx, model, id, to, 'handover');
            moved.push({ model: model.name, id, from: from.userId, to: to.userId });
            counts[model.name] = (counts[model.name] ?? 0) + 1;
          }
        }
        const deactivate = data.deactivate === true;
        if (deactivate) {
          // internal: the leaving rep as the moves left them; deactivating checks access
          const fresh = (await tx.internal(models.rep).get(from.id)) ?? from;
          // Handing over for someone who already left is fine: they simply stay inactive.
          if (fresh.active) await markInactive(tx, fresh, moved.length);
        }
        return {
          fromRepId: from.id,
          to: target ? target.id : 'rules',
          moved,
          counts,
          total: moved.length,
          deactivated: deactivate,
        };
      });
    },
  };
}

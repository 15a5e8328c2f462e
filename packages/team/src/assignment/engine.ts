import {
  type AnyModel,
  type EventMap,
  type InferPatch,
  isSellkitError,
  type ModuleScope,
  SellkitError,
  validationError,
  type Where,
} from '@sellkit/core';
import { requireObject } from '@sellkit/core/module';
import type { TeamEvents } from '../events.js';
import type { ResolvedTeamOptions } from '../options.js';
import type { Rep } from '../reps/rep-model.js';
import { unknownReference } from '../shared/errors.js';
import { teamModels } from '../shared/models.js';
import { createPoolResolver } from './pools.js';
import { CURSOR_CONFLICT, type SkipReason, type Turn, takeTurn } from './round-robin.js';
import { type AssignmentInput, ruleMatches } from './rule-match.js';
import type { AssignmentRule, AssignmentTarget } from './rule-schema.js';
import { createRuleStore, ownedModel, ruleSetName } from './rule-store.js';

/** Options of an assignment decision. */
export interface AssignOptions {
  /** The rule set to use (default `default`). */
  ruleSet?: string;
  /** Reps who must not get this record (the one leaving, say). */
  excludeRepIds?: readonly string[];
}

/** Who gets a record, by which rule, and why. */
export interface AssignmentDecision {
  readonly repId: string;
  /** The host user id to put in the record's owner field. */
  readonly repUserId: string;
  /** The rule that gave the rep, or `fallback`. */
  readonly ruleId: string;
  readonly ruleSet: string;
  readonly revision: number;
  /** The pool the rep was taken from (`team:…`, `territory:…`, `rep:…`). */
  readonly pool: string;
  /** A sentence a person can read. */
  readonly reason: string;
}

const MAX_ATTEMPTS = 8;

function describeSkips(skipped: Turn['skipped']): string {
  const parts = (Object.entries(skipped) as [SkipReason, number][])
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => {
      const label = {
        inactive: 'inactive',
        excluded: 'excluded',
        atCapacity: 'at capacity',
        notLevel: 'of another level',
      }[reason];
      return `${count} ${label}`;
    });
  return parts.length > 0 ? `passed over ${parts.join(', ')}` : '';
}

/**
 * The assignment machinery, bound to nothing: every function takes the scope (usually a
 * transaction) it works in, so the services and the handover share it.
 */
export function createAssignmentEngine(options: ResolvedTeamOptions) {
  async function openCount<E extends EventMap>(
    tx: ModuleScope<E>,
    userId: string,
    counted: readonly AnyModel[],
  ) {
    let total = 0;
    for (const model of counted) {
      const owner = model.access.ownerField as string;
      const open = options.openRecords[model.name];
      const where: Where = open ? { and: [{ [owner]: userId }, open] } : { [owner]: userId };
      // internal: capacity counts every open record of the rep, not what the actor sees
      total += await tx.internal(model).count(where);
    }
    return total;
  }

  async function decideOnce<E extends EventMap>(
    tx: ModuleScope<E>,
    input: AssignmentInput,
    assign: AssignOptions,
  ): Promise<AssignmentDecision> {
    const name = ruleSetName(assign.ruleSet);
    const set = await createRuleStore(tx, options).latest(tx, name);
    if (!set) {
      throw new SellkitError('NOT_FOUND', `no assignment rules published as ${name}`, {
        model: 'assignmentRuleSet',
        name,
      });
    }
    const rules = set.definition;
    const pools = createPoolResolver(tx);
    const lineage =
      typeof input.territoryId === 'string' ? await pools.lineage(input.territoryId) : [];
    const excluded = new Set(assign.excludeRepIds ?? []);
    const counted = (rules.capacity?.countModels ?? [input.model]).map((model, index) =>
      ownedModel(tx, model, `capacity.countModels.${index}`),
    );
    const check = async (candidate: Rep): Promise<SkipReason | null> => {
      if (!candidate.active) return 'inactive';
      if (excluded.has(candidate.id)) return 'excluded';
      const limit = candidate.capacity ?? rules.capacity?.limit ?? options.defaultCapacity;
      if (limit === null || limit === undefined) return null;
      return (await openCount(tx, candidate.userId, counted)) >= limit ? 'atCapacity' : null;
    };
    const steps: { id: string; assignTo: AssignmentTarget; rule?: AssignmentRule }[] = [
      ...rules.rules
        .filter((rule) => ruleMatches(rule, input, lineage))
        .map((rule) => ({ id: rule.id, assignTo: rule.assignTo, rule })),
      ...(rules.fallback ? [{ id: 'fallback', assignTo: rules.fallback }] : []),
    ];
    const trail: string[] = [];
    for (const step of steps) {
      const pool = await pools.resolve(step.assignTo, input);
      if (!pool || pool.reps.length === 0) {
        trail.push(`${step.id}: nobody to pick from`);
        continue;
      }
      const turn = await takeTurn(tx, pool, check, {
        ...(step.rule?.prefer ? { prefer: step.rule.prefer.seniority } : {}),
        ...(step.rule?.only ? { only: step.rule.only.seniority } : {}),
      });
      const skips = describeSkips(turn.skipped);
      if (!turn.rep) {
        trail.push(`${step.id}: nobody eligible in ${pool.label}${skips ? ` (${skips})` : ''}`);
        continue;
      }
      const how = pool.fixed ? 'named rep' : 'round-robin';
      const level = turn.preferred
        ? `, preferred ${step.rule?.prefer?.seniority.join('/')}`
        : step.rule?.prefer
          ? `, no preferred ${step.rule.prefer.seniority.join('/')} rep available`
          : '';
      const earlier = trail.length > 0 ? ` after ${trail.join('; ')}` : '';
      return {
        repId: turn.rep.id,
        repUserId: turn.rep.userId,
        ruleId: step.id,
        ruleSet: name,
        revision: set.revision,
        pool: pool.key,
        reason: `${step.id === 'fallback' ? 'fallback' : `rule ${step.id}`}: ${pool.label}, ${how}${level}${skips ? `; ${skips}` : ''}${earlier}`,
      };
    }
    throw new SellkitError(
      'INVALID_STATE',
      `no eligible rep for this ${input.model}${trail.length > 0 ? `: ${trail.join('; ')}` : ': no rule applies and there is no fallback'}`,
      { model: input.model, ruleSet: name, revision: set.revision, trail },
    );
  }

  async function decide<E extends EventMap>(
    base: ModuleScope<E>,
    input: AssignmentInput,
    assign: AssignOptions,
  ): Promise<AssignmentDecision> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        // A savepoint per attempt: a lost race for a turn is undone and tried again.
        return await base.transaction((tx) => decideOnce(tx, input, assign));
      } catch (error) {
        const raced = isSellkitError(error, 'CONFLICT') && error.details.model === CURSOR_CONFLICT;
        if (!raced || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  async function checkInput<E extends EventMap>(
    tx: ModuleScope<E>,
    raw: unknown,
    assign: AssignOptions,
    strictTerritory: boolean,
  ): Promise<AssignmentInput> {
    const input = requireObject(raw, 'an assignment request');
    ownedModel(tx, input.model, 'model');
    const territoryId = input.territoryId;
    if (territoryId !== undefined && territoryId !== null && strictTerritory) {
      // internal: a reference check; the territory may be outside the actor's reach
      const territories = tx.internal(teamModels(tx).territory);
      const found = typeof territoryId === 'string' ? await territories.get(territoryId) : null;
      if (!found) throw unknownReference('territoryId', 'territory', territoryId);
    }
    if (
      assign.excludeRepIds !== undefined &&
      (!Array.isArray(assign.excludeRepIds) ||
        assign.excludeRepIds.some((id) => typeof id !== 'string'))
    ) {
      throw validationError('excludeRepIds', 'must be a list of rep ids', 'invalid_type');
    }
    return input as AssignmentInput;
  }

  async function apply(
    tx: ModuleScope<TeamEvents>,
    model: AnyModel,
    recordId: string,
    to: { userId: string; ruleId: string | null },
    reason: TeamEvents['record.reassigned']['reason'],
  ) {
    const owner = model.access.ownerField as string;
    const before = await tx.records(model).get(recordId);
    const from = typeof before[owner] === 'string' ? (before[owner] as string) : null;
    if (from === to.userId) return { record: before, changed: false };
    const patch = { [owner]: to.userId } as InferPatch<AnyModel>;
    const record = await tx.records(model).update(recordId, patch);
    await tx.emit('record.reassigned', {
      model: model.name,
      recordId,
      from,
      to: to.userId,
      reason,
      ruleId: to.ruleId,
    });
    return { record, changed: true };
  }

  return { decide, checkInput, apply };
}

/** The engine {@link createAssignmentEngine} returns. */
export type AssignmentEngine = ReturnType<typeof createAssignmentEngine>;

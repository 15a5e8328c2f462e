import type { ModuleScope } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import type { ResolvedTeamOptions } from '../options.js';
import { activeRep } from '../reps/rep-checks.js';
import { optionsOf } from '../shared/errors.js';
import { type AssignmentDecision, type AssignOptions, createAssignmentEngine } from './engine.js';
import type { AssignmentInput } from './rule-match.js';
import { createRuleStore, ownedModel } from './rule-store.js';

/** Assignment by rules: decisions, and applying them to records. */
export function createAssignmentService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedTeamOptions,
) {
  const { decide, checkInput, apply } = createAssignmentEngine(options);

  return {
    /**
     * Decides who gets a record, by the published rules, and takes the round-robin turn (the
     * only state it changes). Generic over models: pass the model name and the facts rules test.
     *
     * @example
     * ```ts
     * const west = await admin.team.createTerritory({ name: 'West', code: 'WEST' });
     * const decision = await crm.as(ctx).team.assign({
     *   model: 'company',
     *   territoryId: west.id,
     *   priority: 'high',
     * });
     * await crm.as(ctx).customers.companies.create({ name: 'Cancity', ownerId: decision.repUserId });
     * ```
     */
    async assign(input: AssignmentInput, given?: AssignOptions): Promise<AssignmentDecision> {
      const assign = optionsOf(given);
      return scope.transaction(async (tx) =>
        decide(tx, await checkInput(tx, input, assign, true), assign),
      );
    },

    /**
     * Applies a decision (or any active rep) to an existing record: sets its owner field through
     * the audited record service and emits `record.reassigned`.
     */
    async applyAssignment(
      modelName: string,
      recordId: string,
      decision: Pick<AssignmentDecision, 'repId' | 'ruleId'>,
    ) {
      return scope.transaction(async (tx) => {
        const model = ownedModel(tx, modelName, 'model');
        const target = await activeRep(tx, decision?.repId, 'repId');
        return apply(
          tx,
          model,
          recordId,
          {
            userId: target.userId,
            ruleId: typeof decision.ruleId === 'string' ? decision.ruleId : null,
          },
          'assignment',
        );
      });
    },

    /**
     * Decides and applies in one transaction: the record's fields (its territory, priority...)
     * are the facts, `attributes` adds or overrides some.
     */
    async assignRecord(
      modelName: string,
      recordId: string,
      given?: AssignOptions & { attributes?: Readonly<Record<string, unknown>> },
    ) {
      const assign = optionsOf(given);
      const attributes = optionsOf(assign.attributes, 'attributes');
      return scope.transaction(async (tx) => {
        const model = ownedModel(tx, modelName, 'model');
        const record = await tx.records(model).get(recordId);
        const territoryField = model.access.territoryField;
        const input = await checkInput(
          tx,
          {
            ...record,
            ...(territoryField ? { territoryId: record[territoryField] ?? null } : {}),
            ...attributes,
            model: model.name,
          },
          assign,
          false,
        );
        const decision = await decide(tx, input, assign);
        const applied = await apply(
          tx,
          model,
          recordId,
          { userId: decision.repUserId, ruleId: decision.ruleId },
          'assignment',
        );
        return { decision, ...applied };
      });
    },

    /** Gives a record to a named active rep (a manual reassignment, audited, with its event). */
    async reassignRecord(modelName: string, recordId: string, toRepId: string) {
      return scope.transaction(async (tx) => {
        const model = ownedModel(tx, modelName, 'model');
        const target = await activeRep(tx, toRepId, 'toRepId');
        return apply(tx, model, recordId, { userId: target.userId, ruleId: null }, 'manual');
      });
    },

    /** Publishes rules as the next revision of a named set (default `default`). */
    publishRules: (definition: unknown, publish?: { name?: string; note?: string }) =>
      createRuleStore(scope, options).publish(definition, publish),
    /** The revision in force. */
    activeRules: (name?: string) => createRuleStore(scope, options).active(name),
    /** Every revision, newest first. */
    ruleHistory: (name?: string) => createRuleStore(scope, options).history(name),
  };
}

/** The assignment part of the team services. */
export type AssignmentService = ReturnType<typeof createAssignmentService>;

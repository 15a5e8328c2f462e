import type { AnyModel, InferRecord, ModuleScope } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import type { ResolvedTeamOptions } from '../options.js';
import { activeRep } from '../reps/rep-checks.js';
import { optionsOf } from '../shared/errors.js';
import type { AssignmentRuleSetRecord } from './assignment-models.js';
import { type AssignmentDecision, type AssignOptions, createAssignmentEngine } from './engine.js';
import type { AssignmentInput } from './rule-match.js';
import { createRuleStore, ownedModel } from './rule-store.js';

/** What applying an assignment did: the record as it now is, and whether its owner changed. */
export interface AppliedAssignment {
  readonly record: InferRecord<AnyModel>;
  readonly changed: boolean;
}

/** Options of `team.assignRecord`: the decision's options, and facts to add or override. */
export type AssignRecordOptions = AssignOptions & {
  attributes?: Readonly<Record<string, unknown>>;
};

/**
 * Assignment across the directory and the records of other modules: the module-level part of
 * the team services (`crm.as(ctx).team.assign(...)`).
 */
export interface AssignmentService {
  /**
   * Decides who gets a record, by the published rules, and takes the round-robin turn (the
   * only state it changes). Generic over models: pass the model name and the facts rules test.
   *
   * @example
   * ```ts
   * const west = await admin.team.territories.create({ name: 'West', code: 'WEST' });
   * const decision = await crm.as(ctx).team.assign({
   *   model: 'company',
   *   territoryId: west.id,
   *   priority: 'high',
   * });
   * await crm.as(ctx).customers.companies.create({ name: 'Cancity', ownerId: decision.repUserId });
   * ```
   */
  assign(input: AssignmentInput, options?: AssignOptions): Promise<AssignmentDecision>;
  /**
   * Applies a decision (or any active rep) to an existing record: sets its owner field through
   * the audited record service and emits `record.reassigned`.
   *
   * @example
   * ```ts
   * const decision = await admin.team.assign({ model: 'company', priority: 'high' });
   * await admin.team.applyAssignment('company', id, decision);
   * ```
   */
  applyAssignment(
    modelName: string,
    recordId: string,
    decision: Pick<AssignmentDecision, 'repId' | 'ruleId'>,
  ): Promise<AppliedAssignment>;
  /**
   * Decides and applies in one transaction: the record's fields (its territory, priority...)
   * are the facts, `attributes` adds or overrides some.
   *
   * @example
   * ```ts
   * const { decision, changed } = await admin.team.assignRecord('company', id, {
   *   attributes: { priority: 'high' },
   * });
   * ```
   */
  assignRecord(
    modelName: string,
    recordId: string,
    options?: AssignRecordOptions,
  ): Promise<AppliedAssignment & { readonly decision: AssignmentDecision }>;
  /**
   * Gives a record to a named active rep (a manual reassignment, audited, with its event).
   *
   * @example
   * ```ts
   * await admin.team.reassignRecord('company', id, 'rep_2');
   * ```
   */
  reassignRecord(modelName: string, recordId: string, toRepId: string): Promise<AppliedAssignment>;
}

/** Versioned assignment rule sets (`crm.as(ctx).team.rules`). */
export interface AssignmentRuleService {
  /**
   * Validates rules against the directory and publishes them as the next revision of a named
   * set (default `default`); earlier revisions stay as history.
   *
   * @example
   * ```ts
   * await admin.team.rules.publish(
   *   { rules: [{ id: 'west', when: { territoryWithin: id }, assignTo: { territory: id } }] },
   *   { note: 'West goes to its own reps' },
   * );
   * ```
   */
  publish(
    definition: unknown,
    options?: { name?: string; note?: string },
  ): Promise<AssignmentRuleSetRecord>;
  /**
   * The revision in force, or `NOT_FOUND` when nothing was published under that name.
   *
   * @example
   * ```ts
   * const { revision, definition } = await admin.team.rules.active();
   * ```
   */
  active(name?: string): Promise<AssignmentRuleSetRecord>;
  /**
   * Every revision of a set, newest first.
   *
   * @example
   * ```ts
   * const revisions = await admin.team.rules.history('leads');
   * ```
   */
  history(name?: string): Promise<AssignmentRuleSetRecord[]>;
}

/** Builds the rule-set service of one scope. */
export function createAssignmentRuleService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedTeamOptions,
): AssignmentRuleService {
  return {
    publish: (definition, publish) => createRuleStore(scope, options).publish(definition, publish),
    active: (name) => createRuleStore(scope, options).active(name),
    history: (name) => createRuleStore(scope, options).history(name),
  };
}

/** Builds the assignment operations of one scope: decisions, and applying them to records. */
export function createAssignmentService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedTeamOptions,
): AssignmentService {
  const { decide, checkInput, apply } = createAssignmentEngine(options);

  return {
    async assign(input, given) {
      const assign = optionsOf(given);
      return scope.transaction(async (tx) =>
        decide(tx, await checkInput(tx, input, assign, true), assign),
      );
    },

    async applyAssignment(modelName, recordId, decision) {
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

    async assignRecord(modelName, recordId, given) {
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

    async reassignRecord(modelName, recordId, toRepId) {
      return scope.transaction(async (tx) => {
        const model = ownedModel(tx, modelName, 'model');
        const target = await activeRep(tx, toRepId, 'toRepId');
        return apply(tx, model, recordId, { userId: target.userId, ruleId: null }, 'manual');
      });
    },
  };
}

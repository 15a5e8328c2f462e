import {
  type AnyModel,
  type EventMap,
  type ModuleScope,
  SellkitError,
  validationError,
} from '@sellkit/core';
import type { ResolvedTeamOptions } from '../options.js';
import { activeRep } from '../reps/rep-checks.js';
import { optionsOf, unknownReference } from '../shared/errors.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import type { AssignmentRuleSetRecord } from './assignment-models.js';
import {
  type AssignmentRules,
  type AssignmentTarget,
  parseAssignmentRules,
} from './rule-schema.js';

const RULE_SET_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** Checks a rule set name (`default`, `leads`...). */
export function ruleSetName(name: unknown): string {
  if (name === undefined) return 'default';
  if (typeof name !== 'string' || !RULE_SET_NAME.test(name)) {
    throw validationError(
      'name',
      'must be 1 to 64 lower-case letters, digits or dashes',
      'invalid',
    );
  }
  return name;
}

/**
 * A model records can be assigned in: registered, with an owner field. Anything else is
 * `VALIDATION_FAILED` naming `path`.
 */
export function ownedModel<E extends EventMap>(
  scope: ModuleScope<E>,
  name: unknown,
  path: string,
): AnyModel {
  if (typeof name !== 'string' || name.length === 0) {
    throw validationError(path, 'must name a model', 'invalid_type');
  }
  let model: AnyModel;
  try {
    model = scope.model(name);
  } catch {
    throw validationError(path, `no model named ${name} is installed`, 'unknown_model');
  }
  if (!model.access.ownerField) {
    throw validationError(path, `model ${name} has no owner field`, 'no_owner_field');
  }
  return model;
}

async function checkTarget<E extends EventMap>(
  scope: ModuleScope<E>,
  target: AssignmentTarget,
  path: string,
) {
  const models = teamModels(scope);
  if ('rep' in target) await activeRep(scope, target.rep, `${path}.rep`);
  else if ('team' in target) {
    // internal: a reference check; rules may name a team outside the publisher's reach
    if (!(await scope.internal(models.salesTeam).get(target.team))) {
      throw unknownReference(`${path}.team`, 'salesTeam', target.team);
    }
  } else if ('territory' in target) {
    // internal: a reference check; rules may name a territory outside the publisher's reach
    if (!(await scope.internal(models.territory).get(target.territory))) {
      throw unknownReference(`${path}.territory`, 'territory', target.territory);
    }
  }
}

function checkLevels(levels: readonly string[], known: readonly string[], path: string) {
  levels.forEach((level, index) => {
    if (!known.includes(level)) {
      throw validationError(
        `${path}.${index}`,
        `unknown seniority ${level} (known: ${known.join(', ')})`,
        'unknown_level',
      );
    }
  });
}

/** Validates rules against the directory: every team, rep, territory and level must exist. */
export async function checkRules<E extends EventMap>(
  scope: ModuleScope<E>,
  rules: AssignmentRules,
  options: ResolvedTeamOptions,
): Promise<void> {
  // internal: reference checks; rules may name territories outside the publisher's reach
  const territories = scope.internal(teamModels(scope).territory);
  for (const [index, rule] of rules.rules.entries()) {
    const path = `rules.${index}`;
    await checkTarget(scope, rule.assignTo, `${path}.assignTo`);
    if (rule.prefer)
      checkLevels(rule.prefer.seniority, options.seniorityLevels, `${path}.prefer.seniority`);
    if (rule.only)
      checkLevels(rule.only.seniority, options.seniorityLevels, `${path}.only.seniority`);
    const within = rule.when?.territoryWithin;
    for (const id of within === undefined ? [] : Array.isArray(within) ? within : [within]) {
      if (typeof id !== 'string' || !(await territories.get(id))) {
        throw unknownReference(`${path}.when.territoryWithin`, 'territory', id);
      }
    }
    const named = rule.when?.model;
    for (const name of named === undefined ? [] : Array.isArray(named) ? named : [named]) {
      ownedModel(scope, name, `${path}.when.model`);
    }
  }
  if (rules.fallback) await checkTarget(scope, rules.fallback, 'fallback');
  for (const [index, name] of (rules.capacity?.countModels ?? []).entries()) {
    ownedModel(scope, name, `capacity.countModels.${index}`);
  }
}

/** Stored, versioned rule sets. */
export function createRuleStore<E extends EventMap>(
  scope: ModuleScope<E>,
  options: ResolvedTeamOptions,
) {
  const models = teamModels(scope);

  async function latest<E extends EventMap>(
    tx: ModuleScope<E>,
    name: string,
  ): Promise<AssignmentRuleSetRecord | null> {
    // internal: the rules in force are reference data for every assignment, whoever asks
    const page = await tx.internal(models.assignmentRuleSet).find({
      where: { name },
      orderBy: [{ field: 'revision', direction: 'desc' }],
      limit: 1,
    });
    return page.rows[0] ?? null;
  }

  return {
    latest,
    /**
     * Validates and publishes rules as the next revision of a named set (default `default`);
     * earlier revisions stay as history.
     */
    async publish(
      definition: unknown,
      given?: { name?: string; note?: string },
    ): Promise<AssignmentRuleSetRecord> {
      const publish = optionsOf(given);
      const name = ruleSetName(publish.name);
      const rules = parseAssignmentRules(definition);
      return scope.transaction(async (tx) => {
        await checkRules(tx, rules, options);
        const previous = await latest(tx, name);
        return tx.records(models.assignmentRuleSet).create({
          name,
          revision: (previous?.revision ?? 0) + 1,
          definition: rules,
          publishedBy: tx.context.actor.id,
          publishedAt: tx.clock.now(),
          ...(publish.note === undefined ? {} : { note: publish.note }),
        });
      });
    },
    /** The revision in force, or `NOT_FOUND` when nothing was published under that name. */
    async active(name?: string): Promise<AssignmentRuleSetRecord> {
      const checked = ruleSetName(name);
      await scope.assertCan('read', models.assignmentRuleSet);
      const found = await latest(scope, checked);
      if (!found) {
        throw new SellkitError('NOT_FOUND', `no assignment rules published as ${checked}`, {
          model: 'assignmentRuleSet',
          name: checked,
        });
      }
      return found;
    },
    /** Every revision of a set, newest first. */
    async history(name?: string): Promise<AssignmentRuleSetRecord[]> {
      const checked = ruleSetName(name);
      await scope.assertCan('read', models.assignmentRuleSet);
      // internal: reference data; the model-level check above is its access check
      const sets = scope.internal(models.assignmentRuleSet);
      return loadAll(sets, { name: checked }, [{ field: 'revision', direction: 'desc' }]);
    },
  };
}

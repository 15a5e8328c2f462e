import {
  defineRuleSet,
  type EventMap,
  isSellkitError,
  type ModuleScope,
  type RuleSet,
  SellkitError,
  validationError,
} from '@sellkit/core';
import type { Rep } from '../reps/rep-model.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import { type CommissionPlanRecord, commissionPlan } from './commission-models.js';
import type { CommissionPeriod } from './periods.js';
import { type CommissionPlan, parseCommissionPlan } from './plan-schema.js';

/** A plan version ready to compute with. */
export interface PlanVersion {
  readonly key: string;
  readonly version: number;
  readonly definition: CommissionPlan;
}

/** The bonus rule set of a plan: one rule per bonus, tagged with the bonus id. */
export function bonusRuleSet(plan: CommissionPlan): RuleSet | null {
  if (plan.bonuses.length === 0) return null;
  try {
    return defineRuleSet({
      id: `commission-bonuses-${plan.key}`,
      version: 1,
      rules: plan.bonuses.map((bonus) => ({
        id: bonus.id,
        description: bonus.description,
        condition: bonus.condition,
        outcome: { tag: bonus.id },
      })),
      bands: [],
    });
  } catch (error) {
    if (!isSellkitError(error, 'VALIDATION_FAILED')) throw error;
    const issues = (error.details.issues ?? []).map((issue) => ({
      ...issue,
      path: issue.path.replace(/^rules\./, 'bonuses.'),
    }));
    throw new SellkitError(
      'VALIDATION_FAILED',
      `commission plan: a bonus condition is invalid: ${issues[0]?.message ?? error.message}`,
      {
        model: 'commissionPlan',
        issues,
      },
    );
  }
}

/**
 * Validates a plan fully (JSON, tiers, bonus conditions against the scoring engine, reps it
 * names): what publishing and `whatIf` accept.
 */
export async function checkPlan<E extends EventMap>(
  scope: ModuleScope<E>,
  input: unknown,
): Promise<CommissionPlan> {
  const plan = parseCommissionPlan(input);
  bonusRuleSet(plan);
  const { rep } = teamModels(scope);
  const ids = plan.appliesTo.repIds;
  if (ids.length > 0) {
    // internal: a plan may name any rep of the tenant, whoever publishes it
    const found = await loadAll(scope.internal(rep), { id: { in: [...ids] } });
    const known = new Set(found.map((row) => row.id));
    const missing = ids.findIndex((id) => !known.has(id));
    if (missing >= 0)
      throw validationError(
        `appliesTo.repIds.${missing}`,
        `no rep ${ids[missing]} exists`,
        'unknown_reference',
        { model: 'rep' },
      );
  }
  return plan;
}

/** Every published version, oldest first. */
export async function publishedPlans<E extends EventMap>(
  scope: ModuleScope<E>,
): Promise<CommissionPlanRecord[]> {
  // internal: plans are reference data every statement reads, whoever asks for it
  return loadAll(
    scope.internal(scope.model(commissionPlan.name) as typeof commissionPlan),
    undefined,
    [
      { field: 'key', direction: 'asc' },
      { field: 'revision', direction: 'asc' },
    ],
  );
}

/** The version of each key in force for a period: the highest one valid from its start. */
export function versionsInForce(
  plans: readonly CommissionPlanRecord[],
  period: CommissionPeriod,
): PlanVersion[] {
  const latest = new Map<string, PlanVersion>();
  for (const row of plans) {
    const definition = row.definition;
    if (definition.periodUnit !== period.unit) continue;
    if (definition.validFrom !== null && definition.validFrom > period.from) continue;
    const known = latest.get(row.key);
    if (!known || known.version < row.revision)
      latest.set(row.key, { key: row.key, version: row.revision, definition });
  }
  return [...latest.values()];
}

/**
 * The plan of one rep among the versions in force: a plan naming the rep wins over one naming
 * the rep's seniority; two plans at the same level are `CONFLICT`.
 */
export function planOfRep(rep: Rep, plans: readonly PlanVersion[]): PlanVersion | null {
  const named = plans.filter((plan) => plan.definition.appliesTo.repIds.includes(rep.id));
  const level = plans.filter((plan) => plan.definition.appliesTo.seniority.includes(rep.seniority));
  const chosen = named.length > 0 ? named : level;
  if (chosen.length > 1) {
    throw new SellkitError(
      'CONFLICT',
      `${rep.name} is on ${chosen.length} commission plans for the same period: ${chosen.map((plan) => plan.key).join(', ')}`,
      { repId: rep.id, plans: chosen.map((plan) => plan.key) },
    );
  }
  return chosen[0] ?? null;
}

/** All reps (directory-sized), for period-wide work. */
export async function allReps<E extends EventMap>(scope: ModuleScope<E>): Promise<Rep[]> {
  // internal: closing a period and what-if cover every rep of the tenant
  return loadAll(scope.internal(teamModels(scope).rep), undefined, [
    { field: 'name', direction: 'asc' },
  ]);
}

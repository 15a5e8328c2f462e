import { type ModuleScope, SellkitError } from '@sellkit/core';
import { notFound } from '@sellkit/core/module';
import type { TeamEvents } from '../events.js';
import type { Rep } from '../reps/rep-model.js';
import { requireId } from '../shared/errors.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import { closeCommissionPeriod, type PeriodCloseReport } from './close-period.js';
import {
  type CommissionPlanRecord,
  type CreditSplit,
  commissionPlan,
  commissionStatement,
  creditSplit,
} from './commission-models.js';
import { computeStatement } from './compute.js';
import type { CreditSource } from './credit-source.js';
import { type CommissionPeriod, commissionPeriod } from './periods.js';
import type { CommissionPlan } from './plan-schema.js';
import {
  allReps,
  checkPlan,
  type PlanVersion,
  planOfRep,
  publishedPlans,
  versionsInForce,
} from './plan-store.js';
import type { QuotaLookup } from './quota.js';
import { writeSplits } from './split-writes.js';
import type { SplitInput } from './splits.js';
import { closedPeriods, type LoaderDeps, loadStatementInputs } from './statement-loader.js';
import { statementFromJson } from './statement-store.js';
import type { CommissionStatement } from './statement-types.js';
import { type WhatIfRow, whatIfRows } from './what-if.js';

/** Commission plans, credit splits, statements, period close and what-if (`team.commissions`). */
export interface CommissionService {
  readonly plans: {
    /**
     * Validates and publishes a plan as the next version of its key (1 for a new key); older
     * versions stay. Bad input is `VALIDATION_FAILED`, nothing written.
     */
    publish(plan: unknown): Promise<CommissionPlanRecord>;
    /** Validates a plan without publishing it: the parsed plan, or `VALIDATION_FAILED`. */
    check(plan: unknown): Promise<CommissionPlan>;
    /** Every published version of a key, oldest first. */
    versions(key: string): Promise<CommissionPlanRecord[]>;
    /** The latest version of every key. */
    list(): Promise<CommissionPlanRecord[]>;
  };
  /**
   * Shares the credit of one source record among reps (percent, summing to exactly 100),
   * replacing its split. Refused (`INVALID_STATE`) when the record's credit falls in a closed
   * period or a closed period paid it (even if it was reopened since); `VALIDATION_FAILED` for
   * bad shares or unknown reps; nothing written on error.
   */
  setSplits(
    source: string,
    recordId: string,
    splits: readonly SplitInput[],
  ): Promise<CreditSplit[]>;
  /** The split of a record (empty: all to its owner). */
  splitsOf(source: string, recordId: string): Promise<CreditSplit[]>;
  /**
   * A rep's statement for a period key (`2026-03`, `2026-Q1`, `FY2026-Q1`, `FY2026`): the frozen
   * one when the period is closed, otherwise computed now (the same data gives the same
   * statement). The actor must be able to read the rep.
   */
  statement(repId: string, period: string): Promise<CommissionStatement>;
  /** The statements of every rep the actor may read who is on a plan of the period's unit. */
  statements(period: string): Promise<CommissionStatement[]>;
  /**
   * Freezes a period that has ended: every statement of its unit is stored, with the ledger of
   * what each record paid (clawbacks are measured against it). Emits `commission.periodClosed`
   * and one `commission.clawedBack` per clawback. A closed period is `CONFLICT`; one not yet
   * over is `INVALID_STATE`.
   */
  closePeriod(period: string): Promise<PeriodCloseReport>;
  /** True when the period is closed. */
  isClosed(period: string): Promise<boolean>;
  /**
   * What every rep the draft (or the current version of its key) covers would earn in a period
   * under the draft, beside what they earn under the current plans. Nothing is written. Needs the
   * right to publish plans (`FORBIDDEN` otherwise).
   */
  whatIf(draft: unknown, period: string): Promise<WhatIfRow[]>;
  /** Ids of the registered credit sources. */
  sources(): string[];
}

/** Options the commission service is built with. */
export interface CommissionDeps {
  readonly creditSources: readonly CreditSource[];
  readonly quotaLookup: QuotaLookup;
}

/**
 * Builds the commission service of one scope.
 *
 * @example
 * ```ts
 * import type { ModuleScope } from '@sellkit/core';
 * import { dealWonSource, type TeamEvents } from '@sellkit/team';
 * // inside a module's services factory, with the team events typed
 * const services = (teamScope: ModuleScope<TeamEvents>) => ({
 *   commissions: createCommissionService(teamScope, {
 *     creditSources: [dealWonSource],
 *     quotaLookup: async () => null,
 *   }),
 * });
 * ```
 */
export function createCommissionService(
  scope: ModuleScope<TeamEvents>,
  deps: CommissionDeps,
): CommissionService {
  const sources = new Map(deps.creditSources.map((source) => [source.id, source]));
  const loaderDeps: LoaderDeps = { sources, quotaLookup: deps.quotaLookup };
  const planModel = () => scope.model(commissionPlan.name) as typeof commissionPlan;

  async function period(key: unknown): Promise<CommissionPeriod> {
    return commissionPeriod(await scope.calendar(), key);
  }

  async function planMap(
    s: ModuleScope<TeamEvents>,
    reps: readonly Rep[],
    at: CommissionPeriod,
    replace?: PlanVersion,
  ): Promise<Map<string, PlanVersion | null>> {
    let versions = versionsInForce(await publishedPlans(s), at);
    if (replace) versions = [...versions.filter((plan) => plan.key !== replace.key), replace];
    return new Map(reps.map((rep) => [rep.id, planOfRep(rep, versions)]));
  }

  async function compute(
    s: ModuleScope<TeamEvents>,
    at: CommissionPeriod,
    reps: readonly Rep[],
    replace?: PlanVersion,
  ) {
    const plans = await planMap(s, reps, at, replace);
    const inputs = await loadStatementInputs(s, loaderDeps, at, reps, plans);
    return inputs.map(computeStatement);
  }

  async function frozen(at: CommissionPeriod, repIds?: readonly string[]) {
    // internal: frozen statements; the caller checked the actor may read the reps
    const rows = await loadAll(
      scope.internal(scope.model(commissionStatement.name) as typeof commissionStatement),
      {
        periodKey: at.key,
        ...(repIds ? { repId: { in: [...repIds] } } : {}),
      },
    );
    return rows.map((row) => statementFromJson(row.body));
  }

  /** The reps the actor may read, by name (a rep: themselves; a manager: their reports). */
  async function readableReps(): Promise<Rep[]> {
    const reps: Rep[] = [];
    let after: string | undefined;
    do {
      const page = await scope.records(teamModels(scope).rep).find({
        orderBy: [{ field: 'name', direction: 'asc' }],
        limit: 1000,
        ...(after ? { after } : {}),
      });
      reps.push(...page.rows);
      after = page.nextCursor ?? undefined;
    } while (after);
    return reps;
  }

  async function isClosed(at: CommissionPeriod, s = scope): Promise<boolean> {
    return (await closedPeriods(s)).has(at.key);
  }

  const plans: CommissionService['plans'] = {
    check: (input) => checkPlan(scope, input),
    async publish(input) {
      const plan = await checkPlan(scope, input);
      return scope.transaction(async (tx) => {
        // internal: the next version number counts every version, whoever may read them
        const existing = await loadAll(tx.internal(planModel()), { key: plan.key });
        const revision = existing.reduce((max, row) => Math.max(max, row.revision), 0) + 1;
        return tx.records(planModel()).create({
          key: plan.key,
          revision,
          name: plan.name,
          periodUnit: plan.periodUnit,
          definition: plan,
          publishedBy: tx.context.actor.id,
        });
      });
    },
    async versions(key) {
      const id = requireId(key, 'key');
      return scope
        .records(planModel())
        .find({
          where: { key: id },
          orderBy: [{ field: 'revision', direction: 'asc' }],
          limit: 1000,
        })
        .then((page) => page.rows);
    },
    async list() {
      const latest = new Map<string, CommissionPlanRecord>();
      for (const row of await publishedPlans(scope)) latest.set(row.key, row);
      return [...latest.values()];
    },
  };

  return {
    plans,
    sources: () => [...sources.keys()],
    setSplits: (sourceId, recordId, input) =>
      writeSplits(scope, sources, sourceId, recordId, input),
    async splitsOf(sourceId, recordId) {
      const model = scope.model(creditSplit.name) as typeof creditSplit;
      // internal: splits are read with the record they share, which the caller already sees
      return loadAll(
        scope.internal(model),
        { source: requireId(sourceId, 'source'), recordId: requireId(recordId, 'recordId') },
        [{ field: 'id', direction: 'asc' }],
      );
    },
    async statement(repId, key) {
      const at = await period(key);
      const rep = await scope.records(teamModels(scope).rep).get(requireId(repId, 'repId'));
      if (await isClosed(at)) {
        const [stored] = await frozen(at, [rep.id]);
        // No stored statement: the rep was on no plan when the period closed, and stays so.
        return (
          stored ?? {
            ...computeStatement({
              rep: { id: rep.id, name: rep.name },
              period: at.key,
              plan: null,
              quota: null,
              credits: [],
              skipped: [],
              overrides: [],
              adjustments: [],
              bonusesEarned: [],
            }),
            status: 'closed',
          }
        );
      }
      const [statement] = await compute(scope, at, [rep]);
      if (!statement) throw notFound('rep', rep.id, 'repId');
      return statement;
    },
    async statements(key) {
      const at = await period(key);
      const reps = await readableReps();
      if (await isClosed(at)) {
        const ids = new Set(reps.map((rep) => rep.id));
        return (await frozen(at)).filter((statement) => ids.has(statement.repId));
      }
      return (await compute(scope, at, reps)).filter((statement) => statement.plan !== null);
    },
    isClosed: async (key) => isClosed(await period(key)),
    closePeriod: async (key) => closeCommissionPeriod(scope, await period(key), compute),
    async whatIf(draft, key) {
      // Planning: whoever may publish a plan may try one (every rep's figures are shown).
      await scope.assertCan('create', planModel());
      const at = await period(key);
      const plan = await checkPlan(scope, draft);
      if (plan.periodUnit !== at.unit)
        throw new SellkitError(
          'VALIDATION_FAILED',
          `the draft pays per ${plan.periodUnit}; ${at.key} is a ${at.unit}`,
          {
            issues: [
              {
                path: 'period',
                message: `must be a ${plan.periodUnit} period`,
                reason: 'unit_mismatch',
              },
            ],
          },
        );
      const reps = await allReps(scope);
      const current = (await isClosed(at)) ? await frozen(at) : await compute(scope, at, reps);
      const versions = versionsInForce(await publishedPlans(scope), at);
      const version = (versions.find((row) => row.key === plan.key)?.version ?? 0) + 1;
      const drafted = await compute(scope, at, reps, { key: plan.key, version, definition: plan });
      return whatIfRows(plan.key, current, drafted);
    },
  };
}

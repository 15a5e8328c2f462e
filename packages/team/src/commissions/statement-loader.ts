import { type EventMap, type ModuleScope, Money, SellkitError } from '@sellkit/core';
import { inChunks } from '@sellkit/core/module';
import type { Rep } from '../reps/rep-model.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import { adjustmentsOf, recordKey } from './adjustments.js';
import { earnedBonuses } from './bonus-facts.js';
import {
  type CommissionEntry,
  commissionClose,
  commissionEntry,
  creditSplit,
} from './commission-models.js';
import type { CreditedRecord, OverrideBase, StatementInput } from './compute.js';
import type { CreditSource, CreditState, SourceCredit } from './credit-source.js';
import { type CommissionPeriod, commissionPeriod, periodOf } from './periods.js';
import type { PlanVersion } from './plan-store.js';
import { batchedQuotaLookup, planQuota, type QuotaLookup } from './quota.js';
import { type SplitInput, shareCredit } from './splits.js';
import type { StatementSkip } from './statement-types.js';

/** What the loader needs besides the scope. */
export interface LoaderDeps {
  readonly sources: ReadonlyMap<string, CreditSource>;
  readonly quotaLookup: QuotaLookup;
}

/** The keys of every closed period. */
export async function closedPeriods<E extends EventMap>(
  scope: ModuleScope<E>,
): Promise<Set<string>> {
  // internal: which periods are frozen is bookkeeping every statement reads
  const rows = await loadAll(
    scope.internal(scope.model(commissionClose.name) as typeof commissionClose),
  );
  return new Set(rows.map((row) => row.periodKey));
}

function sourceOf(deps: LoaderDeps, id: string): CreditSource {
  const source = deps.sources.get(id);
  if (!source)
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `no credit source ${id} is registered (team({ commissions: { creditSources } }))`,
      { source: id },
    );
  return source;
}

/** The split of each record (source + id), for the records given. */
async function splitsOf<E extends EventMap>(
  scope: ModuleScope<E>,
  source: string,
  recordIds: readonly string[],
): Promise<Map<string, SplitInput[]>> {
  // internal: splits decide credit for every rep, whoever asks
  const rows = scope.internal(scope.model(creditSplit.name) as typeof creditSplit);
  const splits = new Map<string, SplitInput[]>();
  for (const ids of inChunks([...new Set(recordIds)])) {
    for (const row of await loadAll(rows, { source, recordId: { in: ids } }, [
      { field: 'id', direction: 'asc' },
    ])) {
      const list = splits.get(row.recordId) ?? [];
      list.push({ repId: row.repId, share: row.share });
      splits.set(row.recordId, list);
    }
  }
  return splits;
}

/** Whether a plan reads the rep's quota: tiers, a minimum attainment or bonuses. */
function needsQuota(definition: PlanVersion['definition']): boolean {
  return (
    definition.rates.kind === 'tiered' ||
    definition.minimumAttainment !== null ||
    definition.bonuses.length > 0
  );
}

/** The measure of the quota a plan reads. */
function quotaMeasure(definition: PlanVersion['definition']): string {
  return definition.rates.kind === 'tiered' ? definition.rates.measure : 'won-revenue';
}

/**
 * Loads what the statements of `subjects` for `period` are computed from, under the plan each
 * is on (`planOf`). One pass for all subjects: credits, splits, ledger, quotas, overrides and
 * bonus facts are read in batches, never per record.
 */
export async function loadStatementInputs<E extends EventMap>(
  scope: ModuleScope<E>,
  deps: LoaderDeps,
  period: CommissionPeriod,
  subjects: readonly Rep[],
  planOf: ReadonlyMap<string, PlanVersion | null>,
): Promise<StatementInput[]> {
  const calendar = await scope.calendar();
  const closed = await closedPeriods(scope);
  const models = teamModels(scope);
  const planned = subjects.filter((rep) => planOf.get(rep.id));

  // Team members whose credit earns their manager an override.
  const managers = planned.filter((rep) => planOf.get(rep.id)?.definition.override);
  const memberships = new Map<string, { repId: string; from: string; to: string | null }[]>();
  const memberIds = new Set<string>();
  if (managers.length > 0) {
    // internal: an override pays on the whole team's credit, whatever the actor may read
    const teams = await loadAll(scope.internal(models.salesTeam), {
      managerRepId: { in: managers.map((rep) => rep.id) },
    });
    const managerOf = new Map(teams.map((team) => [team.id, team.managerRepId ?? '']));
    for (const ids of inChunks(teams.map((team) => team.id))) {
      // internal: memberships over the period, for the override
      const rows = await loadAll(scope.internal(models.teamMember), { teamId: { in: ids } });
      for (const row of rows) {
        const manager = managerOf.get(row.teamId) ?? '';
        if (
          row.repId === manager ||
          row.joinedOn >= period.to ||
          (row.leftOn !== null && row.leftOn <= period.from)
        )
          continue;
        const list = memberships.get(manager) ?? [];
        list.push({ repId: row.repId, from: row.joinedOn, to: row.leftOn });
        memberships.set(manager, list);
        memberIds.add(row.repId);
      }
    }
  }
  const repsById = new Map(subjects.map((rep) => [rep.id, rep]));
  const missing = [...memberIds].filter((id) => !repsById.has(id));
  for (const ids of inChunks(missing)) {
    // internal: the override's team members, whoever asks
    for (const rep of await loadAll(scope.internal(models.rep), { id: { in: ids } }))
      repsById.set(rep.id, rep);
  }
  const creditReps = [...repsById.values()];
  const repByUser = new Map(creditReps.map((rep) => [rep.userId, rep.id]));
  const creditRepIds = creditReps.map((rep) => rep.id);

  // The ledger of the reps: records paid in closed periods before this one (recomputing a
  // closed period, as what-if does, must not see what that period itself paid).
  const entries: CommissionEntry[] = [];
  const starts = new Map<string, string>();
  const startOf = (key: string): string => {
    const known = starts.get(key);
    if (known !== undefined) return known;
    const from = commissionPeriod(calendar, key).from;
    starts.set(key, from);
    return from;
  };
  for (const ids of inChunks(creditRepIds)) {
    // internal: the ledger is bookkeeping; statements read it for every rep
    const rows = await loadAll(
      scope.internal(scope.model(commissionEntry.name) as typeof commissionEntry),
      { repId: { in: ids } },
      [{ field: 'id', direction: 'asc' }],
    );
    entries.push(...rows.filter((entry) => startOf(entry.periodKey) < period.from));
  }
  const paidKeys = new Set(
    entries.map((entry) => `${entry.repId}\u0000${recordKey(entry.source, entry.recordId)}`),
  );

  // Credits of the period, per source the plans use.
  const sourceIds = new Set<string>();
  let withLines = false;
  for (const rep of planned) {
    const plan = planOf.get(rep.id)?.definition;
    for (const id of plan?.sources ?? []) sourceIds.add(id);
    if (plan?.rates.kind === 'byProduct') withLines = true;
  }
  // internal: splits naming the reps, to find records they share but do not own
  const splitRows = scope.internal(scope.model(creditSplit.name) as typeof creditSplit);
  const sharedIds = new Map<string, string[]>();
  for (const ids of inChunks(creditRepIds)) {
    for (const row of await loadAll(splitRows, { repId: { in: ids } })) {
      const list = sharedIds.get(row.source) ?? [];
      list.push(row.recordId);
      sharedIds.set(row.source, list);
    }
  }
  const shares = new Map<
    string,
    { source: string; credit: SourceCredit; share: ReturnType<typeof shareCredit>[number] }[]
  >();
  for (const sourceId of [...sourceIds].sort()) {
    const source = sourceOf(deps, sourceId);
    const asked = {
      owners: creditReps.map((rep) => rep.userId),
      recordIds: [...new Set(sharedIds.get(sourceId) ?? [])],
      withLines,
    };
    const credits = await source.credits(scope, { ...asked, from: period.from, to: period.to });
    // Backdated into a closed period: paid in the period they changed in, not lost.
    const late = source.lateCredits
      ? await source.lateCredits(scope, {
          ...asked,
          before: period.from,
          changedFrom: calendar.instantOf(period.from),
          changedTo: calendar.instantOf(period.to),
        })
      : [];
    for (const credit of late)
      if (closed.has(periodOf(calendar, period.unit, credit.date).key)) credits.push(credit);
    const splits = await splitsOf(
      scope,
      sourceId,
      credits.map((credit) => credit.recordId),
    );
    for (const credit of credits) {
      const owner = credit.ownerId === null ? null : (repByUser.get(credit.ownerId) ?? null);
      for (const share of shareCredit(credit, splits.get(credit.recordId) ?? [], owner)) {
        if (paidKeys.has(`${share.repId}\u0000${recordKey(sourceId, credit.recordId)}`)) continue;
        const list = shares.get(share.repId) ?? [];
        list.push({ source: sourceId, credit, share });
        shares.set(share.repId, list);
      }
    }
  }

  // Where the records paid in closed periods stand today.
  const bySource = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!repsById.has(entry.repId) || !planOf.get(entry.repId)) continue;
    const set = bySource.get(entry.source) ?? new Set<string>();
    set.add(entry.recordId);
    bySource.set(entry.source, set);
  }
  const states = new Map<string, CreditState>();
  const currentSplits = new Map<string, SplitInput[]>();
  for (const [sourceId, ids] of bySource) {
    const source = sourceOf(deps, sourceId);
    for (const [id, state] of await source.current(scope, [...ids]))
      states.set(recordKey(sourceId, id), state);
    for (const [id, split] of await splitsOf(scope, sourceId, [...ids]))
      currentSplits.set(recordKey(sourceId, id), split);
  }

  // The quotas of all reps whose plan needs one, in a few batches (the default lookup).
  const quotaNeeds = planned.flatMap((rep) => {
    const definition = planOf.get(rep.id)?.definition;
    return definition && needsQuota(definition)
      ? [{ repId: rep.id, measure: quotaMeasure(definition) }]
      : [];
  });
  const quotaLookup = await batchedQuotaLookup(deps.quotaLookup, scope, {
    needs: quotaNeeds,
    periodKey: period.key,
  });

  const inputs: StatementInput[] = [];
  for (const rep of subjects) {
    const plan = planOf.get(rep.id) ?? null;
    const base = { rep: { id: rep.id, name: rep.name }, period: period.key };
    if (!plan) {
      inputs.push({
        ...base,
        plan: null,
        quota: null,
        credits: [],
        skipped: [],
        overrides: [],
        adjustments: [],
        bonusesEarned: [],
      });
      continue;
    }
    const definition = plan.definition;
    const currency = definition.currency;
    const credits: CreditedRecord[] = [];
    const skipped: StatementSkip[] = [];
    for (const { source, credit, share } of shares.get(rep.id) ?? []) {
      if (!definition.sources.includes(source)) continue;
      if (share.amount.currency !== currency) {
        skipped.push({
          source,
          recordId: credit.recordId,
          label: credit.label,
          reason: `in ${share.amount.currency}; the plan pays in ${currency}`,
        });
        continue;
      }
      credits.push({
        source,
        recordId: credit.recordId,
        label: credit.label,
        date: credit.date,
        share: share.share,
        credited: share.amount,
        lines: share.lines,
        customerId: credit.customerId,
      });
    }

    // Adjustments: records paid in closed periods whose credit changed since.
    const adjustments = adjustmentsOf({
      repId: rep.id,
      entries: entries.filter((entry) => entry.repId === rep.id),
      states,
      currentSplits,
      repByUser,
      currency,
      period,
      calendar,
      closed,
    });

    // Overrides on the members' credit, each record once, dated within the membership.
    const overrides: OverrideBase[] = [];
    if (definition.override) {
      const perMember = new Map<string, Map<string, Money>>();
      for (const membership of memberships.get(rep.id) ?? []) {
        for (const { source, credit, share } of shares.get(membership.repId) ?? []) {
          if (share.amount.currency !== currency) continue;
          if (
            credit.date < membership.from ||
            (membership.to !== null && credit.date >= membership.to)
          )
            continue;
          const records = perMember.get(membership.repId) ?? new Map<string, Money>();
          records.set(recordKey(source, credit.recordId), share.amount);
          perMember.set(membership.repId, records);
        }
      }
      for (const [memberId, records] of [...perMember].sort(([a], [b]) => (a < b ? -1 : 1))) {
        overrides.push({
          repId: memberId,
          repName: repsById.get(memberId)?.name ?? memberId,
          credited: Money.sum([...records.values()], currency),
        });
      }
    }

    const quota = needsQuota(definition)
      ? await planQuota(quotaLookup, scope, {
          repId: rep.id,
          measure: quotaMeasure(definition),
          periodKey: period.key,
          currency,
          planKey: plan.key,
        })
      : null;

    const bonusesEarned = await earnedBonuses(scope, definition, credits, quota, period);
    inputs.push({ ...base, plan, quota, credits, skipped, overrides, adjustments, bonusesEarned });
  }
  return inputs;
}

import {
  currencyExponent,
  type EventMap,
  type ModuleScope,
  SellkitError,
  toDecimal,
  validationError,
} from '@sellkit/core';
import { teamDirectory } from '../directory/team-directory.js';
import type { ResolvedPerformanceOptions } from '../quotas/measures.js';
import { type PeriodBounds, periodBounds } from '../quotas/period-keys.js';
import { teamModels } from '../shared/models.js';
import type { KpiEvaluation, KpiResult, KpiScope } from './evaluate-types.js';
import { bandOf, type KpiDefinition } from './kpi-definition.js';
import { measureModel, measureTotals, type SegmentTotal } from './measure-totals.js';
import { loadOrgTimeline, type OrgTimeline } from './org-timeline.js';
import { targetsFor } from './targets.js';

type Dec = ReturnType<typeof toDecimal>;

interface Sums {
  num: Dec;
  den: Dec;
}

/** Checks an evaluation scope and returns the reps' filter of one segment's day. */
async function scopeFilter<E extends EventMap>(
  scope: ModuleScope<E>,
  given: unknown,
  org: OrgTimeline,
): Promise<{
  scope: KpiScope;
  inScope: (repId: string, day: string) => boolean;
  territories: Set<string> | null;
}> {
  const value = (given ?? { type: 'tenant' }) as KpiScope;
  const models = teamModels(scope);
  if (typeof value !== 'object' || value === null)
    throw validationError('scope', 'must be an object', 'invalid_type');
  if (value.type === 'tenant')
    return { scope: { type: 'tenant' }, inScope: () => true, territories: null };
  if (value.type === 'team') {
    // internal: a reference check
    const found =
      typeof value.id === 'string' ? await scope.internal(models.salesTeam).get(value.id) : null;
    if (!found)
      throw validationError(
        'scope.id',
        `no salesTeam ${String(value.id)} exists`,
        'unknown_reference',
      );
    return {
      scope: { type: 'team', id: value.id },
      inScope: (repId, day) => org.teamsOn(repId, day).includes(value.id),
      territories: null,
    };
  }
  if (value.type === 'territory') {
    // internal: a reference check
    const found =
      typeof value.id === 'string' ? await scope.internal(models.territory).get(value.id) : null;
    if (!found)
      throw validationError(
        'scope.id',
        `no territory ${String(value.id)} exists`,
        'unknown_reference',
      );
    const below = await teamDirectory(scope).territoryDescendants(value.id);
    const territories = new Set([value.id, ...below.map((t) => t.id)]);
    return {
      scope: { type: 'territory', id: value.id },
      inScope: (repId, day) => org.territoriesOn(repId, day).some((t) => territories.has(t)),
      territories,
    };
  }
  throw validationError('scope.type', 'must be tenant, team or territory', 'invalid_enum');
}

/** The reps the actor may read (ids), page by page through their records. */
async function readableReps<E extends EventMap>(scope: ModuleScope<E>): Promise<Set<string>> {
  const reps = scope.records(teamModels(scope).rep);
  const ids = new Set<string>();
  let after: string | undefined;
  do {
    const page = await reps.find({ select: ['id'], limit: 10_000, ...(after ? { after } : {}) });
    for (const row of page.rows) ids.add(row.id);
    after = page.nextCursor ?? undefined;
  } while (after);
  return ids;
}

function pickCurrency(
  def: KpiDefinition,
  options: ResolvedPerformanceOptions,
  totals: readonly SegmentTotal[],
) {
  const seen = [
    ...new Set(totals.map((t) => t.currency).filter((c): c is string => c !== null)),
  ].sort();
  const currency =
    def.currency ?? options.currency ?? (seen.length <= 1 ? (seen[0] ?? null) : undefined);
  if (currency === undefined) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `${def.key}: records are in ${seen.join(', ')}; set the KPI's currency`,
      {
        currencies: seen,
      },
    );
  }
  return { currency, excluded: seen.filter((c) => c !== currency) };
}

function ratio(def: KpiDefinition, sums: Sums, moneyScale: number | null): string | null {
  if (!def.per) return moneyScale === null ? sums.num.toString() : sums.num.toFixed(moneyScale);
  if (sums.den.isZero()) return null;
  const scale = def.percent ? 100 : 1;
  return sums.num.times(scale).div(sums.den).toDecimalPlaces(4, 6).toFixed(4);
}

function attainmentOf(
  def: KpiDefinition,
  actual: string | null,
  target: string | null,
): string | null {
  if (actual === null || target === null) return null;
  const a = toDecimal(actual);
  const t = toDecimal(target);
  if (def.better === 'lower') {
    if (a.isZero()) return null;
    return t.times(100).div(a).toDecimalPlaces(4, 6).toFixed(4);
  }
  if (t.isZero()) return null;
  return a.times(100).div(t).toDecimalPlaces(4, 6).toFixed(4);
}

/**
 * Evaluates a KPI over a tenant calendar period: storage aggregates per segment of the period
 * in which the organisation did not change, attributed to each rep's teams and territories of
 * that segment, then targets, attainment and bands. `whole` reads every record and lists every
 * rep (leaderboards); otherwise the actor's access applies.
 */
export async function evaluateKpi<E extends EventMap>(
  scope: ModuleScope<E>,
  options: ResolvedPerformanceOptions,
  def: KpiDefinition,
  periodKey: unknown,
  given?: KpiScope,
  whole = false,
): Promise<KpiEvaluation> {
  const calendar = await scope.calendar();
  const bounds: PeriodBounds = periodBounds(calendar, periodKey);
  measureModel(scope, def.measure, 'measure');
  if (def.per) measureModel(scope, def.per, 'per');
  const org = await loadOrgTimeline(scope, bounds.from, bounds.to);
  const filter = await scopeFilter(scope, given, org);
  const numerator = await measureTotals(
    scope,
    calendar,
    def.measure,
    org.boundaries,
    'measure',
    undefined,
    whole,
  );
  const { currency, excluded } = pickCurrency(def, options, numerator);
  const moneyNumerator =
    numerator.some((t) => t.currency !== null) || measureModel(scope, def.measure, 'measure').money;
  const sameModel = def.per?.model === def.measure.model && moneyNumerator;
  const denominator = def.per
    ? await measureTotals(
        scope,
        calendar,
        def.per,
        org.boundaries,
        'per',
        sameModel ? def.measure.field : undefined,
        whole,
      )
    : [];

  const reps = new Map<string, Sums>();
  const teams = new Map<string, Sums>();
  const territories = new Map<string, Sums>();
  const total: Sums = { num: toDecimal(0), den: toDecimal(0) };
  const add = (map: Map<string, Sums>, key: string, part: 'num' | 'den', value: Dec) => {
    const sums = map.get(key) ?? { num: toDecimal(0), den: toDecimal(0) };
    sums[part] = sums[part].plus(value);
    map.set(key, sums);
  };
  const place = (rows: readonly SegmentTotal[], part: 'num' | 'den') => {
    for (const row of rows) {
      if (currency !== null && row.currency !== null && row.currency !== currency) continue;
      // A ratio over a money sum counts only the records that carry an amount.
      if (part === 'den' && sameModel && row.currency === null) continue;
      const rep = row.userId === null ? undefined : org.repsByUserId.get(row.userId);
      if (!rep) {
        if (filter.scope.type === 'tenant') total[part] = total[part].plus(row.value);
        continue;
      }
      if (!filter.inScope(rep.id, row.day)) continue;
      total[part] = total[part].plus(row.value);
      add(reps, rep.id, part, row.value);
      for (const teamId of org.teamsOn(rep.id, row.day)) {
        if (filter.scope.type !== 'team' || filter.scope.id === teamId)
          add(teams, teamId, part, row.value);
      }
      for (const territoryId of org.territoriesOn(rep.id, row.day)) {
        if (!filter.territories || filter.territories.has(territoryId))
          add(territories, territoryId, part, row.value);
      }
    }
  };
  place(numerator, 'num');
  place(denominator, 'den');

  // Reps listed: those in scope on some day of the period (tenant: active ones), and those with results.
  const readable = whole ? new Set(org.reps.map((rep) => rep.id)) : await readableReps(scope);
  const listed = org.reps.filter(
    (rep) =>
      readable.has(rep.id) &&
      (reps.has(rep.id) ||
        (filter.scope.type === 'tenant'
          ? rep.active
          : org.boundaries.slice(0, -1).some((day) => filter.inScope(rep.id, day)))),
  );
  // A money sum shows the currency's minor unit (`7000.00`).
  const moneyScale = moneyNumerator && currency !== null ? (currencyExponent(currency) ?? 4) : null;
  const targets = await targetsFor(scope, options, def, bounds, currency, org);
  const result = (
    subjectType: KpiResult['subjectType'],
    subjectId: string,
    sums: Sums | undefined,
  ): KpiResult => {
    const actual = ratio(def, sums ?? { num: toDecimal(0), den: toDecimal(0) }, moneyScale);
    // The scope's own row takes the team's or territory's target (none for the tenant).
    const target =
      subjectType !== 'scope'
        ? targets(subjectType, subjectId)
        : filter.scope.type === 'tenant'
          ? null
          : targets(filter.scope.type, subjectId);
    const attainment = attainmentOf(def, actual, target);
    return {
      subjectType,
      subjectId,
      actual,
      target,
      attainment,
      band: attainment === null ? null : bandOf(def.bands ?? [], attainment),
    };
  };
  const scopeId = filter.scope.type === 'tenant' ? scope.tenantId : filter.scope.id;
  return {
    kpi: def.key,
    periodKey: bounds.key,
    from: bounds.from,
    to: bounds.to,
    scope: filter.scope,
    currency,
    excludedCurrencies: excluded,
    reps: listed
      .map((rep) => ({
        ...result('rep', rep.id, reps.get(rep.id)),
        name: rep.name,
        userId: rep.userId,
      }))
      .sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : a.subjectId < b.subjectId ? -1 : 1,
      ),
    teams: [...teams.keys()].sort().map((id) => result('team', id, teams.get(id))),
    territories: [...territories.keys()]
      .sort()
      .map((id) => result('territory', id, territories.get(id))),
    total: result('scope', scopeId, total),
  };
}

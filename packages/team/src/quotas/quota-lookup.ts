import { currencyExponent, type EventMap, type ModuleScope, toDecimal } from '@sellkit/core';
import { inChunks } from '@sellkit/core/module';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import { type PeriodBounds, periodBounds } from './period-keys.js';
import { type Quota, type QuotaSubjectType, quota } from './quota-model.js';

/** The target in force for a subject, measure and period. */
export interface QuotaTarget {
  /** The exact decimal target, ramp applied (`"30000.00"`). */
  readonly target: string;
  /** The currency of a money target, null for counts. */
  readonly currency: string | null;
  /** The quota version it comes from. */
  readonly quotaId: string;
}

/** What {@link quotaTarget} looks up. */
export interface QuotaTargetQuery {
  readonly subjectType: QuotaSubjectType;
  readonly subjectId: string;
  /** A measure id: `won-revenue`, `won-deals`, `new-customers`, `interactions` or a plugin's. */
  readonly measure: string;
  /** A tenant calendar period key: `2026-03`, `2026-Q1`, `2026`, `FY2026-Q1`, `FY2026`. */
  readonly periodKey: string;
  /** The day whose versions count (`YYYY-MM-DD`, default today): later versions are ignored. */
  readonly asOf?: string;
}

/** The version in force on `asOf` among versions of one quota: latest `effectiveFrom`, then revision. */
export function versionInForce(versions: readonly Quota[], asOf: string): Quota | null {
  let best: Quota | null = null;
  for (const version of versions) {
    if (version.effectiveFrom > asOf) continue;
    if (
      !best ||
      version.effectiveFrom > best.effectiveFrom ||
      (version.effectiveFrom === best.effectiveFrom && version.revision > best.revision)
    ) {
      best = version;
    }
  }
  return best;
}

/** Whole months from month key `a` to month key `b` (`'2026-01'` to `'2026-03'` is 2). */
function monthsBetween(a: string, b: string): number {
  return (
    (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 +
    Number(b.slice(5, 7)) -
    Number(a.slice(5, 7))
  );
}

/**
 * The target of a quota version for a period, its ramp applied for a rep hired on `hireDate`:
 * each month of the period carries an equal share of the target times that month's ramp
 * percentage (0 % before the hire month, the ramp's n-th value in the n-th month since hire,
 * 100 % after). Rounded half-even to the currency's minor unit (4 decimals for non-money).
 *
 * @example
 * ```ts
 * // A quarter quota of 30000 EUR, rep hired in February, ramp 50 % then 75 %:
 * // January 0 % + February 50 % + March 75 % of 10000 each = 12500.00
 * const calendar = await scope.calendar();
 * const version = { target: '30000', currency: 'EUR', ramp: ['50', '75'] };
 * rampedTarget(version, periodBounds(calendar, '2026-Q1'), '2026-02-10'); // '12500.00'
 * ```
 */
export function rampedTarget(
  version: Pick<Quota, 'target' | 'currency' | 'ramp'>,
  bounds: Pick<PeriodBounds, 'months'>,
  hireDate: string | null,
): string {
  const scale = version.currency ? (currencyExponent(version.currency) ?? 4) : 4;
  const target = toDecimal(version.target);
  if (version.ramp.length === 0 || !hireDate) return target.toFixed(scale);
  const hireMonth = hireDate.slice(0, 7);
  let percent = toDecimal(0);
  for (const month of bounds.months) {
    const index = monthsBetween(hireMonth, month);
    const step = index < 0 ? '0' : (version.ramp[index] ?? '100');
    percent = percent.plus(toDecimal(step));
  }
  return target
    .times(percent)
    .div(100 * bounds.months.length)
    .toDecimalPlaces(scale, 6)
    .toFixed(scale);
}

/**
 * The quota in force for a subject, measure and period (ramp and effective dating applied), or
 * null when none is set. Reads quotas whoever the actor is (a rep's statement needs its
 * target); the caller decides what to show.
 *
 * @example
 * ```ts
 * const found = await quotaTarget(scope, {
 *   subjectType: 'rep',
 *   subjectId: 'rep_1',
 *   measure: 'won-revenue',
 *   periodKey: '2026-Q1',
 * });
 * found?.target; // '30000.00'
 * ```
 */
export async function quotaTarget<E extends EventMap>(
  scope: ModuleScope<E>,
  query: QuotaTargetQuery,
): Promise<QuotaTarget | null> {
  const calendar = await scope.calendar();
  const bounds = periodBounds(calendar, query.periodKey);
  const quotas = scope.model(quota.name) as typeof quota;
  // internal: the target behind a statement or a KPI is read whoever asks; callers filter
  const versions = await loadAll(scope.internal(quotas), {
    subjectType: query.subjectType,
    subjectId: query.subjectId,
    measure: query.measure,
    periodKey: bounds.key,
  });
  const version = versionInForce(versions, query.asOf ?? calendar.today());
  if (!version) return null;
  let hireDate: string | null = null;
  if (version.subjectType === 'rep' && version.ramp.length > 0) {
    // internal: the rep's hire date sets the ramp, whoever asks
    const found = await scope.internal(teamModels(scope).rep).get(version.subjectId);
    hireDate = found?.hireDate ?? null;
  }
  return {
    target: rampedTarget(version, bounds, hireDate),
    currency: version.currency ?? null,
    quotaId: version.id,
  };
}

/** What {@link quotaTargets} looks up: one measure and period for many subjects of one type. */
export interface QuotaTargetsQuery {
  readonly subjectType: QuotaSubjectType;
  readonly subjectIds: readonly string[];
  readonly measure: string;
  readonly periodKey: string;
  readonly asOf?: string;
}

/**
 * {@link quotaTarget} for many subjects at once (statements for every rep): the same targets,
 * read in a few batches instead of one query per subject. Subjects without a quota map to null.
 *
 * @example
 * ```ts
 * const targets = await quotaTargets(scope, {
 *   subjectType: 'rep',
 *   subjectIds: ['rep_1', 'rep_2'],
 *   measure: 'won-revenue',
 *   periodKey: '2026-Q1',
 * });
 * targets.get('rep_1')?.target; // '30000.00'
 * ```
 */
export async function quotaTargets<E extends EventMap>(
  scope: ModuleScope<E>,
  query: QuotaTargetsQuery,
): Promise<Map<string, QuotaTarget | null>> {
  const calendar = await scope.calendar();
  const bounds = periodBounds(calendar, query.periodKey);
  const quotas = scope.model(quota.name) as typeof quota;
  const subjectIds = [...new Set(query.subjectIds)];
  const versionsOf = new Map<string, Quota[]>();
  for (const ids of inChunks(subjectIds)) {
    // internal: the target behind a statement or a KPI is read whoever asks; callers filter
    const rows = await loadAll(scope.internal(quotas), {
      subjectType: query.subjectType,
      subjectId: { in: ids },
      measure: query.measure,
      periodKey: bounds.key,
    });
    for (const row of rows) {
      const list = versionsOf.get(row.subjectId) ?? [];
      list.push(row);
      versionsOf.set(row.subjectId, list);
    }
  }
  const asOf = query.asOf ?? calendar.today();
  const targets = new Map<string, QuotaTarget | null>();
  for (const id of subjectIds) {
    const version = versionInForce(versionsOf.get(id) ?? [], asOf);
    if (!version) {
      targets.set(id, null);
      continue;
    }
    let hireDate: string | null = null;
    if (version.subjectType === 'rep' && version.ramp.length > 0) {
      // internal: the rep's hire date sets the ramp, whoever asks (ramps are rare: one by one)
      const found = await scope.internal(teamModels(scope).rep).get(version.subjectId);
      hireDate = found?.hireDate ?? null;
    }
    targets.set(id, {
      target: rampedTarget(version, bounds, hireDate),
      currency: version.currency ?? null,
      quotaId: version.id,
    });
  }
  return targets;
}

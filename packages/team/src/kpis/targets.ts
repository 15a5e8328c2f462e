import { type EventMap, type ModuleScope, SellkitError } from '@sellkit/core';
import { type ResolvedPerformanceOptions, requireMeasure } from '../quotas/measures.js';
import type { PeriodBounds } from '../quotas/period-keys.js';
import { rampedTarget, versionInForce } from '../quotas/quota-lookup.js';
import { type Quota, quota } from '../quotas/quota-model.js';
import { loadAll } from '../shared/load-all.js';
import type { KpiResult } from './evaluate-types.js';
import type { KpiDefinition } from './kpi-definition.js';
import type { OrgTimeline } from './org-timeline.js';

/** Looks up the target of a subject of an evaluation. */
export type TargetOf = (subjectType: KpiResult['subjectType'], subjectId: string) => string | null;

/**
 * The targets of a KPI for a period, read at once: a fixed target for everyone, or the quotas
 * in force today on the KPI's quota measure (ramps applied with each rep's hire date). A quota
 * in another currency than a money KPI's is `CURRENCY_MISMATCH`.
 */
export async function targetsFor<E extends EventMap>(
  scope: ModuleScope<E>,
  options: ResolvedPerformanceOptions,
  def: KpiDefinition,
  bounds: PeriodBounds,
  currency: string | null,
  org: OrgTimeline,
): Promise<TargetOf> {
  const spec = def.target;
  if (!spec) return () => null;
  if ('fixed' in spec) return (subjectType) => (subjectType === 'scope' ? null : spec.fixed);
  requireMeasure(options, spec.quota, 'target.quota');
  const calendar = await scope.calendar();
  // internal: targets are read whoever evaluates; results are filtered by what the actor sees
  const versions = await loadAll(scope.internal(scope.model(quota.name) as typeof quota), {
    measure: spec.quota,
    periodKey: bounds.key,
  });
  const grouped = new Map<string, Quota[]>();
  for (const version of versions) {
    const key = `${version.subjectType}:${version.subjectId}`;
    grouped.set(key, [...(grouped.get(key) ?? []), version]);
  }
  const today = calendar.today();
  const hireDates = new Map(org.reps.map((rep) => [rep.id, rep.hireDate ?? null]));
  const found = new Map<string, string>();
  for (const [key, list] of grouped) {
    const version = versionInForce(list, today);
    if (!version) continue;
    if (currency !== null && version.currency !== null && version.currency !== currency) {
      throw new SellkitError(
        'CURRENCY_MISMATCH',
        `quota ${version.id} is in ${version.currency}, the KPI ${def.key} in ${currency}`,
        { model: 'quota', id: version.id, expected: currency, given: version.currency },
      );
    }
    const hireDate =
      version.subjectType === 'rep' ? (hireDates.get(version.subjectId) ?? null) : null;
    found.set(key, rampedTarget(version, bounds, hireDate));
  }
  return (subjectType, subjectId) =>
    subjectType === 'scope' ? null : (found.get(`${subjectType}:${subjectId}`) ?? null);
}

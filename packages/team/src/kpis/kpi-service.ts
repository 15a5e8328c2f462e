import { type ModuleScope, SellkitError } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { type ResolvedPerformanceOptions, requireMeasure } from '../quotas/measures.js';
import { loadAll } from '../shared/load-all.js';
import { trackBands } from './band-tracker.js';
import { evaluateKpi } from './evaluate.js';
import type { KpiEvaluation, KpiScope } from './evaluate-types.js';
import { checkKpiDefinition, type KpiDefinition } from './kpi-definition.js';
import { kpiDefinition } from './kpi-models.js';
import { measureModel } from './measure-totals.js';
import { standardKpis } from './standard-kpis.js';

/** KPIs (`crm.as(ctx).team.kpis`): definitions as data, and their evaluation. */
export interface KpiService {
  /**
   * Defines (or redefines) a tenant KPI. Its measure must name a composed model and real
   * fields; a quota target a known measure; bands must neither overlap nor leave gaps. The
   * standard KPIs' keys are taken.
   *
   * @example
   * ```ts
   * await admin.team.kpis.define({
   *   key: 'demo-calls', name: 'Demo calls',
   *   measure: { model: 'interaction', fn: 'count', where: { type: 'call' }, dateField: 'occurredAt', repField: 'ownerId' },
   *   target: { fixed: '40' },
   *   bands: [{ name: 'low', to: '50' }, { name: 'ok', from: '50', to: '100' }, { name: 'great', from: '100' }],
   * });
   * ```
   */
  define(definition: KpiDefinition): Promise<KpiDefinition>;
  /**
   * A KPI by key: a standard one or the tenant's.
   *
   * @example
   * ```ts
   * const winRate = await admin.team.kpis.get('win-rate');
   * ```
   */
  get(key: string): Promise<KpiDefinition>;
  /**
   * Every KPI: the standard ones, then the tenant's by key.
   *
   * @example
   * ```ts
   * const keys = (await admin.team.kpis.list()).map((kpi) => kpi.key);
   * ```
   */
  list(): Promise<KpiDefinition[]>;
  /**
   * Evaluates a KPI (a key or a definition) for a tenant calendar period: actual, target,
   * attainment and band per rep, team and territory, computed by storage aggregates over what
   * the actor may read, each record counted for the team and territory its rep had on the
   * record's date. A tenant-wide evaluation by an actor who reads every record of the
   * measured models stores each rep's band and emits `kpi.bandChanged` when it moved.
   *
   * @example
   * ```ts
   * const q1 = await manager.team.kpis.evaluate('won-revenue', '2026-Q1', { type: 'team', id: 'team_west' });
   * q1.reps[0]; // { subjectId: 'rep_…', name: 'Ana', actual: '42000.00', target: '40000.00', attainment: '105.0000', band: 'on-track', … }
   * ```
   */
  evaluate(
    kpi: string | KpiDefinition,
    periodKey: string,
    scope?: KpiScope,
  ): Promise<KpiEvaluation>;
}

/** Builds the KPI service of one scope. */
export function createKpiService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedPerformanceOptions,
): KpiService {
  const definitions = scope.model(kpiDefinition.name) as typeof kpiDefinition;
  const standard = new Map(standardKpis(options.currency).map((kpi) => [kpi.key, kpi]));

  function checkAgainstKernel(def: KpiDefinition): void {
    measureModel(scope, def.measure, 'measure');
    if (def.per) measureModel(scope, def.per, 'per');
    if (def.target && 'quota' in def.target)
      requireMeasure(options, def.target.quota, 'target.quota');
  }

  async function resolve(kpi: string | KpiDefinition): Promise<KpiDefinition> {
    if (typeof kpi !== 'string') {
      const def = checkKpiDefinition(kpi);
      checkAgainstKernel(def);
      return def;
    }
    const found = standard.get(kpi);
    if (found) return found;
    // internal: KPI definitions are tenant configuration any evaluator may use
    const stored = (await scope.internal(definitions).find({ where: { key: kpi }, limit: 1 }))
      .rows[0];
    if (!stored) {
      throw new SellkitError('NOT_FOUND', `no KPI ${kpi}`, {
        model: 'kpiDefinition',
        issues: [{ path: 'kpi', message: 'is not a known KPI', reason: 'not_found' }],
      });
    }
    return stored.definition;
  }

  async function fullReach(def: KpiDefinition): Promise<boolean> {
    for (const measure of def.per ? [def.measure, def.per] : [def.measure]) {
      const reach = await scope.reach('read', scope.model(measure.model));
      if (reach.kind !== 'all') return false;
    }
    return true;
  }

  return {
    async define(definition) {
      await scope.assertCan('create', definitions);
      const def = checkKpiDefinition(definition);
      if (standard.has(def.key)) {
        throw new SellkitError('CONFLICT', `${def.key} is a standard KPI`, {
          model: 'kpiDefinition',
          issues: [{ path: 'key', message: 'is a standard KPI', reason: 'duplicate' }],
        });
      }
      checkAgainstKernel(def);
      return scope.transaction(async (tx) => {
        const records = tx.records(definitions);
        const current = (await records.find({ where: { key: def.key }, limit: 1 })).rows[0];
        if (current)
          await records.update(current.id, { name: def.name, definition: def }, { current });
        else await records.create({ key: def.key, name: def.name, definition: def });
        return def;
      });
    },

    get: (key) => resolve(key),

    async list() {
      // internal: KPI definitions are tenant configuration any evaluator may use
      const stored = await loadAll(scope.internal(definitions), undefined, [{ field: 'key' }]);
      return [...standard.values(), ...stored.map((row) => row.definition)];
    },

    async evaluate(kpi, periodKey, given) {
      const def = await resolve(kpi);
      const evaluation = await evaluateKpi(scope, options, def, periodKey, given);
      if (evaluation.scope.type === 'tenant' && (await fullReach(def)))
        await trackBands(scope, evaluation);
      return evaluation;
    },
  };
}

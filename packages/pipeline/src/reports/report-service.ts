import type { CalendarUnit, Money, Where } from '@sellkit/core';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { pipelineFor } from '../pipelines/pipeline-store.js';
import type { StageKind } from '../pipelines/stage-definition.js';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { addTo, sortedTotals, weightedAccumulator } from './money-math.js';

/** One stage of the stage report. */
export interface StageReportRow {
  readonly stage: string;
  readonly name: string;
  readonly kind: StageKind;
  /** The stage's default probability (percent). */
  readonly probability: number;
  readonly count: number;
  /** Sum of amounts, one Money per currency (empty when no deal has an amount). */
  readonly amounts: readonly Money[];
  /** Deals without an amount. */
  readonly withoutAmount: number;
}

/** Weighted pipeline: Σ amount × probability of open deals, exact, per stage and in total. */
export interface WeightedPipeline {
  readonly pipelineId: string;
  readonly stages: readonly { readonly stage: string; readonly weighted: readonly Money[] }[];
  readonly total: readonly Money[];
}

/** Win rate of one owner or territory. */
export interface WinRateRow {
  /** The owner or territory id (null: deals without one). */
  readonly key: string | null;
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost), 0 to 1. */
  readonly winRate: number;
}

/** Average cycle length (engagement to close) of won deals. */
export interface CycleLengthRow {
  readonly key: string | null;
  readonly deals: number;
  /** Exact average in days, as a decimal string (`"51.7812"`). */
  readonly averageDays: string | null;
}

/** Won deals of one period of the tenant's calendar. */
export interface WonPeriodRow {
  /** The period key: `2026-03-05`, `2026-W10`, `2026-03`, `2026-Q1`, `2026`, `FY2026-Q1`, `FY2026`. */
  readonly period: string;
  readonly deals: number;
  /** Revenue, one Money per currency. */
  readonly revenue: readonly Money[];
}

/** Filters shared by the reports. */
export interface ReportFilter {
  /** A pipeline id or key; every pipeline when left out (stage reports: the default). */
  pipeline?: string;
  /** Close dates from (inclusive), `YYYY-MM-DD` (win rates, cycle length, revenue). */
  from?: string;
  /** Close dates to (inclusive). */
  to?: string;
}

/** Reports the pipeline owns, computed by the storage engine (`aggregate`), scoped to what the actor may see. */
export interface ReportService {
  /**
   * Count and amount per stage of a pipeline, in stage order.
   *
   * @example
   * ```ts
   * const rows = await manager.pipeline.reports.stages();
   * rows.map((row) => `${row.name}: ${row.count} deals, ${row.amounts[0]?.toString() ?? 0}`);
   * ```
   */
  stages(filter?: ReportFilter): Promise<StageReportRow[]>;
  /** Amount × probability of open deals (each deal's own probability), exact. */
  weighted(filter?: ReportFilter): Promise<WeightedPipeline>;
  /** Won / (won + lost) per owner or per territory. */
  winRates(by: 'owner' | 'territory', filter?: ReportFilter): Promise<WinRateRow[]>;
  /** Average days from engagement to close of won deals, overall or per owner / territory. */
  cycleLength(by?: 'owner' | 'territory', filter?: ReportFilter): Promise<CycleLengthRow[]>;
  /** Revenue of won deals, one Money per currency, and their count. */
  wonRevenue(filter?: ReportFilter): Promise<{ deals: number; revenue: readonly Money[] }>;
  /**
   * Won deals and revenue per period of the tenant's calendar, oldest first, by close date (the
   * business date of the close: the tenant's local date when it was won, unless set by hand).
   * Weeks start on the tenant's week start, fiscal periods in its fiscal year start month.
   *
   * @example
   * ```ts
   * const months = await manager.pipeline.reports.wonByPeriod('month', { from: '2026-01-01' });
   * months[0]; // { period: '2026-01', deals: 12, revenue: [Money 184000.00 EUR] }
   * ```
   */
  wonByPeriod(unit: CalendarUnit, filter?: ReportFilter): Promise<WonPeriodRow[]>;
  /** Average days deals spent in each stage before leaving it (from the stage history). */
  timeInStage(
    filter?: ReportFilter,
  ): Promise<{ stage: string; moves: number; averageDays: number | null }[]>;
}

const FIELD = { owner: 'ownerId', territory: 'territoryId' } as const;
// Time in a stage is a duration in milliseconds: shown in 24-hour days.
const DAY_MS = 86_400_000;

/** Creates the report service of one context. */
export function createReportService(ctx: PipelineContext): ReportService {
  const { scope } = ctx;
  const { opportunity, stageChange } = pipelineModels(scope);
  const deals = () => scope.records(opportunity);

  async function closedWhere(
    filter: ReportFilter,
    statuses: readonly string[],
  ): Promise<Where<Opportunity>> {
    const where: Where<Opportunity> = { status: { in: statuses as Opportunity['status'][] } };
    if (filter.pipeline !== undefined)
      where.pipelineId = (await pipelineFor(ctx, filter.pipeline, 'pipeline')).id;
    if (filter.from !== undefined || filter.to !== undefined) {
      where.closeDate = {
        ...(filter.from === undefined ? {} : { gte: filter.from }),
        ...(filter.to === undefined ? {} : { lte: filter.to }),
      };
    }
    return where;
  }

  return {
    async stages(filter = {}) {
      const pipeline = await pipelineFor(ctx, filter.pipeline, 'pipeline');
      const groups = await deals().aggregate({
        where: { pipelineId: pipeline.id },
        groupBy: ['stage', 'amount.currency'],
        measures: { count: { fn: 'count' }, amount: { fn: 'sum', field: 'amount' } },
      });
      const byStage = new Map<
        string,
        { count: number; without: number; totals: Map<string, Money> }
      >();
      for (const group of groups) {
        const stage = String(group.stage);
        const entry = byStage.get(stage) ?? { count: 0, without: 0, totals: new Map() };
        const count = Number(group.count);
        entry.count += count;
        if (group.amount === null || group.amount === undefined) entry.without += count;
        else addTo(entry.totals, group.amount as Money);
        byStage.set(stage, entry);
      }
      return pipeline.stages.map((stage) => {
        const entry = byStage.get(stage.key);
        return {
          stage: stage.key,
          name: stage.name,
          kind: stage.kind,
          probability: stage.probability,
          count: entry?.count ?? 0,
          amounts: entry ? sortedTotals(entry.totals) : [],
          withoutAmount: entry?.without ?? 0,
        };
      });
    },
    async weighted(filter = {}) {
      const pipeline = await pipelineFor(ctx, filter.pipeline, 'pipeline');
      const groups = await deals().aggregate({
        where: { pipelineId: pipeline.id, status: 'open' },
        groupBy: ['stage', 'probability', 'amount.currency'],
        measures: { amount: { fn: 'sum', field: 'amount' } },
      });
      const total = weightedAccumulator();
      const perStage = new Map<string, ReturnType<typeof weightedAccumulator>>();
      for (const group of groups) {
        const stage = String(group.stage);
        const accumulator = perStage.get(stage) ?? weightedAccumulator();
        perStage.set(stage, accumulator);
        accumulator.add(group.amount as Money | null, Number(group.probability));
        total.add(group.amount as Money | null, Number(group.probability));
      }
      return {
        pipelineId: pipeline.id,
        stages: pipeline.stages
          .filter((stage) => stage.kind === 'open')
          .map((stage) => ({
            stage: stage.key,
            weighted: perStage.get(stage.key)?.result() ?? [],
          })),
        total: total.result(),
      };
    },
    async winRates(by, filter = {}) {
      const field = FIELD[by];
      const groups = await deals().aggregate({
        where: await closedWhere(filter, ['won', 'lost']),
        groupBy: [field, 'status'],
        measures: { deals: { fn: 'count' } },
      });
      const rows = new Map<string | null, { won: number; lost: number }>();
      for (const group of groups) {
        const key = (group[field] as string | null | undefined) ?? null;
        const entry = rows.get(key) ?? { won: 0, lost: 0 };
        if (group.status === 'won') entry.won += Number(group.deals);
        else entry.lost += Number(group.deals);
        rows.set(key, entry);
      }
      return [...rows.entries()]
        .map(([key, { won, lost }]) => ({
          key,
          won,
          lost,
          winRate: won + lost === 0 ? 0 : won / (won + lost),
        }))
        .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
    },
    async cycleLength(by, filter = {}) {
      const groups = await deals().aggregate({
        where: await closedWhere(filter, ['won']),
        groupBy: by === undefined ? [] : [FIELD[by]],
        measures: {
          deals: { fn: 'count', field: 'cycleDays' },
          average: { fn: 'avg', field: 'cycleDays' },
        },
      });
      return groups
        .map((group) => ({
          key: by === undefined ? null : ((group[FIELD[by]] as string | null | undefined) ?? null),
          deals: Number(group.deals),
          averageDays:
            group.average === null || group.average === undefined ? null : String(group.average),
        }))
        .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
    },
    async wonRevenue(filter = {}) {
      const groups = await deals().aggregate({
        where: await closedWhere(filter, ['won']),
        groupBy: ['amount.currency'],
        measures: { deals: { fn: 'count' }, revenue: { fn: 'sum', field: 'amount' } },
      });
      const totals = new Map<string, Money>();
      let count = 0;
      for (const group of groups) {
        count += Number(group.deals);
        addTo(totals, group.revenue as Money | null);
      }
      return { deals: count, revenue: sortedTotals(totals) };
    },
    async wonByPeriod(unit, filter = {}) {
      const calendar = await scope.calendar();
      // Grouped by day in storage (exact sums), then folded into the tenant's periods: a close
      // date is a calendar date, so its period never depends on a time zone.
      const groups = await deals().aggregate({
        where: await closedWhere(filter, ['won']),
        groupBy: ['closeDate', 'amount.currency'],
        measures: { deals: { fn: 'count' }, revenue: { fn: 'sum', field: 'amount' } },
      });
      const periods = new Map<string, { deals: number; totals: Map<string, Money> }>();
      for (const group of groups) {
        const day = group.closeDate;
        if (typeof day !== 'string') continue;
        const key = calendar.periodKey(unit, day);
        const entry = periods.get(key) ?? { deals: 0, totals: new Map<string, Money>() };
        entry.deals += Number(group.deals);
        addTo(entry.totals, group.revenue as Money | null);
        periods.set(key, entry);
      }
      return [...periods.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([period, entry]) => ({
          period,
          deals: entry.deals,
          revenue: sortedTotals(entry.totals),
        }));
    },
    async timeInStage(filter = {}) {
      const pipeline = await pipelineFor(ctx, filter.pipeline, 'pipeline');
      const groups = await scope.records(stageChange).aggregate({
        where: {
          pipelineId: pipeline.id,
          fromStage: { isNull: false },
          msInPreviousStage: { isNull: false },
        },
        groupBy: ['fromStage'],
        measures: { moves: { fn: 'count' }, average: { fn: 'avg', field: 'msInPreviousStage' } },
      });
      const byStage = new Map(groups.map((group) => [String(group.fromStage), group]));
      return pipeline.stages
        .filter((stage) => stage.kind === 'open')
        .map((stage) => {
          const group = byStage.get(stage.key);
          const average = group?.average;
          return {
            stage: stage.key,
            moves: Number(group?.moves ?? 0),
            averageDays:
              average === null || average === undefined ? null : Number(average) / DAY_MS,
          };
        });
    },
  };
}

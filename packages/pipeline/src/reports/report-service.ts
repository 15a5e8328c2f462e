import type { CalendarUnit, Money } from '@sellkit/core';
import { pipelineFor } from '../pipelines/pipeline-store.js';
import type { StageKind } from '../pipelines/stage-definition.js';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { type ForecastRow, forecast } from './forecast.js';
import { addTo, sortedTotals, weightedAccumulator } from './money-math.js';
import { type ReportFilter, reportWhere } from './report-where.js';
import {
  type WonPeriodCurrencyRow,
  type WonProductRow,
  type WonTerritoryRow,
  wonByPeriodAndCurrency,
  wonByProduct,
  wonByTerritory,
} from './won-groups.js';

export type { ReportFilter } from './report-where.js';

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
  /**
   * Won deals and revenue per territory (by the deal's territory id), largest revenue first.
   * Territory names belong to the team module: look them up there.
   *
   * @example
   * ```ts
   * const rows = await manager.pipeline.reports.wonByTerritory({ from: '2026-01-01' });
   * rows[0]; // { territoryId: 'ter_…', deals: 31, revenue: [Money 184000.00 EUR] }
   * ```
   */
  wonByTerritory(filter?: ReportFilter): Promise<WonTerritoryRow[]>;
  /**
   * Won revenue per product, from the lines of won deals (a deal with several products counts
   * each line for its product), largest revenue first, with the product's catalog name. Line
   * amounts are summed by the storage engine, a page of won deals at a time. Lines are read
   * with the line model's own access, which has no owner field: roles scoped to their own,
   * their team's or their territory's records see no lines (admins and viewers see all).
   *
   * @example
   * ```ts
   * const rows = await manager.pipeline.reports.wonByProduct();
   * rows.map((row) => `${row.name ?? row.productId}: ${row.lines} lines, ${row.revenue.join(' + ')}`);
   * ```
   */
  wonByProduct(filter?: ReportFilter): Promise<WonProductRow[]>;
  /**
   * Won deals and revenue per period of the tenant's calendar and per currency, oldest first:
   * unlike {@link ReportService.wonByPeriod}, each currency is a row of its own with its own
   * deal count, and won deals without a close date (period null) or without an amount
   * (currency null) are rows too.
   *
   * @example
   * ```ts
   * const rows = await manager.pipeline.reports.wonByPeriodAndCurrency('month');
   * rows[0]; // { period: '2026-01', currency: 'EUR', deals: 12, revenue: Money 184000.00 EUR }
   * ```
   */
  wonByPeriodAndCurrency(
    unit: CalendarUnit,
    filter?: ReportFilter,
  ): Promise<WonPeriodCurrencyRow[]>;
  /**
   * The weighted forecast per period of the tenant's calendar, by expected close date: open
   * deals, their amount, and Σ amount × probability (each deal's own probability), exact and
   * rounded once, half to even. Oldest period first; deals without an expected close date
   * (period null) come first. `from` / `to` filter expected close dates.
   *
   * @example
   * ```ts
   * const months = await manager.pipeline.reports.forecast('month');
   * months[0]; // { period: '2026-04', deals: 9, amount: [Money 52000.00 USD], weighted: [Money 13400.00 USD] }
   * ```
   */
  forecast(unit?: CalendarUnit, filter?: ReportFilter): Promise<ForecastRow[]>;
}

const FIELD = { owner: 'ownerId', territory: 'territoryId' } as const;
// Time in a stage is a duration in milliseconds: shown in 24-hour days.
const DAY_MS = 86_400_000;

/** Creates the report service of one context. */
export function createReportService(ctx: PipelineContext): ReportService {
  const { scope } = ctx;
  const { opportunity, stageChange } = pipelineModels(scope);
  const deals = () => scope.records(opportunity);

  const closedWhere = (filter: ReportFilter, statuses: readonly ('won' | 'lost')[]) =>
    reportWhere(ctx, filter, statuses);

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
    wonByTerritory: (filter = {}) => wonByTerritory(ctx, filter),
    wonByProduct: (filter = {}) => wonByProduct(ctx, filter),
    wonByPeriodAndCurrency: (unit, filter = {}) => wonByPeriodAndCurrency(ctx, unit, filter),
    forecast: (unit = 'month', filter = {}) => forecast(ctx, unit, filter),
  };
}

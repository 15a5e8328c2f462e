import { type ModuleScope, validationError } from '@sellkit/core';
import type { TeamEvents } from '../events.js';
import { evaluateKpi } from '../kpis/evaluate.js';
import type { KpiScope } from '../kpis/evaluate-types.js';
import { checkKpiDefinition, type KpiDefinition } from '../kpis/kpi-definition.js';
import type { KpiService } from '../kpis/kpi-service.js';
import type { ResolvedPerformanceOptions } from '../quotas/measures.js';
import { periodBounds, previousPeriodKey } from '../quotas/period-keys.js';
import { optionsOf } from '../shared/errors.js';
import { teamModels } from '../shared/models.js';
import { competitionRanks } from './ranking.js';

/** Options of {@link LeaderboardService.rank}. */
export interface LeaderboardOptions {
  /** Whose reps are ranked: the tenant (default), a team or a territory. */
  scope?: KpiScope;
  /** Rank by the KPI's actual (default) or by attainment of target. */
  by?: 'actual' | 'attainment';
  /**
   * Privacy: show actors who may not read every rep only the top N and their own row
   * (overrides the module's `performance.leaderboardTopN`; `null` turns it off).
   */
  topN?: number | null;
}

/** One rep on a leaderboard. */
export interface LeaderboardRow {
  /** Competition rank: ties share a rank, the next rank skips (1, 2, 2, 4). */
  readonly rank: number;
  readonly repId: string;
  readonly name: string;
  /** The value ranked (actual or attainment), an exact decimal. */
  readonly value: string;
  readonly actual: string | null;
  readonly attainment: string | null;
  readonly band: string | null;
  /** The rank in the previous period of the same unit, null when unranked then. */
  readonly previousRank: number | null;
  /** Places gained since the previous period (negative: lost), null when new. */
  readonly movement: number | null;
  /** True on the actor's own row. */
  readonly isMe: boolean;
}

/** What {@link LeaderboardService.rank} returns. */
export interface Leaderboard {
  readonly kpi: string;
  readonly periodKey: string;
  readonly previousPeriodKey: string;
  readonly scope: KpiScope;
  readonly by: 'actual' | 'attainment';
  /** The rows shown, best first. */
  readonly rows: readonly LeaderboardRow[];
  /** How many reps are ranked in all. */
  readonly ranked: number;
  /** True when the privacy rule hid rows (only the top N and the actor's own are shown). */
  readonly restricted: boolean;
}

/** Leaderboards (`crm.as(ctx).team.leaderboards`). */
export interface LeaderboardService {
  /**
   * Ranks the reps of a scope by a KPI for a period, with movement since the previous period.
   * Every rep of the scope is ranked on every record (a leaderboard is published to the team);
   * with the privacy rule on, actors who may not read every rep see the top N and themselves.
   *
   * @example
   * ```ts
   * const board = await manager.team.leaderboards.rank('won-revenue', '2026-Q2', { topN: 3 });
   * const lines = board.rows.map((row: LeaderboardRow) => `${row.rank}. ${row.name} ${row.value}`);
   * ```
   */
  rank(
    kpi: string | KpiDefinition,
    periodKey: string,
    options?: LeaderboardOptions,
  ): Promise<Leaderboard>;
}

/** Builds the leaderboard service of one scope. */
export function createLeaderboardService(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedPerformanceOptions,
  kpis: KpiService,
): LeaderboardService {
  return {
    async rank(kpi, periodKey, given) {
      const opts = optionsOf(given, 'options');
      const by = opts.by ?? 'actual';
      if (by !== 'actual' && by !== 'attainment') {
        throw validationError('options.by', 'must be actual or attainment', 'invalid_enum');
      }
      const topN = opts.topN === undefined ? options.leaderboardTopN : opts.topN;
      if (topN !== null && (!Number.isInteger(topN) || topN < 1 || topN > 1000)) {
        throw validationError('options.topN', 'must be an integer from 1 to 1000', 'invalid_type');
      }
      const reps = teamModels(scope).rep;
      await scope.assertCan('read', reps);
      const def = typeof kpi === 'string' ? await kpis.get(kpi) : checkKpiDefinition(kpi);
      const calendar = await scope.calendar();
      const bounds = periodBounds(calendar, periodKey);
      const previousKey = previousPeriodKey(calendar, bounds);
      const order = by === 'actual' && def.better === 'lower' ? 'asc' : 'desc';
      const ranking = async (key: string) => {
        const evaluation = await evaluateKpi(scope, options, def, key, opts.scope, true);
        const rows = evaluation.reps.map((row) => ({
          id: row.subjectId,
          value: by === 'actual' ? row.actual : row.attainment,
        }));
        return { evaluation, ranks: competitionRanks(rows, order) };
      };
      const now = await ranking(bounds.key);
      const before = await ranking(previousKey);
      const previous = new Map(before.ranks.map((row) => [row.id, row.rank]));
      const byId = new Map(now.evaluation.reps.map((row) => [row.subjectId, row]));
      const actorId = scope.context.actor.id;
      const all = now.ranks.map((row): LeaderboardRow => {
        const result = byId.get(row.id);
        const previousRank = previous.get(row.id) ?? null;
        return {
          rank: row.rank,
          repId: row.id,
          name: result?.name ?? row.id,
          value: row.value,
          actual: result?.actual ?? null,
          attainment: result?.attainment ?? null,
          band: result?.band ?? null,
          previousRank,
          movement: previousRank === null ? null : previousRank - row.rank,
          isMe: result?.userId === actorId,
        };
      });
      const restricted = topN !== null && (await scope.reach('read', reps)).kind !== 'all';
      return {
        kpi: def.key,
        periodKey: bounds.key,
        previousPeriodKey: previousKey,
        scope: now.evaluation.scope,
        by,
        rows: restricted ? all.filter((row) => row.rank <= topN || row.isMe) : all,
        ranked: all.length,
        restricted,
      };
    },
  };
}

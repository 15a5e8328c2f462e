import {
  CALENDAR_UNITS,
  type CalendarUnit,
  type EventMap,
  isCalendarDate,
  type ModuleScope,
  validationError,
} from '@sellkit/core';
import { periodBounds } from '../quotas/period-keys.js';
import { outcomeTallies, type RateCount, tally } from './outcome-tallies.js';

/** The period recommendations look at: a tenant calendar unit and a local date inside it. */
export interface GapPeriod {
  /** Default `quarter`. */
  unit?: CalendarUnit;
  /** A local date `YYYY-MM-DD` in the period (default: today). */
  date?: string;
}

/** A resolved period: its key (`2026-Q1`) and its half-open instant bounds. */
export interface GapPeriodBounds {
  readonly key: string;
  readonly from: Date;
  readonly to: Date;
}

/** One comparison fact: the rep's figure, the team's, and how they compare. */
export interface Comparison {
  readonly rep: number | null;
  readonly team: number | null;
  /** rep / team × 100, two decimals (null when either is missing or team is 0). */
  readonly ratioPct: number | null;
  /** team − rep, two decimals (percentage points for rates). */
  readonly gapPoints: number | null;
}

/** The facts the skill-gap rules read, for one rep and period. */
export interface GapFacts {
  readonly period: { readonly key: string };
  readonly rep: { readonly id: string; readonly userId: string };
  readonly sample: {
    readonly closedDeals: { readonly rep: number; readonly team: number };
    readonly wonDeals: { readonly rep: number; readonly team: number };
  };
  /** Won / closed deals, in percent. */
  readonly winRate: Comparison;
  /** Average cycle of won deals, in days (a long cycle has ratioPct above 100). */
  readonly cycleDays: Comparison;
  /** Interactions the rep owns in the period; the team's figure is the average per rep. */
  readonly activities: Comparison;
  /** The product (primary product of closed deals) with the rep's largest win-rate gap. */
  readonly weakestProduct?: Comparison & { readonly productId: string; readonly repClosed: number };
  /** Win rate per product the rep closed deals on, by product id. */
  readonly products: Readonly<Record<string, Comparison & { readonly repClosed: number }>>;
  /**
   * The stage the rep converts worst from (exits that were not lost ÷ all exits, in percent),
   * against the team, from the stage history (`stageChange`, when composed).
   */
  readonly weakestStage?: Comparison & { readonly stage: string; readonly repExits: number };
  /** Conversion per stage the rep's deals left in the period, by stage id. */
  readonly stages: Readonly<Record<string, Comparison & { readonly repExits: number }>>;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const pct = (part: number, whole: number) => (whole === 0 ? null : round2((part / whole) * 100));

function compare(rep: number | null, team: number | null): Comparison {
  return {
    rep,
    team,
    ratioPct: rep === null || team === null || team === 0 ? null : round2((rep / team) * 100),
    gapPoints: rep === null || team === null ? null : round2(team - rep),
  };
}

/**
 * Reads a period argument into tenant-local bounds: a period key as quotas and KPIs take it
 * (`2026-Q1`, `FY2026`...), or a unit and a local date inside the period. A bad key, unit or
 * date is `VALIDATION_FAILED`.
 *
 * @example
 * ```ts
 * const calendar = await scope.calendar();
 * const q1 = gapPeriodBounds(calendar, { unit: 'quarter', date: '2026-02-10' });
 * // { key: '2026-Q1', from: local start of 2026-01-01, to: local start of 2026-04-01 }
 * gapPeriodBounds(calendar, '2026-Q1'); // the same period
 * ```
 */
export function gapPeriodBounds(
  calendar: Awaited<ReturnType<ModuleScope['calendar']>>,
  given: GapPeriod | string | undefined,
): GapPeriodBounds {
  if (typeof given === 'string') {
    const bounds = periodBounds(calendar, given, 'period');
    return { key: bounds.key, from: bounds.start, to: bounds.end };
  }
  const period = given ?? {};
  if (typeof period !== 'object' || Array.isArray(period)) {
    throw validationError('period', 'must be an object', 'invalid_type');
  }
  const unit = period.unit ?? 'quarter';
  if (!CALENDAR_UNITS.includes(unit)) {
    throw validationError('period.unit', `must be one of ${CALENDAR_UNITS.join(', ')}`, 'invalid');
  }
  const date = period.date ?? calendar.today();
  if (!isCalendarDate(date)) {
    throw validationError('period.date', 'must be a real date written YYYY-MM-DD', 'invalid_date');
  }
  const from = calendar.startOf(unit, calendar.instantOf(date));
  return { key: calendar.periodKey(unit, date), from, to: calendar.endOf(unit, from) };
}

interface KeyedRate {
  readonly key: string;
  readonly row: Comparison;
  /** The rep's tries (closed deals, exits). */
  readonly count: number;
}

/**
 * The rep's rate per key against the team's, and the key with the largest gap (ties: the
 * smallest key, so results never depend on storage order).
 */
function rates(
  mine: ReadonlyMap<string, RateCount>,
  team: ReadonlyMap<string, RateCount>,
): { rows: Map<string, KeyedRate>; weakest: KeyedRate | undefined } {
  const rows = new Map<string, KeyedRate>();
  let weakest: KeyedRate | undefined;
  for (const key of [...mine.keys()].sort()) {
    const figures = mine.get(key) ?? { n: 0, ok: 0 };
    const all = team.get(key) ?? figures;
    const row = {
      key,
      row: compare(pct(figures.ok, figures.n), pct(all.ok, all.n)),
      count: figures.n,
    };
    rows.set(key, row);
    const gap = row.row.gapPoints;
    if (gap !== null && (weakest === undefined || (weakest.row.gapPoints ?? 0) < gap))
      weakest = row;
  }
  return { rows, weakest };
}

/**
 * Builds the skill-gap facts of several reps for one period, with one aggregate per source
 * model. `teamSize` is the number of active reps the team's average activity is taken over.
 *
 * @example
 * ```ts
 * const calendar = await scope.calendar();
 * const period = gapPeriodBounds(calendar, { unit: 'quarter' });
 * const facts = await skillGapFacts(scope, [{ id: 'rep_1', userId: 'u-17' }], 12, period);
 * console.log(facts.get('rep_1')?.winRate); // { rep: 40, team: 62.5, ratioPct: 64, gapPoints: 22.5 }
 * ```
 */
export async function skillGapFacts<E extends EventMap>(
  scope: ModuleScope<E>,
  reps: readonly { readonly id: string; readonly userId: string }[],
  teamSize: number,
  bounds: GapPeriodBounds,
): Promise<Map<string, GapFacts>> {
  const { owners, team, activities } = await outcomeTallies(scope, bounds);
  let totalActivities = 0;
  for (const count of activities?.values() ?? []) totalActivities += count;
  const teamActivities = activities && teamSize > 0 ? round2(totalActivities / teamSize) : null;
  const teamCycle = team.cycled === 0 ? null : round2(team.cycleSum / team.cycled);
  const facts = new Map<string, GapFacts>();
  for (const rep of reps) {
    const mine = owners.get(rep.userId) ?? tally();
    const products = rates(mine.products, team.products);
    const stages = rates(mine.stages, team.stages);
    facts.set(rep.id, {
      period: { key: bounds.key },
      rep: { id: rep.id, userId: rep.userId },
      sample: {
        closedDeals: { rep: mine.closed, team: team.closed },
        wonDeals: { rep: mine.won, team: team.won },
      },
      winRate: compare(pct(mine.won, mine.closed), pct(team.won, team.closed)),
      cycleDays: compare(mine.cycled === 0 ? null : round2(mine.cycleSum / mine.cycled), teamCycle),
      activities: compare(activities ? (activities.get(rep.userId) ?? 0) : null, teamActivities),
      ...(products.weakest
        ? {
            weakestProduct: {
              ...products.weakest.row,
              productId: products.weakest.key,
              repClosed: products.weakest.count,
            },
          }
        : {}),
      products: Object.fromEntries(
        [...products.rows].map(([key, row]) => [key, { ...row.row, repClosed: row.count }]),
      ),
      ...(stages.weakest
        ? {
            weakestStage: {
              ...stages.weakest.row,
              stage: stages.weakest.key,
              repExits: stages.weakest.count,
            },
          }
        : {}),
      stages: Object.fromEntries(
        [...stages.rows].map(([key, row]) => [key, { ...row.row, repExits: row.count }]),
      ),
    });
  }
  return facts;
}

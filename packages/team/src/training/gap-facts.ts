import {
  type AnyModel,
  CALENDAR_UNITS,
  type CalendarUnit,
  type EventMap,
  isCalendarDate,
  isSellkitError,
  type ModuleScope,
  SellkitError,
  validationError,
} from '@sellkit/core';

/** The period recommendations look at: a tenant calendar unit and a local date inside it. */
export interface GapPeriod {
  /** Default `quarter`. */
  unit?: CalendarUnit;
  /** A local date `YYYY-MM-DD` in the period (default: today). */
  date?: string;
}

/** A resolved period: its key (`2026-Q1`) and its half-open instant bounds. */
export interface PeriodBounds {
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
 * Reads a period argument into tenant-local bounds. A bad unit or date is `VALIDATION_FAILED`.
 *
 * @example
 * ```ts
 * const calendar = await scope.calendar();
 * const q1 = periodBounds(calendar, { unit: 'quarter', date: '2026-02-10' });
 * // { key: '2026-Q1', from: local start of 2026-01-01, to: local start of 2026-04-01 }
 * ```
 */
export function periodBounds(
  calendar: Awaited<ReturnType<ModuleScope['calendar']>>,
  given: GapPeriod | undefined,
): PeriodBounds {
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

/** A model another module owns, by name, or null when it is not composed. */
function composedModel<E extends EventMap>(scope: ModuleScope<E>, name: string): AnyModel | null {
  try {
    return scope.model(name);
  } catch (error) {
    if (isSellkitError(error, 'CONFIGURATION_INVALID')) return null;
    throw error;
  }
}

interface Tally {
  closed: number;
  won: number;
  cycleSum: number;
  cycled: number;
  readonly products: Map<string, { closed: number; won: number }>;
}

const tally = (): Tally => ({ closed: 0, won: 0, cycleSum: 0, cycled: 0, products: new Map() });

/**
 * Outcome figures of every owner in a period, by storage aggregates (never loading deals):
 * closed and won deals, cycle days of won deals and per primary product from `opportunity`,
 * interactions from `interaction` (when composed). Figures are tenant-wide, whoever asks: they
 * are the baseline a rep is compared with.
 */
async function outcomeTallies<E extends EventMap>(scope: ModuleScope<E>, bounds: PeriodBounds) {
  const opportunity = composedModel(scope, 'opportunity');
  if (!opportunity) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'course recommendations need the opportunity model (compose the pipeline module)',
      { model: 'opportunity' },
    );
  }
  const interaction = composedModel(scope, 'interaction');
  const closedAt = { gte: bounds.from, lt: bounds.to };
  // internal: the team baseline spans every rep's deals, beyond the actor's reach
  const groups = await scope.internal(opportunity).aggregate({
    where: { status: { in: ['won', 'lost'] }, closedAt, ownerId: { ne: null } },
    groupBy: ['ownerId', 'status', 'primaryProductId'],
    measures: {
      deals: { fn: 'count' },
      cycleSum: { fn: 'sum', field: 'cycleDays' },
      cycled: { fn: 'count', field: 'cycleDays' },
    },
  });
  const owners = new Map<string, Tally>();
  const team = tally();
  for (const group of groups) {
    const owner = String(group.ownerId);
    const mine = owners.get(owner) ?? tally();
    owners.set(owner, mine);
    const deals = Number(group.deals);
    const won = group.status === 'won' ? deals : 0;
    for (const into of [mine, team]) {
      into.closed += deals;
      into.won += won;
      if (won > 0) {
        into.cycleSum += Number(group.cycleSum ?? 0);
        into.cycled += Number(group.cycled ?? 0);
      }
      if (typeof group.primaryProductId === 'string') {
        const product = into.products.get(group.primaryProductId) ?? { closed: 0, won: 0 };
        product.closed += deals;
        product.won += won;
        into.products.set(group.primaryProductId, product);
      }
    }
  }
  const activities = new Map<string, number>();
  if (interaction) {
    // internal: the team baseline counts every rep's interactions, beyond the actor's reach
    const rows = await scope.internal(interaction).aggregate({
      where: { occurredAt: closedAt, ownerId: { ne: null } },
      groupBy: ['ownerId'],
      measures: { count: { fn: 'count' } },
    });
    for (const row of rows) activities.set(String(row.ownerId), Number(row.count));
  }
  return { owners, team, activities: interaction ? activities : null };
}

/**
 * Builds the skill-gap facts of several reps for one period, with one aggregate per source
 * model. `teamSize` is the number of active reps the team's average activity is taken over.
 *
 * @example
 * ```ts
 * const calendar = await scope.calendar();
 * const period = periodBounds(calendar, { unit: 'quarter' });
 * const facts = await skillGapFacts(scope, [{ id: 'rep_1', userId: 'u-17' }], 12, period);
 * console.log(facts.get('rep_1')?.winRate); // { rep: 40, team: 62.5, ratioPct: 64, gapPoints: 22.5 }
 * ```
 */
export async function skillGapFacts<E extends EventMap>(
  scope: ModuleScope<E>,
  reps: readonly { readonly id: string; readonly userId: string }[],
  teamSize: number,
  bounds: PeriodBounds,
): Promise<Map<string, GapFacts>> {
  const { owners, team, activities } = await outcomeTallies(scope, bounds);
  let totalActivities = 0;
  for (const count of activities?.values() ?? []) totalActivities += count;
  const teamActivities = activities && teamSize > 0 ? round2(totalActivities / teamSize) : null;
  const teamCycle = team.cycled === 0 ? null : round2(team.cycleSum / team.cycled);
  const facts = new Map<string, GapFacts>();
  for (const rep of reps) {
    const mine = owners.get(rep.userId) ?? tally();
    const products: Record<string, Comparison & { repClosed: number }> = {};
    let weakest: (Comparison & { productId: string; repClosed: number }) | undefined;
    for (const [productId, figures] of mine.products) {
      const all = team.products.get(productId) ?? figures;
      const row = {
        ...compare(pct(figures.won, figures.closed), pct(all.won, all.closed)),
        repClosed: figures.closed,
      };
      products[productId] = row;
      if (
        row.gapPoints !== null &&
        (weakest === undefined ||
          (weakest.gapPoints ?? 0) < row.gapPoints ||
          ((weakest.gapPoints ?? 0) === row.gapPoints && productId < weakest.productId))
      ) {
        weakest = { ...row, productId };
      }
    }
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
      ...(weakest ? { weakestProduct: weakest } : {}),
      products,
    });
  }
  return facts;
}

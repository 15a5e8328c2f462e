import {
  type AnyModel,
  type EventMap,
  isSellkitError,
  type ModuleScope,
  SellkitError,
} from '@sellkit/core';

/** Counts behind a rate: `n` tries (closed deals, exits from a stage) and `ok` successes. */
export interface RateCount {
  n: number;
  ok: number;
}

/** The outcome counts of one owner, or of the whole team. */
export interface Tally {
  closed: number;
  won: number;
  cycleSum: number;
  cycled: number;
  /** Closed (n) and won (ok) deals per primary product. */
  readonly products: Map<string, RateCount>;
  /** Exits from a stage (n) and those not lost (ok), per stage left. */
  readonly stages: Map<string, RateCount>;
}

/** An empty tally. */
export const tally = (): Tally => ({
  closed: 0,
  won: 0,
  cycleSum: 0,
  cycled: 0,
  products: new Map(),
  stages: new Map(),
});

function addRate(into: Map<string, RateCount>, key: string, n: number, ok: number): void {
  const rate = into.get(key) ?? { n: 0, ok: 0 };
  rate.n += n;
  rate.ok += ok;
  into.set(key, rate);
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

/** The tallies of every owner and of the team, and interactions per owner (null: no model). */
export interface OutcomeTallies {
  readonly owners: Map<string, Tally>;
  readonly team: Tally;
  readonly activities: Map<string, number> | null;
}

/**
 * Outcome counts of every owner in a period, by storage aggregates (never loading deals):
 * closed and won deals, cycle days of won deals and per primary product from `opportunity`;
 * exits from each stage and losses from `stageChange` (when composed); interactions from
 * `interaction` (when composed). Counts are tenant-wide, whoever asks: they are the baseline
 * a rep is compared with.
 *
 * @example
 * ```ts
 * const march = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') };
 * const { owners, team } = await outcomeTallies(scope, march);
 * console.log(owners.get('u-17')?.won, team.won);
 * ```
 */
export async function outcomeTallies<E extends EventMap>(
  scope: ModuleScope<E>,
  bounds: { readonly from: Date; readonly to: Date },
): Promise<OutcomeTallies> {
  const opportunity = composedModel(scope, 'opportunity');
  if (!opportunity) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'course recommendations need the opportunity model (compose the pipeline module)',
      { model: 'opportunity' },
    );
  }
  const within = { gte: bounds.from, lt: bounds.to };
  // internal: the team baseline spans every rep's deals, beyond the actor's reach
  const groups = await scope.internal(opportunity).aggregate({
    where: { status: { in: ['won', 'lost'] }, closedAt: within, ownerId: { ne: null } },
    groupBy: ['ownerId', 'status', 'primaryProductId'],
    measures: {
      deals: { fn: 'count' },
      cycleSum: { fn: 'sum', field: 'cycleDays' },
      cycled: { fn: 'count', field: 'cycleDays' },
    },
  });
  const owners = new Map<string, Tally>();
  const team = tally();
  const ownerTally = (owner: string) => {
    const found = owners.get(owner) ?? tally();
    owners.set(owner, found);
    return found;
  };
  for (const group of groups) {
    const deals = Number(group.deals);
    const won = group.status === 'won' ? deals : 0;
    for (const into of [ownerTally(String(group.ownerId)), team]) {
      into.closed += deals;
      into.won += won;
      if (won > 0) {
        into.cycleSum += Number(group.cycleSum ?? 0);
        into.cycled += Number(group.cycled ?? 0);
      }
      if (typeof group.primaryProductId === 'string') {
        addRate(into.products, group.primaryProductId, deals, won);
      }
    }
  }
  const stageChange = composedModel(scope, 'stageChange');
  if (stageChange) {
    // internal: the team baseline spans every rep's stage history, beyond the actor's reach
    const exits = await scope.internal(stageChange).aggregate({
      where: {
        changedAt: within,
        fromStage: { ne: null },
        reason: { in: ['move', 'won', 'lost'] },
        ownerId: { ne: null },
      },
      groupBy: ['ownerId', 'fromStage', 'reason'],
      measures: { count: { fn: 'count' } },
    });
    for (const row of exits) {
      const count = Number(row.count);
      const kept = row.reason === 'lost' ? 0 : count;
      for (const into of [ownerTally(String(row.ownerId)), team]) {
        addRate(into.stages, String(row.fromStage), count, kept);
      }
    }
  }
  const interaction = composedModel(scope, 'interaction');
  if (!interaction) return { owners, team, activities: null };
  // internal: the team baseline counts every rep's interactions, beyond the actor's reach
  const rows = await scope.internal(interaction).aggregate({
    where: { occurredAt: within, ownerId: { ne: null } },
    groupBy: ['ownerId'],
    measures: { count: { fn: 'count' } },
  });
  const activities = new Map<string, number>();
  for (const row of rows) activities.set(String(row.ownerId), Number(row.count));
  return { owners, team, activities };
}

/** Whose results an evaluation covers: the tenant, one team or one territory (and its children). */
export type KpiScope =
  | { readonly type: 'tenant' }
  | { readonly type: 'team'; readonly id: string }
  | { readonly type: 'territory'; readonly id: string };

/** A KPI's result for one rep, team or territory (or the whole scope). */
export interface KpiResult {
  readonly subjectType: 'rep' | 'team' | 'territory' | 'scope';
  readonly subjectId: string;
  /** The actual: an exact decimal (a ratio is rounded half-even to 4 decimals); null for a ratio over nothing. */
  readonly actual: string | null;
  /** The target (quota in force with ramp, or fixed), null when none. */
  readonly target: string | null;
  /** actual / target in percent (target / actual when lower is better), half-even to 4 decimals. */
  readonly attainment: string | null;
  /** The band the attainment falls in, null without an attainment. */
  readonly band: string | null;
}

/** What {@link KpiService.evaluate} returns. */
export interface KpiEvaluation {
  readonly kpi: string;
  readonly periodKey: string;
  /** First local day and first day after the period. */
  readonly from: string;
  readonly to: string;
  readonly scope: KpiScope;
  /** The currency of a money KPI, null otherwise. */
  readonly currency: string | null;
  /** Currencies of records left out of a money KPI (another currency than the KPI's). */
  readonly excludedCurrencies: readonly string[];
  /** Per rep the actor may read, by rep id. */
  readonly reps: readonly (KpiResult & { readonly name: string; readonly userId: string })[];
  readonly teams: readonly KpiResult[];
  readonly territories: readonly KpiResult[];
  /** The whole scope (records without a known rep included). */
  readonly total: KpiResult;
}

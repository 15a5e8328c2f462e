import type { Opportunity } from '../opportunities/opportunity-model.js';

/** Fields the win model may learn from. */
export const WIN_FEATURES = [
  'source',
  'product',
  'industry',
  'territory',
  'owner',
  'kind',
  'pipeline',
] as const;
/** One feature of the win model. */
export type WinFeature = (typeof WIN_FEATURES)[number];

/** The features learned unless the host chooses others (Odoo's choice, roughly). */
export const DEFAULT_WIN_FEATURES: readonly WinFeature[] = Object.freeze([
  'source',
  'product',
  'industry',
  'territory',
  'owner',
]);

/** The value stored for a missing feature value (missing is information too). */
export const NONE = '(none)';
/** The feature and value of the totals row. */
export const TOTAL = '*';

type FeatureSource = Pick<
  Opportunity,
  'source' | 'primaryProductId' | 'industry' | 'territoryId' | 'ownerId' | 'kind' | 'pipelineId'
>;

function featureValue(opportunity: Partial<FeatureSource>, feature: WinFeature): string {
  const raw = {
    source: opportunity.source,
    product: opportunity.primaryProductId,
    industry: opportunity.industry,
    territory: opportunity.territoryId,
    owner: opportunity.ownerId,
    kind: opportunity.kind,
    pipeline: opportunity.pipelineId,
  }[feature];
  if (typeof raw !== 'string') return NONE;
  const value = raw.trim().toLowerCase();
  return value.length === 0 ? NONE : value.slice(0, 200);
}

/**
 * The feature values of a deal, e.g. `{ source: 'referral', owner: 'u-7' }`.
 *
 * @example
 * ```ts
 * featureValues({ source: 'Referral', ownerId: 'u-7' }, ['source', 'owner', 'industry']);
 * // { source: 'referral', owner: 'u-7', industry: '(none)' }
 * ```
 */
export function featureValues(
  opportunity: Partial<FeatureSource>,
  features: readonly WinFeature[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const feature of features) values[feature] = featureValue(opportunity, feature);
  return values;
}

/** Won and lost counts. */
export interface OutcomeCounts {
  won: number;
  lost: number;
}

/**
 * What the naive Bayes model knows: totals, counts per feature value, and how many distinct
 * values each feature has shown (for Laplace smoothing).
 */
export interface WinModel {
  readonly features: readonly WinFeature[];
  readonly smoothing: number;
  readonly won: number;
  readonly lost: number;
  /** Keyed by `feature\u0000value`. */
  readonly counts: ReadonlyMap<string, Readonly<OutcomeCounts>>;
  readonly distinct: ReadonlyMap<string, number>;
}

/** The key of one feature value in {@link WinModel.counts}. */
export function countKey(feature: string, value: string): string {
  return `${feature}\u0000${value}`;
}

/**
 * Builds a model from stored counts (`feature`, `value`, `won`, `lost` rows).
 *
 * @example
 * ```ts
 * const model = buildWinModel(
 *   [
 *     { feature: '*', value: '*', won: 40, lost: 60 }, // the totals row
 *     { feature: 'source', value: 'referral', won: 12, lost: 4 },
 *     { feature: 'source', value: 'cold call', won: 3, lost: 30 },
 *   ],
 *   ['source'],
 *   1, // Laplace smoothing
 * );
 * winProbability(model, { source: 'cold call' }); // well below 0.4
 * ```
 */
export function buildWinModel(
  rows: readonly { feature: string; value: string; won: number; lost: number }[],
  features: readonly WinFeature[],
  smoothing: number,
): WinModel {
  const counts = new Map<string, OutcomeCounts>();
  const distinct = new Map<string, number>();
  let won = 0;
  let lost = 0;
  for (const row of rows) {
    if (row.feature === TOTAL) {
      won = row.won;
      lost = row.lost;
      continue;
    }
    if (row.won + row.lost === 0) continue;
    counts.set(countKey(row.feature, row.value), { won: row.won, lost: row.lost });
    distinct.set(row.feature, (distinct.get(row.feature) ?? 0) + 1);
  }
  return Object.freeze({ features, smoothing, won, lost, counts, distinct });
}

/**
 * The probability (0 to 1) that a deal with these feature values is won, by naive Bayes with
 * Laplace smoothing: P(v | won) = (n(v, won) + α) / (n(won) + α·(k + 1)), where k is the
 * number of values the feature has shown (the +1 keeps room for values never seen). Null
 * while the tenant has closed no deal. Worked in log space so many features never underflow.
 *
 * @example
 * ```ts
 * const model = buildWinModel(
 *   [
 *     { feature: '*', value: '*', won: 40, lost: 60 },
 *     { feature: 'source', value: 'referral', won: 12, lost: 4 },
 *   ],
 *   ['source'],
 *   1,
 * );
 * winProbability(model, featureValues({ source: 'Referral' }, ['source'])); // 0.72…
 * ```
 */
export function winProbability(
  model: WinModel,
  values: Readonly<Record<string, string>>,
): number | null {
  const total = model.won + model.lost;
  if (total === 0) return null;
  const alpha = model.smoothing;
  let logit = Math.log(model.won + alpha) - Math.log(model.lost + alpha);
  for (const feature of model.features) {
    const value = values[feature] ?? NONE;
    const seen = model.counts.get(countKey(feature, value));
    const slots = (model.distinct.get(feature) ?? 0) + 1;
    const pWon = ((seen?.won ?? 0) + alpha) / (model.won + alpha * slots);
    const pLost = ((seen?.lost ?? 0) + alpha) / (model.lost + alpha * slots);
    logit += Math.log(pWon) - Math.log(pLost);
  }
  return 1 / (1 + Math.exp(-logit));
}

import { isCurrencyCode, SellkitError, validationError } from '@sellkit/core';

/** What a measure counts: money (a target has a currency), a count, or a plain decimal. */
export type MeasureKind = 'money' | 'count' | 'decimal';

/** A measure quotas can be set on. */
export interface QuotaMeasure {
  readonly id: string;
  readonly kind: MeasureKind;
}

/** The measures every tenant has. */
export const STANDARD_MEASURES: readonly QuotaMeasure[] = Object.freeze([
  { id: 'won-revenue', kind: 'money' },
  { id: 'won-deals', kind: 'count' },
  { id: 'new-customers', kind: 'count' },
  { id: 'interactions', kind: 'count' },
]);

/** Options of quotas and KPIs (`team({ performance })`). */
export interface PerformanceOptions {
  /**
   * The currency money quotas and money KPIs are in (e.g. the commission plans' currency). When
   * set, a money quota in another currency is refused; when not, each quota says its own.
   */
  currency?: string;
  /** More measures quotas can be set on, by id (a plugin's), e.g. `{ 'demo-calls': 'count' }`. */
  measures?: Readonly<Record<string, MeasureKind>>;
  /**
   * Leaderboard privacy: when set, actors who may not read every rep see only the top N of a
   * leaderboard and their own rank.
   */
  leaderboardTopN?: number;
}

/** Performance options after checks. */
export interface ResolvedPerformanceOptions {
  readonly currency: string | null;
  readonly measures: ReadonlyMap<string, QuotaMeasure>;
  readonly leaderboardTopN: number | null;
}

const MEASURE_ID = /^[a-z][a-z0-9-]{0,63}$/;
const KINDS: readonly MeasureKind[] = ['money', 'count', 'decimal'];

/**
 * Checks the performance options once, when the module is built.
 *
 * @example
 * ```ts
 * const resolved = resolvePerformanceOptions({ currency: 'EUR', measures: { 'demo-calls': 'count' } });
 * resolved.measures.get('won-revenue'); // { id: 'won-revenue', kind: 'money' }
 * ```
 */
export function resolvePerformanceOptions(
  options: PerformanceOptions = {},
): ResolvedPerformanceOptions {
  const measures = new Map<string, QuotaMeasure>(STANDARD_MEASURES.map((m) => [m.id, m]));
  for (const [id, kind] of Object.entries(options.measures ?? {})) {
    if (!MEASURE_ID.test(id) || !KINDS.includes(kind) || measures.has(id)) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `team: performance.measures.${id} must be a new lower-case id with kind money, count or decimal`,
      );
    }
    measures.set(id, { id, kind });
  }
  if (options.currency !== undefined && !isCurrencyCode(options.currency)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'team: performance.currency must be an ISO 4217 code',
    );
  }
  const topN = options.leaderboardTopN;
  if (topN !== undefined && (!Number.isInteger(topN) || topN < 1 || topN > 1000)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'team: performance.leaderboardTopN must be an integer from 1 to 1000',
    );
  }
  return { currency: options.currency ?? null, measures, leaderboardTopN: topN ?? null };
}

/** The measure of an id, or `VALIDATION_FAILED` (reason `unknown_measure`) naming `path`. */
export function requireMeasure(
  options: ResolvedPerformanceOptions,
  id: unknown,
  path = 'measure',
): QuotaMeasure {
  const found = typeof id === 'string' ? options.measures.get(id) : undefined;
  if (!found) {
    throw validationError(
      path,
      `must be a known measure: ${[...options.measures.keys()].join(', ')}`,
      'unknown_measure',
    );
  }
  return found;
}

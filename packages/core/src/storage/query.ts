import type { AnyModel, InferRecord } from '../model/define-model.js';

/** Operators a filter may use on one field. */
export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'isNull',
] as const;
/** One of {@link FILTER_OPERATORS}. */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * Conditions on one field. A bare value means `eq`; `null` means `isNull: true`.
 * Several operators in one object must all hold.
 *
 * Null semantics are two-valued and the same on every adapter: a null field never satisfies
 * `eq`, `lt`, `lte`, `gt`, `gte`, `in`, `contains` or `startsWith`, and always satisfies `ne`
 * and `notIn`. `not` is plain negation. `contains` on text is a case-sensitive substring test;
 * on a text list it tests membership.
 */
export type FieldCondition<V> =
  | V
  | null
  | {
      eq?: V;
      ne?: V;
      lt?: V;
      lte?: V;
      gt?: V;
      gte?: V;
      in?: readonly V[];
      notIn?: readonly V[];
      contains?: V extends readonly (infer Item)[] ? Item : string;
      startsWith?: string;
      isNull?: boolean;
    };

/**
 * A filter over a record type: field conditions joined by AND, plus `and`, `or` and `not`
 * nested freely.
 *
 * @example
 * ```ts
 * import type { Company } from '@sellkit/customers';
 * const where: Where<Company> = {
 *   industry: 'manufacturing',
 *   sizeClass: { in: ['large'] },
 *   tags: { contains: 'key account' },
 *   or: [{ employees: { gte: 1000 } }, { annualRevenue: { gte: Money.of('1000000', 'EUR') } }],
 * };
 * ```
 */
export type Where<R = Record<string, unknown>> = {
  [K in keyof R]?: FieldCondition<NonNullable<R[K]>>;
} & {
  and?: readonly Where<R>[];
  or?: readonly Where<R>[];
  not?: Where<R>;
};

/** Sort direction. */
export type SortDirection = 'asc' | 'desc';

/**
 * One sort key. Nulls sort before every value in `asc` and after every value in `desc`
 * on every adapter. Text sorts by code point (binary), not by locale.
 */
export interface SortKey<R = Record<string, unknown>> {
  field: Extract<keyof R, string>;
  direction?: SortDirection;
}

/** A page request: filter, sort, page size and the cursor returned by the previous page. */
export interface FindQuery<R = Record<string, unknown>> {
  where?: Where<R>;
  /** Ties are always broken by `id`, so paging is stable. */
  orderBy?: readonly SortKey<R>[];
  /** Page size; default 100, at most 10,000. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
  /**
   * Only these fields (plus `id` and `version`) are read and returned: a job that pages
   * through many records for a few fields reads less and converts less.
   */
  select?: readonly (keyof R & string)[];
}

/** What a find returns for a query: whole records, or the selected fields when it has `select`. */
export type FindResult<R, Q> = Q extends { readonly select: readonly (infer K extends keyof R)[] }
  ? Selected<R, K>
  : R;

/** The fields a projected find returns: the selected ones, `id` and `version`. */
export type Selected<R, K extends keyof R> = Pick<R, K | Extract<keyof R, 'id' | 'version'>>;

/** A page of records. `nextCursor` is null on the last page. */
export interface Page<R> {
  rows: R[];
  nextCursor: string | null;
}

/** Calendar buckets for grouping by a date or timestamp field (UTC). */
export type TimeBucket = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * A group key: a field, or a date/timestamp field cut into buckets. Bucket labels are
 * `2026-03-05` (day), `2026-03-02` (week: the ISO week's Monday), `2026-03` (month),
 * `2026-Q1` (quarter) and `2026` (year). A money field's currency is grouped as `field.currency`.
 */
export type GroupKey<R = Record<string, unknown>> =
  | Extract<keyof R, string>
  | `${Extract<keyof R, string>}.currency`
  | { field: Extract<keyof R, string>; bucket: TimeBucket; as?: string };

/** Aggregate functions. `count` without a field counts rows. */
export type AggregateFunction = 'sum' | 'count' | 'avg' | 'min' | 'max';

/** One measure of an aggregate. */
export interface Measure<R = Record<string, unknown>> {
  fn: AggregateFunction;
  field?: Extract<keyof R, string>;
}

/**
 * A grouped aggregation, computed by the storage engine.
 *
 * Results are exact: sums of decimals are decimal strings, sums of money are `Money` (a group
 * that mixes currencies is `CURRENCY_MISMATCH`; group by `field.currency` to split it),
 * averages are decimal strings rounded half-even to the field's scale plus 4 digits, counts
 * and integer sums are numbers.
 *
 * @example
 * ```ts
 * import { opportunity } from '@sellkit/pipeline';
 * await storage.aggregate(opportunity, {
 *   where: { status: 'won' },
 *   groupBy: [{ field: 'closedAt', bucket: 'month', as: 'month' }, 'territoryId'],
 *   measures: { revenue: { fn: 'sum', field: 'amount' }, deals: { fn: 'count' } },
 *   orderBy: [{ key: 'month', direction: 'asc' }],
 * });
 * ```
 */
export interface AggregateQuery<R = Record<string, unknown>> {
  where?: Where<R>;
  groupBy?: readonly GroupKey<R>[];
  measures: Readonly<Record<string, Measure<R>>>;
  /** Order by group keys or measure names; default: group keys ascending. */
  orderBy?: readonly { key: string; direction?: SortDirection }[];
  limit?: number;
}

/** One row of an aggregate result: group keys and measures by name. */
export type AggregateRow = Record<string, unknown>;

/** Options of `update` and `delete`. */
export interface WriteOptions {
  /**
   * The version the caller read. When it is not the stored version the write is refused with
   * `CONFLICT` and nothing changes.
   */
  expectedVersion?: number;
}

/** One change of {@link TenantStorage.updateMany}. */
export interface RecordUpdate<P = Record<string, unknown>> {
  readonly id: string;
  readonly patch: P;
  /** The version the caller read; without it the current version is read and used. */
  readonly expectedVersion?: number;
}

/** Options of `updateMany`. */
export interface UpdateManyOptions {
  /**
   * What a stale version or a missing record does: `fail` (default) throws `CONFLICT` or
   * `NOT_FOUND` and writes nothing; `skip` leaves that record alone, writes the others and
   * reports it in `skipped`.
   */
  onStale?: 'fail' | 'skip';
}

/** What `updateMany` wrote. */
export interface UpdateManyResult {
  /** Records written, with their new version, in input order. */
  readonly written: readonly { readonly id: string; readonly version: number }[];
  /** Records left alone (`onStale: 'skip'` only): changed by someone else, or gone. */
  readonly skipped: readonly { readonly id: string; readonly code: 'CONFLICT' | 'NOT_FOUND' }[];
}

/** Record type helper for storage calls on a model. */
export type RecordOf<M extends AnyModel> = InferRecord<M>;

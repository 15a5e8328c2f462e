import type { ColumnType, TableLayout } from './layout.js';
import type { SortDirection, TimeBucket } from './query.js';

/** A row as drivers see it: column name → flat value (see {@link ColumnType}). */
export type FlatRow = Record<string, unknown>;

/** Leaf operators a driver must implement. Negations arrive already pushed down to leaves. */
export type LeafOperator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'notContains'
  | 'startsWith'
  | 'notStartsWith'
  | 'isNull'
  | 'isNotNull';

/**
 * A normalised filter. There is no `not` node: the kernel pushes negation down to the leaves,
 * so drivers never meet SQL's three-valued logic. Semantics a driver must keep:
 * - `eq`, `lt`, `lte`, `gt`, `gte`, `in`, `contains`, `startsWith` are false on null;
 * - `ne`, `notIn`, `notContains`, `notStartsWith` are true on null;
 * - `in` with an empty list is false, `notIn` with an empty list is true;
 * - `contains` on a `text` column is a case-sensitive substring test, on a `textList` column a
 *   membership test; `startsWith` is case-sensitive;
 * - text compares and sorts by code point (binary collation), decimals by value,
 *   timestamps and dates chronologically.
 */
export type FilterNode =
  | { readonly type: 'and'; readonly nodes: readonly FilterNode[] }
  | { readonly type: 'or'; readonly nodes: readonly FilterNode[] }
  | { readonly type: 'const'; readonly value: boolean }
  | {
      readonly type: 'leaf';
      readonly column: string;
      readonly columnType: ColumnType;
      readonly op: LeafOperator;
      /** A flat value, a list of flat values for in/notIn, undefined for isNull/isNotNull. */
      readonly value?: unknown;
    };

/** A sort key on a column. Nulls first in `asc`, last in `desc`. */
export interface DriverSort {
  readonly column: string;
  readonly direction: SortDirection;
}

/** A normalised find: the kernel has already turned cursors into filter conditions. */
export interface DriverFind {
  readonly where: FilterNode;
  /** Always ends with `id`, so the order is total. */
  readonly orderBy: readonly DriverSort[];
  readonly limit: number;
  /**
   * When set, rows need only these columns (a driver may return more). Always includes `id`,
   * `version` and the sort columns.
   */
  readonly columns?: readonly string[];
}

/** One change of `updateMany`: like `update`, without reading the row back. */
export interface DriverUpdate {
  readonly id: string;
  readonly expectedVersion: number;
  /** Changed columns, `version` and `updated_at` included. */
  readonly changes: FlatRow;
}

/** A group key handed to a driver. */
export interface DriverGroupKey {
  /** The name of the key in result rows. */
  readonly alias: string;
  readonly column: string;
  readonly columnType: ColumnType;
  readonly bucket?: TimeBucket;
}

/**
 * A measure handed to a driver. Drivers return:
 * - `count`: a number (rows, or non-null values when `column` is set);
 * - `sum`: a decimal string for decimal columns (exact, any scale), a decimal string for
 *   integer columns, null when no non-null value;
 * - `min`/`max`: a flat value of the column's type, or null.
 * The kernel derives averages from sum and count, so drivers never compute `avg`.
 */
export interface DriverMeasure {
  readonly alias: string;
  readonly fn: 'sum' | 'count' | 'min' | 'max';
  readonly column?: string;
  readonly columnType?: ColumnType;
}

/** A normalised aggregate. */
export interface DriverAggregate {
  readonly where: FilterNode;
  readonly groupBy: readonly DriverGroupKey[];
  readonly measures: readonly DriverMeasure[];
  /** Keys are group aliases or measure aliases. */
  readonly orderBy: readonly { readonly alias: string; readonly direction: SortDirection }[];
  readonly limit?: number;
}

/**
 * The operations of a driver, bound to the root connection or to a transaction. Every call
 * names its tenant; a driver must never return or touch rows of another tenant.
 *
 * Errors: a driver throws `SellkitError('CONFLICT')` for a unique-constraint violation, and
 * `SellkitError('STORAGE_FAILURE')` (with `cause`) for anything else that went wrong below it.
 */
export interface DriverSession {
  /** Inserts rows (all or none). Rows carry every column, system columns included. */
  insert(tenantId: string, table: TableLayout, rows: readonly FlatRow[]): Promise<void>;
  get(tenantId: string, table: TableLayout, id: string): Promise<FlatRow | null>;
  getMany(tenantId: string, table: TableLayout, ids: readonly string[]): Promise<FlatRow[]>;
  find(tenantId: string, table: TableLayout, query: DriverFind): Promise<FlatRow[]>;
  count(tenantId: string, table: TableLayout, where: FilterNode): Promise<number>;
  /**
   * Sets `changes` (which include `version` and `updated_at`) on the row when its version is
   * `expectedVersion`. Returns the updated row, or null when the row does not exist or its
   * version differs (the kernel tells those apart).
   */
  update(
    tenantId: string,
    table: TableLayout,
    id: string,
    expectedVersion: number,
    changes: FlatRow,
  ): Promise<FlatRow | null>;
  /**
   * Optional, for speed: applies several updates (distinct ids) and returns, in order, whether
   * each was written (false: missing row or other version). The kernel calls it inside a
   * transaction; drivers without it get one `update` per change.
   */
  updateMany?(
    tenantId: string,
    table: TableLayout,
    updates: readonly DriverUpdate[],
  ): Promise<boolean[]>;
  /** Deletes when the version matches; false when the row is missing or its version differs. */
  delete(
    tenantId: string,
    table: TableLayout,
    id: string,
    expectedVersion: number,
  ): Promise<boolean>;
  aggregate(tenantId: string, table: TableLayout, query: DriverAggregate): Promise<FlatRow[]>;
  /**
   * The next value of a gapless named sequence (1, 2, 3...). Inside a transaction the value is
   * given back when the transaction rolls back; concurrent callers never get the same value.
   */
  nextSequenceValue(tenantId: string, name: string): Promise<number>;
  /**
   * Runs `work` in a transaction (a savepoint when already inside one): commits when it
   * resolves, rolls back and rethrows when it throws.
   */
  transaction<T>(work: (session: DriverSession) => Promise<T>): Promise<T>;
  /** True inside a transaction. */
  readonly inTransaction: boolean;
  /**
   * Optional. The kernel calls it on a session outside its own transactions, to deliver events
   * after a commit. A driver whose session can be bound to a transaction that someone else
   * controls (a host application's) queues `callback` until that transaction commits and drops
   * it on rollback; a driver without the method gets `callback` run at once.
   */
  afterCommit?(callback: () => void): void;
}

/** What `setup` reports. */
export interface SetupReport {
  /** SQL or other statements applied (or, on a dry run, that would be applied). */
  statements: string[];
}

/**
 * The interface a storage adapter author implements. The kernel wraps it
 * (`createStorage(driver)`) with validation, value conversion, cursors and error mapping, and
 * the conformance suite in `@sellkit/core/testing` checks it.
 */
export interface StorageDriver extends DriverSession {
  /** A short name for logs and test titles: `memory`, `sqlite`, `postgres`, `pglite`. */
  readonly name: string;
  /**
   * Makes the tables exist for these layouts (create tables, add columns and indexes).
   * Idempotent. Destructive differences are `CONFIGURATION_INVALID`, never applied.
   */
  setup(tables: readonly TableLayout[], options?: { dryRun?: boolean }): Promise<SetupReport>;
  close(): Promise<void>;
}

import type { ColumnLayout, SortDirection, TimeBucket } from '@sellkit/core/driver';
import type { RawBuilder } from 'kysely';

/** A fragment of SQL built with Kysely's `sql` tag (values inside become parameters). */
export type Sql = RawBuilder<unknown>;

/** The SQL dialects the driver speaks. PGlite speaks `postgres`. */
export type DialectName = 'sqlite' | 'postgres';

/** An exact SUM: the expressions to select, and how their values add up to a decimal string. */
export interface SumPlan {
  readonly parts: readonly Sql[];
  combine(values: readonly unknown[]): string | null;
  /** An expression ORDER BY can use, or null when only JavaScript can order by this sum. */
  readonly order: Sql | null;
}

/** How one introspected column looked, in the dialect's own words. */
export interface ExistingColumn {
  readonly name: string;
  /** Declared type as the database reports it (normalised by the dialect). */
  readonly type: string;
  readonly nullable: boolean;
  /** The column's comment, where Sellkit notes what the declared type cannot tell apart. */
  readonly note?: string | null;
}

/** How a column of a layout compares with what the database holds. */
export type ColumnVerdict =
  | { readonly kind: 'same' }
  | { readonly kind: 'alter'; readonly reason: string }
  | { readonly kind: 'incompatible'; readonly reason: string };

/**
 * Everything that differs between SQLite and PostgreSQL, kept small so the session, the query
 * builders and the migrations are written once. Values cross the boundary in a transport form:
 * `encoder` turns a flat value into a parameter, `decoder` turns what `readColumn` selected back
 * into a flat value.
 */
export interface SqlDialect {
  readonly name: DialectName;
  /**
   * A note kept as the column's comment when the declared type alone cannot tell two Sellkit
   * types apart (PostgreSQL stores `json` and `textList` both as JSONB); undefined otherwise.
   */
  columnNote?(column: ColumnLayout): string | undefined;
  /** The statement that opens a root transaction (`BEGIN IMMEDIATE` on SQLite). */
  readonly beginSql: string;
  /** Bound parameters one statement may carry (inserts are chunked below it). */
  readonly maxParameters: number;
  /** True when decimals are stored as scaled integers (SQLite): filters rewrite comparisons. */
  readonly scaledDecimals: boolean;
  /** The column type used in CREATE TABLE / ADD COLUMN. */
  columnType(column: ColumnLayout): string;
  /** The type of the `tenant_id` column. */
  readonly tenantType: string;
  /** A SQL literal used to fill a new required column on rows that already exist. */
  fillValue(column: ColumnLayout): string;
  /** Compares a layout column with an existing one (type only; nullability is generic). */
  compareType(column: ColumnLayout, existing: ExistingColumn): ColumnVerdict;
  /** Statements that change an existing column's type in place (only for `alter` verdicts). */
  alterType(table: Sql, column: ColumnLayout): Sql[];
  /** Statements that drop NOT NULL, or null when the table must be rebuilt instead. */
  dropNotNull(table: Sql, column: ColumnLayout): Sql | null;
  /** The expression that reads `expr` (a column or an aggregate of it) in transport form. */
  readColumn(expr: Sql, column: ColumnLayout): Sql;
  /**
   * The exact sum of an integer or decimal column. `safe` asks for a form that cannot overflow
   * (used again after a first attempt did).
   */
  sum(expr: Sql, column: ColumnLayout, safe: boolean): SumPlan;
  /** True when the error says an integer computation overflowed (worth a `safe` retry). */
  isOverflow(error: unknown): boolean;
  /** Flat value → bound parameter, for one column (null and undefined become null). */
  encoder(column: ColumnLayout): (value: unknown) => unknown;
  /** Transport form → flat value, for one column. */
  decoder(column: ColumnLayout): (value: unknown) => unknown;
  /** `ne`: true when the column differs from the value or is null. */
  distinctFrom(expr: Sql, value: unknown): Sql;
  /** Case-sensitive literal substring test (no LIKE wildcards). */
  textContains(expr: Sql, value: string): Sql;
  /** Case-sensitive literal prefix test. */
  textStartsWith(expr: Sql, value: string): Sql;
  /** Membership in a JSON array of strings. */
  listContains(expr: Sql, value: string): Sql;
  /** ORDER BY suffix so nulls come first ascending and last descending. */
  nullsOrder(direction: SortDirection): Sql;
  /** A UTC calendar bucket label of a date or timestamp expression. */
  bucket(expr: Sql, type: 'date' | 'timestamp', bucket: TimeBucket): Sql;
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
}

import type { ColumnLayout, TableLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialects/dialect.js';
import type { AnyKysely } from '../driver/executor.js';

/** The tenant column every Sellkit table starts with. */
export const TENANT_COLUMN = 'tenant_id';

/**
 * What the driver precomputes once per table: quoted names, the select list with its decoders,
 * and the SQL text of statements it runs again and again (get, insert of n rows, update of a
 * set of columns...), so hot paths never rebuild or recompile a query.
 */
export interface TablePlan {
  readonly layout: TableLayout;
  /** The (schema-qualified) table. */
  readonly table: Sql;
  readonly columns: readonly ColumnLayout[];
  readonly byName: ReadonlyMap<string, ColumnLayout>;
  /** `"id", CAST("amount" AS TEXT) AS "amount", ...` */
  readonly selectList: Sql;
  /** Columns that belong to a unique index (besides the primary key). */
  readonly uniqueColumns: ReadonlySet<string>;
  /** Turns a database row into a flat row, in place (rows are fresh objects per query). */
  decode(row: Record<string, unknown>): Record<string, unknown>;
  /** Flat value → parameter, per column (same order as `columns`). */
  readonly encoders: readonly ((value: unknown) => unknown)[];
  /** The encoder of a column by name. */
  encoderOf(name: string): ((value: unknown) => unknown) | undefined;
  /** Compiled SQL text by statement key, built on first use. */
  text(key: string, build: () => Sql): string;
  /** The select list and decoder of some columns only (a projected find), cached. */
  subset(columns: readonly string[]): ColumnSubset;
}

/** A select list over some of a table's columns, with its decoder. */
export interface ColumnSubset {
  readonly key: string;
  readonly selectList: Sql;
  decode(row: Record<string, unknown>): Record<string, unknown>;
}

const TEXT_CACHE_LIMIT = 200;

/** Builds the plan of one table. */
export function createTablePlan(
  layout: TableLayout,
  dialect: SqlDialect,
  compiler: AnyKysely,
  schema: string | undefined,
): TablePlan {
  const table = schema === undefined ? sql.id(layout.table) : sql.id(schema, layout.table);
  const columns = layout.columns;
  const byName = new Map(columns.map((column) => [column.name, column]));
  const selectOf = (list: readonly ColumnLayout[]) =>
    sql.join(
      list.map((column) => {
        const ref = sql.id(column.name);
        const read = dialect.readColumn(ref, column);
        return read === ref ? ref : sql`${read} AS ${ref}`;
      }),
    );
  const selectList = selectOf(columns);
  const names = columns.map((column) => column.name);
  const decoders = columns.map((column) => dialect.decoder(column));
  const encoders = columns.map((column) => dialect.encoder(column));
  const encoderByName = new Map(columns.map((column, index) => [column.name, encoders[index]]));
  const count = columns.length;
  const uniqueColumns = new Set(
    layout.indexes.filter((index) => index.unique).flatMap((index) => index.columns),
  );
  const texts = new Map<string, string>();
  const subsets = new Map<string, ColumnSubset>();
  const decoderOf = new Map(columns.map((column, index) => [column.name, decoders[index]]));
  const makeSubset = (wanted: readonly string[]): ColumnSubset => {
    const list = columns.filter((column) => wanted.includes(column.name));
    const listNames = list.map((column) => column.name);
    const listDecoders = listNames.map(
      (name) => decoderOf.get(name) as (value: unknown) => unknown,
    );
    return {
      key: listNames.join(','),
      selectList: selectOf(list),
      decode(row) {
        // In place: the row is the driver's fresh object, and one object less per row counts
        // when a job reads 100,000 of them.
        for (let i = 0; i < listNames.length; i++) {
          const name = listNames[i] as string;
          row[name] = (listDecoders[i] as (value: unknown) => unknown)(row[name]);
        }
        return row;
      },
    };
  };
  return {
    layout,
    table,
    columns,
    byName,
    selectList,
    uniqueColumns,
    encoders,
    encoderOf: (name) => encoderByName.get(name),
    decode(row) {
      for (let i = 0; i < count; i++) {
        const name = names[i] as string;
        row[name] = (decoders[i] as (value: unknown) => unknown)(row[name]);
      }
      return row;
    },
    subset(wanted) {
      const key = [...wanted].sort().join(',');
      let subset = subsets.get(key);
      if (subset === undefined) {
        subset = makeSubset(wanted);
        // Projections are written in code, so there are few; keep the map bounded anyway.
        if (subsets.size >= TEXT_CACHE_LIMIT) subsets.clear();
        subsets.set(key, subset);
      }
      return subset;
    },
    text(key, build) {
      let text = texts.get(key);
      if (text === undefined) {
        text = build().compile(compiler).sql;
        // Keys with a row or id count are bounded by chunk sizes, but keep the map small anyway.
        if (texts.size >= TEXT_CACHE_LIMIT) {
          const oldest = texts.keys().next().value;
          if (oldest !== undefined) texts.delete(oldest);
        }
        texts.set(key, text);
      }
      return text;
    },
  };
}

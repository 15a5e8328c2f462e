import { sql } from 'kysely';
import type { ExistingColumn, Sql, SqlDialect } from '../dialects/dialect.js';
import type { AnyKysely, DbRow, SqlExecutor } from '../driver/executor.js';

/** An index as the database reports it. */
export interface ExistingIndex {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  /** Backs the primary key or a constraint: never touched by migrations. */
  readonly constraint: boolean;
}

/** One existing table. */
export interface ExistingTable {
  readonly columns: readonly ExistingColumn[];
  readonly indexes: readonly ExistingIndex[];
}

/** What introspection needs to run queries. */
export interface IntrospectionContext {
  readonly dialect: SqlDialect;
  readonly schema: string | undefined;
  readonly compiler: AnyKysely;
}

async function query(
  context: IntrospectionContext,
  executor: SqlExecutor,
  statement: Sql,
): Promise<DbRow[]> {
  const compiled = statement.compile(context.compiler);
  const result = await executor.execute(compiled.sql, compiled.parameters);
  return result.rows;
}

/** Reads the named tables (those that exist) with their columns and indexes. */
export async function introspect(
  context: IntrospectionContext,
  executor: SqlExecutor,
  tables: readonly string[],
): Promise<Map<string, ExistingTable>> {
  if (tables.length === 0) return new Map();
  return context.dialect.name === 'sqlite'
    ? introspectSqlite(context, executor, tables)
    : introspectPostgres(context, executor, tables);
}

async function introspectSqlite(
  context: IntrospectionContext,
  executor: SqlExecutor,
  tables: readonly string[],
): Promise<Map<string, ExistingTable>> {
  const found = await query(
    context,
    executor,
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${sql.join(tables)})`,
  );
  const out = new Map<string, ExistingTable>();
  for (const { name } of found) {
    const table = String(name);
    const columns = await query(
      context,
      executor,
      sql`SELECT name, type, "notnull" AS not_null FROM pragma_table_info(${table})`,
    );
    const indexList = await query(
      context,
      executor,
      sql`SELECT name, "unique" AS is_unique, origin FROM pragma_index_list(${table})`,
    );
    const indexes: ExistingIndex[] = [];
    for (const index of indexList) {
      const parts = await query(
        context,
        executor,
        sql`SELECT name FROM pragma_index_info(${String(index.name)}) ORDER BY seqno`,
      );
      indexes.push({
        name: String(index.name),
        columns: parts.map((part) => String(part.name)),
        unique: Number(index.is_unique) === 1,
        constraint: index.origin !== 'c',
      });
    }
    out.set(table, {
      columns: columns.map((column) => ({
        name: String(column.name),
        type: String(column.type),
        nullable: Number(column.not_null) === 0,
      })),
      indexes,
    });
  }
  return out;
}

function postgresType(row: DbRow): string {
  const type = String(row.data_type);
  switch (type) {
    case 'text':
      return row.collation_name === 'C' ? 'TEXT COLLATE "C"' : 'TEXT';
    case 'numeric':
      return row.numeric_precision === null
        ? 'NUMERIC'
        : `NUMERIC(${Number(row.numeric_precision)},${Number(row.numeric_scale)})`;
    case 'timestamp with time zone':
      return 'TIMESTAMPTZ';
    default:
      return type.toUpperCase();
  }
}

async function introspectPostgres(
  context: IntrospectionContext,
  executor: SqlExecutor,
  tables: readonly string[],
): Promise<Map<string, ExistingTable>> {
  const schema = context.schema === undefined ? sql`current_schema()` : sql`${context.schema}`;
  const columns = await query(
    context,
    executor,
    sql`SELECT table_name, column_name, data_type, is_nullable, numeric_precision, numeric_scale, collation_name,
          col_description(format('%I.%I', table_schema, table_name)::regclass, ordinal_position::int) AS note
        FROM information_schema.columns
        WHERE table_schema = ${schema} AND table_name IN (${sql.join(tables)})
        ORDER BY table_name, ordinal_position`,
  );
  const indexes = await query(
    context,
    executor,
    sql`SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique,
          (ix.indisprimary OR EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)) AS is_constraint,
          (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
             FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = ${schema} AND t.relname IN (${sql.join(tables)})`,
  );
  const out = new Map<string, { columns: ExistingColumn[]; indexes: ExistingIndex[] }>();
  for (const row of columns) {
    const table = String(row.table_name);
    let entry = out.get(table);
    if (!entry) {
      entry = { columns: [], indexes: [] };
      out.set(table, entry);
    }
    entry.columns.push({
      name: String(row.column_name),
      type: postgresType(row),
      nullable: row.is_nullable === 'YES',
      note: row.note === null || row.note === undefined ? null : String(row.note),
    });
  }
  for (const row of indexes) {
    const entry = out.get(String(row.table_name));
    entry?.indexes.push({
      name: String(row.index_name),
      columns: row.columns === null ? [] : String(row.columns).split(','),
      unique: row.is_unique === true,
      constraint: row.is_constraint === true,
    });
  }
  return out;
}

/** True when the Postgres schema exists (always true without a schema option). */
export async function schemaExists(
  context: IntrospectionContext,
  executor: SqlExecutor,
): Promise<boolean> {
  if (context.dialect.name !== 'postgres' || context.schema === undefined) return true;
  const rows = await query(
    context,
    executor,
    sql`SELECT 1 AS found FROM pg_namespace WHERE nspname = ${context.schema}`,
  );
  return rows.length > 0;
}

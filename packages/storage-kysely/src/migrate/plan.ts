import type { ColumnLayout, IndexLayout, TableLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialects/dialect.js';
import { TENANT_COLUMN } from '../sql/table-plan.js';
import type { ExistingIndex, ExistingTable } from './introspect.js';
import { indexColumns, indexName } from './names.js';

/** The statements a setup would run, and the differences it refuses to touch. */
export interface MigrationPlan {
  readonly statements: Sql[];
  /** Destructive differences, one line each: any of them blocks the whole setup. */
  readonly problems: string[];
}

/** What planning needs to know about the database. */
export interface PlanContext {
  readonly dialect: SqlDialect;
  qualify(table: string): Sql;
}

function columnDefinition(dialect: SqlDialect, column: ColumnLayout, withFill: boolean): Sql {
  const type = sql.raw(dialect.columnType(column));
  if (column.nullable) return sql`${sql.id(column.name)} ${type}`;
  // A required column added to a table that may hold rows needs a value for them.
  return withFill
    ? sql`${sql.id(column.name)} ${type} NOT NULL DEFAULT ${sql.raw(dialect.fillValue(column))}`
    : sql`${sql.id(column.name)} ${type} NOT NULL`;
}

function createTable(context: PlanContext, layout: TableLayout, name: string): Sql {
  const { dialect } = context;
  const definitions = [
    sql`${sql.id(TENANT_COLUMN)} ${sql.raw(dialect.tenantType)} NOT NULL`,
    ...layout.columns.map((column) => columnDefinition(dialect, column, false)),
    sql`PRIMARY KEY (${sql.id(TENANT_COLUMN)}, ${sql.id('id')})`,
  ];
  return sql`CREATE TABLE ${context.qualify(name)} (${sql.join(definitions)})`;
}

/** `COMMENT ON COLUMN` for a column whose dialect keeps a note, or nothing. */
function noteColumn(context: PlanContext, table: string, column: ColumnLayout): Sql[] {
  const note = context.dialect.columnNote?.(column);
  if (note === undefined) return [];
  // Utility statements take no parameters; the note is one of the dialect's constants.
  return [
    sql`COMMENT ON COLUMN ${context.qualify(table)}.${sql.id(column.name)} IS ${sql.lit(note)}`,
  ];
}

function createIndex(context: PlanContext, layout: TableLayout, index: IndexLayout): Sql {
  const unique = index.unique ? sql`UNIQUE ` : sql``;
  const columns = sql.join(indexColumns(index).map((column) => sql.id(column)));
  return sql`CREATE ${unique}INDEX ${sql.id(indexName(index))} ON ${context.qualify(layout.table)} (${columns})`;
}

function dropIndex(context: PlanContext, name: string): Sql {
  return sql`DROP INDEX ${context.qualify(name)}`;
}

function sameIndex(existing: ExistingIndex, index: IndexLayout): boolean {
  const want = indexColumns(index);
  return (
    existing.unique === index.unique &&
    existing.columns.length === want.length &&
    existing.columns.every((column, at) => column === want[at])
  );
}

/**
 * Compares the layouts with the tables found and plans what to run: create missing tables, add
 * missing columns and indexes, widen types and drop NOT NULL where that is safe. A changed
 * type, a column that became required, or a column the model no longer has is reported as a
 * problem and nothing at all is planned to run for it.
 */
export function planMigration(
  context: PlanContext,
  layouts: readonly TableLayout[],
  existing: ReadonlyMap<string, ExistingTable>,
): MigrationPlan {
  const statements: Sql[] = [];
  const problems: string[] = [];
  const { dialect } = context;
  for (const layout of layouts) {
    const found = existing.get(layout.table);
    if (!found) {
      statements.push(createTable(context, layout, layout.table));
      for (const column of layout.columns)
        statements.push(...noteColumn(context, layout.table, column));
      for (const index of layout.indexes) statements.push(createIndex(context, layout, index));
      continue;
    }
    const have = new Map(found.columns.map((column) => [column.name, column]));
    const want = new Set(layout.columns.map((column) => column.name));
    if (!have.has(TENANT_COLUMN)) problems.push(`${layout.table}: has no ${TENANT_COLUMN} column`);
    for (const column of found.columns) {
      if (column.name !== TENANT_COLUMN && !want.has(column.name)) {
        problems.push(
          `${layout.table}.${column.name}: column exists but is not in the model (dropped)`,
        );
      }
    }
    const tableStatements: Sql[] = [];
    let rebuild = false;
    for (const column of layout.columns) {
      const current = have.get(column.name);
      if (!current) {
        tableStatements.push(
          sql`ALTER TABLE ${context.qualify(layout.table)} ADD COLUMN ${columnDefinition(dialect, column, true)}`,
          ...noteColumn(context, layout.table, column),
        );
        continue;
      }
      const note = dialect.columnNote?.(column);
      if (note !== undefined && current.note !== note) {
        // Another Sellkit note means another Sellkit type behind the same declared type; no
        // note is a table from before notes existed: it gets one.
        if (current.note?.startsWith('sellkit:')) {
          problems.push(
            `${layout.table}.${column.name}: holds ${current.note.slice('sellkit:'.length)} values, the model says ${column.type}`,
          );
          continue;
        }
        tableStatements.push(...noteColumn(context, layout.table, column));
      }
      const verdict = dialect.compareType(column, current);
      if (verdict.kind === 'incompatible') {
        problems.push(`${layout.table}.${column.name}: ${verdict.reason}`);
        continue;
      }
      if (verdict.kind === 'alter') {
        tableStatements.push(...dialect.alterType(context.qualify(layout.table), column));
      }
      if (current.nullable && !column.nullable) {
        problems.push(`${layout.table}.${column.name}: nullable column became required`);
      } else if (!current.nullable && column.nullable) {
        const relax = dialect.dropNotNull(context.qualify(layout.table), column);
        if (relax) tableStatements.push(relax);
        else rebuild = true;
      }
    }
    if (rebuild) {
      statements.push(...rebuildTable(context, layout, found));
      continue;
    }
    statements.push(...tableStatements);
    const indexes = new Map(
      found.indexes.filter((index) => !index.constraint).map((index) => [index.name, index]),
    );
    const wanted = new Set<string>();
    for (const index of layout.indexes) {
      const name = indexName(index);
      wanted.add(name);
      const current = indexes.get(name);
      if (current && sameIndex(current, index)) continue;
      if (current) statements.push(dropIndex(context, name));
      statements.push(createIndex(context, layout, index));
    }
    // Indexes this driver created for fields that no longer ask for one (a stale unique index
    // would keep refusing values).
    for (const name of indexes.keys()) {
      if (
        !wanted.has(name) &&
        name.startsWith(`${layout.table}_`) &&
        /_(idx|key)(_[0-9a-f]{8})?$/.test(name)
      ) {
        statements.push(dropIndex(context, name));
      }
    }
  }
  return { statements, problems };
}

/**
 * SQLite cannot drop NOT NULL in place: the table is rebuilt (create, copy, drop, rename) inside
 * the migration transaction, and its indexes are created again.
 */
function rebuildTable(context: PlanContext, layout: TableLayout, found: ExistingTable): Sql[] {
  const { dialect } = context;
  const temporary = `${layout.table}__sk_rebuild`;
  const present = new Set(found.columns.map((column) => column.name));
  const targets = [sql.id(TENANT_COLUMN), ...layout.columns.map((column) => sql.id(column.name))];
  const sources = [
    sql.id(TENANT_COLUMN),
    ...layout.columns.map((column) =>
      present.has(column.name)
        ? sql.id(column.name)
        : column.nullable
          ? sql`NULL`
          : sql.raw(dialect.fillValue(column)),
    ),
  ];
  return [
    createTable(context, layout, temporary),
    sql`INSERT INTO ${context.qualify(temporary)} (${sql.join(targets)}) SELECT ${sql.join(sources)} FROM ${context.qualify(layout.table)}`,
    sql`DROP TABLE ${context.qualify(layout.table)}`,
    sql`ALTER TABLE ${context.qualify(temporary)} RENAME TO ${sql.id(layout.table)}`,
    ...layout.indexes.map((index) => createIndex(context, layout, index)),
  ];
}

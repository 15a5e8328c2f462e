import { SellkitError } from '@sellkit/core';
import type { SetupReport, TableLayout } from '@sellkit/core/driver';
import { sql } from 'kysely';
import type { Sql, SqlDialect } from '../dialects/dialect.js';
import { storageError } from '../driver/errors.js';
import type { AnyKysely, SqlExecutor } from '../driver/executor.js';
import type { TransactionOpener } from '../driver/session/index.js';
import { TENANT_COLUMN } from '../sql/table-plan.js';
import { introspect, schemaExists } from './introspect.js';
import {
  layoutChecksum,
  MAX_IDENTIFIER_LENGTH,
  MIGRATIONS_TABLE,
  SEQUENCE_TABLE,
} from './names.js';
import { planMigration } from './plan.js';

/** What setup needs from the driver. */
export interface SetupContext {
  readonly dialect: SqlDialect;
  readonly schema: string | undefined;
  readonly compiler: AnyKysely;
  qualify(table: string): Sql;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkLayouts(tables: readonly TableLayout[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  const check = (name: string, what: string) => {
    if (!IDENTIFIER.test(name) || name.length > MAX_IDENTIFIER_LENGTH) {
      problems.push(
        `${what} ${JSON.stringify(name)} is not a snake_case identifier of at most 63 characters`,
      );
    }
  };
  for (const layout of tables) {
    check(layout.table, 'table');
    if (layout.table === MIGRATIONS_TABLE || layout.table === SEQUENCE_TABLE) {
      problems.push(`table ${layout.table} is reserved by the storage driver`);
    }
    if (seen.has(layout.table)) problems.push(`table ${layout.table} appears twice`);
    seen.add(layout.table);
    const names = new Set<string>();
    for (const column of layout.columns) {
      check(column.name, `column ${layout.table}.`);
      if (column.name === TENANT_COLUMN)
        problems.push(`${layout.table}.${TENANT_COLUMN} is reserved`);
      if (names.has(column.name)) problems.push(`${layout.table}.${column.name} appears twice`);
      names.add(column.name);
    }
    if (!names.has('id') || !names.has('version')) {
      problems.push(`${layout.table} lacks the id/version system columns`);
    }
    for (const index of layout.indexes) {
      for (const column of index.columns) {
        if (!names.has(column)) problems.push(`index ${index.name} names unknown column ${column}`);
      }
    }
  }
  if (problems.length > 0) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `invalid table layouts: ${problems.join('; ')}`,
      {
        problems,
      },
    );
  }
}

function internalTables(context: SetupContext, missing: ReadonlySet<string>): Sql[] {
  const postgres = context.dialect.name === 'postgres';
  const out: Sql[] = [];
  const text = sql.raw(context.dialect.tenantType);
  if (missing.has(MIGRATIONS_TABLE)) {
    const id = postgres ? sql`BIGSERIAL PRIMARY KEY` : sql`INTEGER PRIMARY KEY AUTOINCREMENT`;
    out.push(
      sql`CREATE TABLE ${context.qualify(MIGRATIONS_TABLE)} (${sql.id('id')} ${id}, ${sql.id('applied_at')} TEXT NOT NULL, ${sql.id('checksum')} TEXT NOT NULL, ${sql.id('tables')} TEXT NOT NULL, ${sql.id('statements')} TEXT NOT NULL)`,
    );
  }
  if (missing.has(SEQUENCE_TABLE)) {
    const value = postgres ? sql`BIGINT` : sql`INTEGER`;
    out.push(
      sql`CREATE TABLE ${context.qualify(SEQUENCE_TABLE)} (${sql.id(TENANT_COLUMN)} ${text} NOT NULL, ${sql.id('name')} ${text} NOT NULL, ${sql.id('value')} ${value} NOT NULL, PRIMARY KEY (${sql.id(TENANT_COLUMN)}, ${sql.id('name')}))`,
    );
  }
  return out;
}

/**
 * Brings the database in line with the layouts, in one transaction: introspect, plan, refuse
 * destructive differences (`CONFIGURATION_INVALID`, nothing applied), apply, and record what
 * was applied in `sk_migrations`. Concurrent setups queue on a lock (`BEGIN IMMEDIATE` on
 * SQLite, `pg_advisory_xact_lock` on Postgres), so the second one finds nothing left to do.
 */
export async function setupTables(
  context: SetupContext,
  tables: readonly TableLayout[],
  dryRun: boolean,
  open: TransactionOpener,
): Promise<SetupReport> {
  checkLayouts(tables);
  const compile = (statement: Sql) => statement.compile(context.compiler);
  const run = async (executor: SqlExecutor, statement: Sql, operation: string) => {
    const compiled = compile(statement);
    try {
      return await executor.execute(compiled.sql, compiled.parameters);
    } catch (error) {
      throw storageError(error, context.dialect, { operation });
    }
  };
  return open(async (executor) => {
    const statements: Sql[] = [];
    if (context.dialect.name === 'postgres') {
      const key = 'sellkit:migrate:';
      const scope = context.schema === undefined ? sql`current_schema()` : sql`${context.schema}`;
      await run(
        executor,
        sql`SELECT pg_advisory_xact_lock(hashtext(${key} || ${scope}))`,
        'setup lock',
      );
      if (!(await schemaExists(context, executor)) && context.schema !== undefined) {
        statements.push(sql`CREATE SCHEMA ${sql.id(context.schema)}`);
      }
    }
    let existing: Awaited<ReturnType<typeof introspect>>;
    try {
      existing = await introspect(context, executor, [
        MIGRATIONS_TABLE,
        SEQUENCE_TABLE,
        ...tables.map((layout) => layout.table),
      ]);
    } catch (error) {
      throw storageError(error, context.dialect, { operation: 'setup introspection' });
    }
    const missing = new Set(
      [MIGRATIONS_TABLE, SEQUENCE_TABLE].filter((name) => !existing.has(name)),
    );
    statements.push(...internalTables(context, missing));
    const plan = planMigration(context, tables, existing);
    if (plan.problems.length > 0) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `storage setup refused destructive changes: ${plan.problems.join('; ')}`,
        { problems: plan.problems },
      );
    }
    statements.push(...plan.statements);
    const texts = statements.map((statement) => compile(statement).sql);
    if (dryRun || texts.length === 0) return { statements: texts };
    for (const statement of statements) await run(executor, statement, 'setup');
    await run(
      executor,
      sql`INSERT INTO ${context.qualify(MIGRATIONS_TABLE)} (${sql.id('applied_at')}, ${sql.id('checksum')}, ${sql.id('tables')}, ${sql.id('statements')}) VALUES (${new Date().toISOString()}, ${layoutChecksum(tables)}, ${JSON.stringify(tables.map((layout) => layout.table))}, ${JSON.stringify(texts)})`,
      'setup record',
    );
    return { statements: texts };
  });
}

import { SellkitError } from '@sellkit/core';
import { MIGRATIONS_TABLE } from '@sellkit/storage-kysely';
import pg from 'pg';

/** What is in a PostgreSQL schema before Sellkit touches it. */
export type PostgresState = 'empty' | 'sellkit';

/** How long to wait for a server that does not answer, in ms. */
export const CONNECT_TIMEOUT_MS = 5_000;

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT') return 'timed out';
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] || 'unknown error';
}

/**
 * Connects once to check that the server answers and that the schema is empty or already a
 * Sellkit database (it has `sk_migrations`). A server that does not answer within
 * {@link CONNECT_TIMEOUT_MS} is `STORAGE_FAILURE`; a schema with someone else's tables and no
 * `sk_migrations` is `VALIDATION_FAILED`, and nothing is written.
 */
export async function inspectPostgres(
  url: string,
  display: string,
  schema?: string,
): Promise<PostgresState> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // A dropped connection after connect must become an error of ours, not an unhandled event.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new SellkitError(
      'STORAGE_FAILURE',
      `cannot connect to ${display}: ${reason(error)}`,
      { database: display },
      { cause: error },
    );
  }
  try {
    const result = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = COALESCE($1, current_schema()) ORDER BY table_name`,
      [schema ?? null],
    );
    const tables = result.rows.map((row) => row.table_name);
    if (tables.includes(MIGRATIONS_TABLE)) return 'sellkit';
    if (tables.length === 0) return 'empty';
    const listed = tables.slice(0, 3).join(', ') + (tables.length > 3 ? ', ...' : '');
    throw new SellkitError(
      'VALIDATION_FAILED',
      `${display}${schema ? ` (schema ${schema})` : ''} is not a Sellkit database (it has other tables (${listed}) and no ${MIGRATIONS_TABLE}); it was left untouched`,
      { database: display, reason: 'not_a_sellkit_database' },
    );
  } catch (error) {
    if (error instanceof SellkitError) throw error;
    throw new SellkitError(
      'STORAGE_FAILURE',
      `cannot inspect ${display}: ${reason(error)}`,
      { database: display },
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { dropSchema } from '@sellkit/storage-kysely/testing';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * A logical fingerprint of a SQLite database: every table's rows in order, hashed. Equal
 * fingerprints mean equal contents, whatever happened to the file's pages.
 */
export function sqliteFingerprint(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(`table ${name}\n`);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()) {
        hash.update(`${JSON.stringify(row)}\n`);
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** Row counts of a SQLite table (0 when it does not exist). */
export function sqliteCount(file: string, table: string, where = '1 = 1'): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const exists = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(table);
    if (!exists) return 0;
    return (
      db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }
    ).n;
  } finally {
    db.close();
  }
}

/** The PostgreSQL URL for tests, or null (local runs without one skip; CI must have one). */
export function postgresUrl(): string | null {
  const url = process.env.SELLKIT_PG_URL;
  if (url) return url;
  if (process.env.CI) {
    throw new Error('SELLKIT_PG_URL is not set in CI: the PostgreSQL end-to-end tests cannot run');
  }
  return null;
}

/** A fresh schema name for one test file, so files run in parallel against one database. */
export function freshSchema(label: string): string {
  return `sk_cli_${label}_${randomBytes(4).toString('hex')}`;
}

/** Runs one query on the test database. */
export async function postgresQuery<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Drops a test schema and everything in it (the adapter matrix's helper). */
export { dropSchema };

/** A logical fingerprint of a PostgreSQL schema: every table's rows, ordered, hashed. */
export async function postgresFingerprint(url: string, schema: string): Promise<string> {
  const hash = createHash('sha256');
  const tables = await postgresQuery<{ table_name: string }>(
    url,
    'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
    [schema],
  );
  for (const { table_name: table } of tables) {
    hash.update(`table ${table}\n`);
    const rows = await postgresQuery(url, `SELECT * FROM "${schema}"."${table}" ORDER BY 1, 2`);
    for (const row of rows) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

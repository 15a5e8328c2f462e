import { describe, it } from 'vitest';

/** The PostgreSQL test database, from `scripts/with-postgres.sh` or the environment. */
export const postgresUrl: string | undefined = process.env.SELLKIT_PG_URL || undefined;

/**
 * Why PostgreSQL suites do not run here (SELLKIT_PG_URL unset), and whether that fails the run:
 * it does in CI, where the database must be there; locally the suites are skipped.
 *
 * @example
 * ```ts
 * if (!postgresUrl) postgresUnavailable(); // { reason: 'SELLKIT_PG_URL unset; ...', fail: false }
 * ```
 */
export function postgresUnavailable(): { readonly reason: string; readonly fail: boolean } {
  const fail = Boolean(process.env.CI);
  return {
    reason: fail
      ? 'SELLKIT_PG_URL is not set in CI: run the tests through scripts/with-postgres.sh'
      : 'SELLKIT_PG_URL unset; use scripts/with-postgres.sh',
    fail,
  };
}

/**
 * A describe block that needs PostgreSQL: runs with SELLKIT_PG_URL, fails loudly in CI without
 * it, and is skipped (with the reason in its title) on a developer machine without it.
 *
 * @example
 * ```ts
 * import { it } from 'vitest';
 *
 * describePostgres('gapless sequences on postgres', (url) => {
 *   it('connects', async () => {
 *     const adapter = postgres({ url });
 *     await adapter.close();
 *   });
 * });
 * ```
 */
export function describePostgres(title: string, body: (url: string) => void): void {
  if (postgresUrl) {
    const url = postgresUrl;
    describe(title, () => body(url));
  } else if (process.env.CI) {
    describe(title, () => {
      throw new Error(
        'SELLKIT_PG_URL is not set in CI: run the tests through scripts/with-postgres.sh',
      );
    });
  } else {
    describe.skip(`${title} [skipped: SELLKIT_PG_URL unset; use scripts/with-postgres.sh]`, () => {
      it('needs PostgreSQL: run through scripts/with-postgres.sh or set SELLKIT_PG_URL', () =>
        undefined);
      body('');
    });
  }
}

/**
 * A schema name of its own for one test file, so files can run in parallel on one database.
 *
 * @example
 * ```ts
 * testSchema('sk_cli'); // 'sk_cli_k3j9x0a2'
 * ```
 */
export function testSchema(prefix = 'sk_test'): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Drops a test schema with everything in it.
 *
 * @example
 * ```ts
 * const schema = testSchema();
 * await dropSchema('postgres://localhost/sellkit_test', schema);
 * ```
 */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}

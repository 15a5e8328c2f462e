import { randomBytes } from 'node:crypto';
import { memory, type StorageAdapter } from '@sellkit/core';
import { pglite, postgres, sqlite } from '@sellkit/storage-kysely';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import type { AdapterFactory } from './harness.js';

/** One database the service suites run on. */
export interface TestAdapter {
  readonly name: string;
  readonly create: AdapterFactory;
  /** Set when the database is missing here: its suites are skipped, or fail when `fail`. */
  readonly unavailable?: { readonly reason: string; readonly fail: boolean };
  /** Closes (and drops) what the adapter shares between the tests of one file. */
  release(): Promise<void>;
}

/** The PostgreSQL test database, from `scripts/with-postgres.sh` or the environment. */
export const postgresUrl: string | undefined = process.env.SELLKIT_PG_URL || undefined;

/**
 * One adapter for all the tests of a file, opened on first use: starting PGlite takes seconds
 * and a PostgreSQL schema per test would be slow. Tests stay apart through a tenant each.
 */
function sharedPerFile(
  name: string,
  open: () => StorageAdapter,
  dispose: () => Promise<void> = async () => undefined,
): TestAdapter {
  let adapter: StorageAdapter | undefined;
  return {
    name,
    create: () => {
      adapter ??= open();
      return adapter;
    },
    release: async () => {
      const opened = adapter;
      adapter = undefined;
      if (opened) await opened.close();
      await dispose();
    },
  };
}

/** A fresh adapter per test, for databases that cost nothing to start. */
function freshPerTest(name: string, open: () => StorageAdapter): TestAdapter {
  return { name, create: open, release: async () => undefined };
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL in a schema of its own per test file, so files run in parallel on one database
 * and leave nothing behind. Without SELLKIT_PG_URL it is skipped locally and fails in CI.
 */
function postgresAdapter(): TestAdapter {
  const url = postgresUrl;
  if (url === undefined) {
    const fail = Boolean(process.env.CI);
    return {
      name: 'postgres',
      create: () => {
        throw new Error(
          'SELLKIT_PG_URL is not set: run the tests through scripts/with-postgres.sh',
        );
      },
      unavailable: {
        reason: fail
          ? 'SELLKIT_PG_URL is not set in CI: run the tests through scripts/with-postgres.sh'
          : 'SELLKIT_PG_URL unset; use scripts/with-postgres.sh',
        fail,
      },
      release: async () => undefined,
    };
  }
  const schema = `sk_pipeline_${randomBytes(5).toString('hex')}`;
  return sharedPerFile(
    'postgres',
    () => postgres({ url }, { schema }),
    () => dropSchema(url, schema),
  );
}

/** Every adapter the service suites run on: memory, SQLite, PGlite and PostgreSQL. */
export const ADAPTERS: readonly TestAdapter[] = [
  freshPerTest('memory', () => memory()),
  freshPerTest('sqlite', () => sqlite({ memory: true })),
  sharedPerFile('pglite', () => pglite()),
  postgresAdapter(),
];

/**
 * Declares `suite` once per adapter (skipping or failing the unavailable ones, with the reason
 * in the title) and releases the shared databases when the file is done.
 */
export function forEachAdapter(
  suite: (name: string, factory: AdapterFactory) => void,
  adapters: readonly TestAdapter[] = ADAPTERS,
): void {
  for (const adapter of adapters) {
    const { unavailable } = adapter;
    if (unavailable === undefined) {
      suite(adapter.name, adapter.create);
    } else if (unavailable.fail) {
      describe(adapter.name, () => {
        it(`needs its database: ${unavailable.reason}`, () => {
          throw new Error(unavailable.reason);
        });
      });
    } else {
      describe.skip(`${adapter.name} [skipped: ${unavailable.reason}]`, () =>
        suite(adapter.name, adapter.create));
    }
  }
  afterAll(async () => {
    for (const adapter of adapters) await adapter.release();
  });
}

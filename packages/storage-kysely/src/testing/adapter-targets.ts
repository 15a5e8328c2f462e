import type { StorageAdapter } from '@sellkit/core';
import {
  type AdapterTarget,
  freshTarget,
  memoryTarget,
  sharedTarget,
  unavailableTarget,
} from '@sellkit/core/testing';
import { pglite, postgres, sqlite } from '../adapters/adapters.js';
import type { SqliteDriverName } from '../adapters/sqlite-native.js';
import { dropSchema, postgresUnavailable, postgresUrl, testSchema } from './postgres.js';

/** The rows of the adapter matrix, by name. */
export type TargetName = 'memory' | 'sqlite' | 'sqlite-libsql' | 'pglite' | 'postgres';

/**
 * SQLite in memory, fresh for every test, on better-sqlite3 (the default) or libsql.
 *
 * @example
 * ```ts
 * const target = sqliteTarget('libsql');
 * target.name; // 'sqlite-libsql'
 * ```
 */
export function sqliteTarget(binding?: SqliteDriverName): AdapterTarget {
  if (binding === 'libsql') {
    return freshTarget('sqlite-libsql', () => sqlite({ memory: true }, { driver: 'libsql' }));
  }
  return freshTarget('sqlite', () => sqlite({ memory: true }));
}

/**
 * PGlite in memory, one database per test file and key (starting one takes seconds), or with
 * `perTest`, a fresh one for every test (for suites that need an empty database).
 *
 * @example
 * ```ts
 * const target = pgliteTarget();
 * const adapter = await target.create();
 * ```
 */
export function pgliteTarget(options: { readonly perTest?: boolean } = {}): AdapterTarget {
  if (options.perTest === true) return freshTarget('pglite', () => pglite());
  return sharedTarget('pglite', { open: () => pglite(), close: (adapter) => adapter.close() });
}

/**
 * PostgreSQL at SELLKIT_PG_URL, in a schema of its own per test file and key (so files run in
 * parallel on one database and leave nothing behind), or with `perTest`, per test. Without SELLKIT_PG_URL its suites are
 * skipped locally and fail in CI.
 *
 * @example
 * ```ts
 * import { forEachAdapter } from '@sellkit/core/testing';
 * import { describe } from 'vitest';
 *
 * forEachAdapter([postgresTarget('sk_pipeline')], (target) => describe(target.name, () => undefined));
 * ```
 */
export function postgresTarget(
  prefix = 'sk_test',
  options: { readonly perTest?: boolean } = {},
): AdapterTarget {
  const url = postgresUrl;
  if (url === undefined) {
    const { reason, fail } = postgresUnavailable();
    return unavailableTarget('postgres', reason, fail);
  }
  const schemas: string[] = [];
  if (options.perTest === true) return freshPostgres(url, prefix, schemas);
  return sharedTarget('postgres', {
    open: () => {
      const schema = testSchema(prefix);
      schemas.push(schema);
      return postgres({ url }, { schema });
    },
    close: (adapter) => adapter.close(),
    dispose: async () => {
      for (const schema of schemas.splice(0)) await dropSchema(url, schema);
    },
  });
}

/** A schema of its own for every test (suites that need an empty database), all dropped at the end. */
function freshPostgres(url: string, prefix: string, schemas: string[]): AdapterTarget {
  const opened: StorageAdapter[] = [];
  return {
    name: 'postgres',
    create: () => {
      const schema = testSchema(prefix);
      schemas.push(schema);
      const adapter = postgres({ url }, { schema });
      opened.push(adapter);
      return adapter;
    },
    release: async () => {
      for (const adapter of opened.splice(0)) await adapter.close();
      for (const schema of schemas.splice(0)) await dropSchema(url, schema);
    },
  };
}

const TARGETS: Readonly<Record<TargetName, () => AdapterTarget>> = {
  memory: memoryTarget,
  sqlite: () => sqliteTarget(),
  'sqlite-libsql': () => sqliteTarget('libsql'),
  pglite: pgliteTarget,
  postgres: () => postgresTarget(),
};

/**
 * The adapter matrix of a module's suites: the named targets, in order, for
 * `forEachAdapter` from `@sellkit/core/testing`. Fresh targets each call, so every test file
 * shares (and releases) its own databases.
 *
 * @example
 * ```ts
 * import { forEachAdapter } from '@sellkit/core/testing';
 * import { describe, it } from 'vitest';
 *
 * forEachAdapter(adapterMatrix(['memory', 'sqlite', 'pglite', 'postgres']), (target) => {
 *   describe(`stages (${target.name})`, () => {
 *     it('opens', async () => {
 *       await target.create();
 *     });
 *   });
 * });
 * ```
 */
export function adapterMatrix(names: readonly TargetName[]): AdapterTarget[] {
  return names.map((name) => TARGETS[name]());
}

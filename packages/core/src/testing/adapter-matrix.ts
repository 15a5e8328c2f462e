import { afterAll, describe, it } from 'vitest';
import { memory } from '../storage/memory/index.js';
import type { StorageAdapter } from '../storage/storage.js';

/**
 * One database a test suite runs on: a row of the adapter matrix. `T` is what it opens (a
 * storage adapter for module suites, a driver for an adapter's own suites).
 */
export interface AdapterTarget<T = StorageAdapter> {
  /** What the test titles say: `memory`, `sqlite`, `pglite`, `postgres`... */
  readonly name: string;
  /**
   * Opens the database of one test. A target that is slow to start shares one database per
   * test file (tests stay apart through a tenant each), one per distinct `key` (a suite that
   * composes different plugin sets passes a key per set, so each gets its own tables).
   */
  create(key?: string): T | Promise<T>;
  /** Set when the database is missing here: its suites are skipped, or fail when `fail`. */
  readonly unavailable?: { readonly reason: string; readonly fail: boolean };
  /** Closes (and drops) what the target shares between the tests of one file. */
  release(): Promise<void>;
}

/** What a target opens and closes. */
export interface TargetLifecycle<T> {
  open(key: string): T;
  close?(opened: T): Promise<void>;
  /** Runs after every shared database is closed (drops a PostgreSQL schema, say). */
  dispose?(): Promise<void>;
}

/**
 * A target that opens a fresh database for every test: for databases that cost nothing to
 * start (memory, SQLite in memory).
 *
 * @example
 * ```ts
 * const target = freshTarget('memory', () => memory());
 * const adapter = await target.create();
 * ```
 */
export function freshTarget<T>(name: string, open: () => T): AdapterTarget<T> {
  return { name, create: () => open(), release: async () => undefined };
}

/**
 * A target that opens one database per test file and key, on first use, and closes it when
 * the file is done: starting PGlite takes seconds, and a PostgreSQL schema per test is slow.
 *
 * @example
 * ```ts
 * const target = sharedTarget<StorageAdapter>('memory-shared', {
 *   open: () => memory(),
 *   close: (adapter) => adapter.close(),
 * });
 * ```
 */
export function sharedTarget<T>(name: string, lifecycle: TargetLifecycle<T>): AdapterTarget<T> {
  const opened = new Map<string, T>();
  return {
    name,
    create: (key = '') => {
      let database = opened.get(key);
      if (database === undefined) {
        database = lifecycle.open(key);
        opened.set(key, database);
      }
      return database;
    },
    release: async () => {
      const all = [...opened.values()];
      opened.clear();
      for (const database of all) await lifecycle.close?.(database);
      await lifecycle.dispose?.();
    },
  };
}

/**
 * A target whose database is missing here: {@link forEachAdapter} skips its suites with the
 * reason in the title, or, when `fail` (in CI, say), fails with the reason.
 *
 * @example
 * ```ts
 * const target = unavailableTarget('postgres', 'SELLKIT_PG_URL unset', Boolean(process.env.CI));
 * ```
 */
export function unavailableTarget<T = StorageAdapter>(
  name: string,
  reason: string,
  fail: boolean,
): AdapterTarget<T> {
  return {
    name,
    create: () => {
      throw new Error(`${name} is not available: ${reason}`);
    },
    unavailable: { reason, fail },
    release: async () => undefined,
  };
}

/**
 * The in-memory adapter, fresh for every test: the first row of every module's matrix.
 *
 * @example
 * ```ts
 * const target = memoryTarget();
 * const adapter = await target.create();
 * await adapter.close();
 * ```
 */
export function memoryTarget(): AdapterTarget {
  return freshTarget('memory', () => memory());
}

/**
 * Declares `suite` once per target (kysely's DIALECTS loop): an unavailable target's suite is
 * skipped with the reason in its title, or replaced by a failing test when it must run (a
 * database CI should have); the targets' shared databases are released when the file is done.
 *
 * @example
 * ```ts
 * import { describe, it } from 'vitest';
 *
 * forEachAdapter([memoryTarget()], (target) => {
 *   describe(`companies (${target.name})`, () => {
 *     it('creates one', async () => {
 *       const adapter = await target.create();
 *       await adapter.close();
 *     });
 *   });
 * });
 * ```
 */
export function forEachAdapter<T>(
  targets: readonly AdapterTarget<T>[],
  suite: (target: AdapterTarget<T>) => void,
): void {
  for (const target of targets) {
    const { unavailable } = target;
    if (unavailable === undefined) {
      suite(target);
    } else if (unavailable.fail) {
      describe(target.name, () => {
        it(`needs its database: ${unavailable.reason}`, () => {
          throw new Error(unavailable.reason);
        });
      });
    } else {
      describe.skip(`${target.name} [skipped: ${unavailable.reason}]`, () => suite(target));
    }
  }
  afterAll(async () => {
    for (const target of targets) await target.release();
  });
}

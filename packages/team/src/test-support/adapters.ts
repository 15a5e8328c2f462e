import { memory, type StorageAdapter } from '@sellkit/core';
import { pglite, sqlite } from '@sellkit/storage-kysely';

/** Makes a fresh storage adapter for one test. */
export type AdapterFactory = () => StorageAdapter | Promise<StorageAdapter>;

/** An adapter factory with a name for test titles. */
export interface NamedAdapter {
  readonly name: string;
  readonly create: AdapterFactory;
}

/** Every adapter the service suites run on. */
export const ADAPTERS: readonly NamedAdapter[] = [
  { name: 'memory', create: () => memory() },
  { name: 'sqlite', create: () => sqlite({ memory: true }) },
];

/**
 * PostgreSQL in WebAssembly, for the suites where SQL semantics matter most (access scopes in
 * the query, assignment). Slow (seconds per test), so opt-in: `SELLKIT_TEST_PGLITE=1`.
 */
export const PGLITE: readonly NamedAdapter[] = process.env.SELLKIT_TEST_PGLITE
  ? [{ name: 'pglite', create: () => pglite() }]
  : [];

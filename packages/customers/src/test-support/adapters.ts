import type { StorageAdapter } from '@sellkit/core';
import { memory } from '@sellkit/core';
import { pglite, sqlite } from '@sellkit/storage-kysely';
import type { NamedAdapter } from './harness.js';

const sharedPglite = new Map<string, StorageAdapter>();

/**
 * One PGlite database per test file and plugin set (starting one takes seconds); every test
 * gets a tenant of its own, so tests stay isolated as on any shared database.
 */
function pgliteFor(schema = ''): StorageAdapter {
  let adapter = sharedPglite.get(schema);
  if (!adapter) {
    adapter = pglite();
    sharedPglite.set(schema, adapter);
  }
  return adapter;
}

/** Every adapter the service suites run on. */
export const ADAPTERS: readonly NamedAdapter[] = [
  { name: 'memory', create: () => memory() },
  { name: 'sqlite', create: () => sqlite({ memory: true }) },
  { name: 'pglite', create: pgliteFor },
];

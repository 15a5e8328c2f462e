import {
  type AdapterTarget,
  forEachAdapter as eachTarget,
  memoryTarget,
} from '@sellkit/core/testing';
import { pgliteTarget, postgresTarget, sqliteTarget } from '@sellkit/storage-kysely/testing';
import type { AdapterFactory } from './harness.js';

/**
 * Every adapter the orders suites run on: memory, SQLite, PGlite and PostgreSQL (a schema of
 * its own per test file; without SELLKIT_PG_URL it is skipped locally and fails in CI).
 */
export function ordersTargets(): AdapterTarget[] {
  return [memoryTarget(), sqliteTarget(), pgliteTarget(), postgresTarget('sk_orders')];
}

/** Declares `suite` once per adapter of {@link ordersTargets}. */
export function forEachAdapter(
  suite: (name: string, factory: AdapterFactory) => void,
  targets: readonly AdapterTarget[] = ordersTargets(),
): void {
  eachTarget(targets, (target) => suite(target.name, () => target.create()));
}

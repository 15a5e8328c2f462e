import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createTestClock, type TestClock } from '../../context/clock.js';
import { SellkitError, type SellkitErrorCode } from '../../errors/sellkit-error.js';
import type { StorageAdapter, TenantStorage } from '../../storage/storage.js';

/** Options of `runStorageConformance`. */
export interface ConformanceOptions {
  /** Runs the slow cases too (an exact sum over 100,000 rows). SQL adapters turn this on. */
  heavy?: boolean;
  /** Called after the suite instead of `adapter.close()`. */
  teardown?: (adapter: StorageAdapter) => Promise<void>;
}

/** A fresh tenant for one test. */
export interface TestTenant {
  readonly tenantId: string;
  readonly storage: TenantStorage;
  readonly clock: TestClock;
}

/** What every group of cases gets. */
export interface SuiteContext {
  readonly options: ConformanceOptions;
  adapter(): StorageAdapter;
  /** A new random tenant (so suites can share one database) with a test clock. */
  tenant(): TestTenant;
}

/** A random tenant id that no other test uses. */
export function randomTenantId(): string {
  return `conf-${randomBytes(8).toString('hex')}`;
}

export function createSuiteContext(
  options: ConformanceOptions,
  current: () => StorageAdapter,
): SuiteContext {
  return {
    options,
    adapter: current,
    tenant() {
      const clock = createTestClock('2026-03-05T10:00:00.000Z');
      const tenantId = randomTenantId();
      return { tenantId, clock, storage: current().forTenant(tenantId, { clock }) };
    },
  };
}

/**
 * Awaits a promise that must fail with a SellkitError of `code`; with `issue`, the error must
 * also carry an issue at that path (and reason).
 */
export async function expectFailure(
  promise: Promise<unknown>,
  code: SellkitErrorCode,
  issue?: { path?: string; reason?: string },
): Promise<SellkitError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(SellkitError);
  const error = caught as SellkitError;
  expect(error.code, error.message).toBe(code);
  if (issue) {
    const issues = error.details.issues ?? [];
    const match = issues.find(
      (item) =>
        (issue.path === undefined || item.path === issue.path) &&
        (issue.reason === undefined || item.reason === issue.reason),
    );
    expect(match, `issue ${JSON.stringify(issue)} in ${JSON.stringify(issues)}`).toBeDefined();
  }
  return error;
}

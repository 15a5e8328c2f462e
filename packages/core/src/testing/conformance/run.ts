import { afterAll, beforeAll, describe } from 'vitest';
import type { StorageAdapter } from '../../storage/storage.js';
import { aggregateCases } from './cases-aggregate.js';
import { bulkCases } from './cases-bulk.js';
import { crudCases } from './cases-crud.js';
import { filterCases } from './cases-filters.js';
import { sortPageCases } from './cases-sort-page.js';
import { tenancyCases } from './cases-tenancy.js';
import { timeCases } from './cases-time.js';
import { transactionCases } from './cases-transactions.js';
import { valueCases } from './cases-values.js';
import { type ConformanceOptions, createSuiteContext } from './context.js';
import { testModels } from './models.js';

/**
 * Registers the storage conformance suite (vitest) for an adapter: one call checks the whole
 * contract (values, validation, filters, sorting, cursors, aggregates, transactions, sequences,
 * references, tenant isolation, projections and bulk updates, dates and instants under several process time zones). Every test uses a fresh random tenant, so several suites may
 * share one database.
 *
 * @example
 * ```ts
 * // my-adapter.conformance.test.ts, with your driver in place of memoryDriver()
 * import { createStorage, memoryDriver } from '@sellkit/core/driver';
 * import { runStorageConformance } from '@sellkit/core/testing';
 * runStorageConformance('my-adapter', () => createStorage(memoryDriver()), { heavy: true });
 * ```
 */
export function runStorageConformance(
  name: string,
  factory: () => Promise<StorageAdapter> | StorageAdapter,
  options: ConformanceOptions = {},
): void {
  describe(`storage conformance: ${name}`, () => {
    let adapter: StorageAdapter | undefined;
    const ctx = createSuiteContext(options, () => {
      if (!adapter) throw new Error('the storage adapter is not ready (its factory failed)');
      return adapter;
    });
    beforeAll(async () => {
      adapter = await factory();
      await adapter.setup(Object.values(testModels));
    });
    afterAll(async () => {
      if (!adapter) return;
      if (options.teardown) await options.teardown(adapter);
      else await adapter.close();
    });
    crudCases(ctx);
    bulkCases(ctx);
    valueCases(ctx);
    filterCases(ctx);
    sortPageCases(ctx);
    aggregateCases(ctx);
    transactionCases(ctx);
    tenancyCases(ctx);
    timeCases(ctx);
  });
}

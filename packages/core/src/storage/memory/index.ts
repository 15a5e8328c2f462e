import { createStorage } from '../create-storage.js';
import type { StorageAdapter } from '../storage.js';
import { memoryDriver } from './memory-driver.js';

/**
 * In-memory storage: the whole storage contract (transactions, savepoints, unique indexes,
 * gapless sequences, exact decimal sums) without a database. For tests, demos and small tools;
 * data lives as long as the adapter.
 *
 * @example
 * ```ts
 * import { customers } from '@sellkit/customers';
 * const crm = await createSellkit({ storage: memory(), modules: [customers()] });
 * ```
 */
export function memory(): StorageAdapter {
  return createStorage(memoryDriver());
}

export { memoryDriver };

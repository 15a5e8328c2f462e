import { type Clock, systemClock } from '../context/clock.js';
import { SellkitError, validationError } from '../errors/sellkit-error.js';
import type { AnyModel } from '../model/define-model.js';
import type { StorageDriver } from './driver.js';
import { guard } from './guard.js';
import { describeModel, type ModelInfo } from './model-info.js';
import type { StorageAdapter } from './storage.js';
import { tenantStorage } from './tenant/tenant-storage.js';

/** Options of {@link createStorage}. */
export interface CreateStorageOptions {
  /** Rows per `driver.insert` call when a large batch is written (default 1,000). */
  insertChunkSize?: number;
}

const TENANT_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function checkModels(models: unknown): AnyModel[] {
  if (!Array.isArray(models)) {
    throw new SellkitError('CONFIGURATION_INVALID', 'setup needs a list of model definitions');
  }
  const byName = new Map<string, AnyModel>();
  for (const model of models as unknown[]) {
    const candidate = model as Partial<AnyModel> | null;
    if (
      candidate === null ||
      typeof candidate !== 'object' ||
      typeof candidate.name !== 'string' ||
      typeof candidate.idPrefix !== 'string' ||
      candidate.fields === null ||
      typeof candidate.fields !== 'object'
    ) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        'setup needs model definitions made by defineModel()',
      );
    }
    const previous = byName.get(candidate.name);
    if (previous && previous !== candidate) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `two different models are named ${candidate.name}`,
        {
          model: candidate.name,
        },
      );
    }
    byName.set(candidate.name, candidate as AnyModel);
  }
  return [...byName.values()];
}

/**
 * Wraps a {@link StorageDriver} into a full {@link StorageAdapter}: the kernel side of every
 * adapter. It validates records, filters, sorts and aggregates against the models; flattens
 * records into rows (Money into amount + currency, and back); turns cursors into filter
 * conditions; checks references, versions and tenant ids; computes exact averages; and maps
 * foreign driver errors to `STORAGE_FAILURE`. A driver only stores, finds and sums rows.
 *
 * @example
 * ```ts
 * import { company, contact } from '@sellkit/customers';
 * const storage = createStorage(memoryDriver()); // or your own StorageDriver
 * await storage.setup([company, contact]);
 * const acme = storage.forTenant('acme');
 * const [created] = await acme.insert(company, [{ name: 'Cancity' }]);
 * ```
 */
export function createStorage(
  driver: StorageDriver,
  options: CreateStorageOptions = {},
): StorageAdapter {
  if (driver === null || typeof driver !== 'object' || typeof driver.setup !== 'function') {
    throw new SellkitError('CONFIGURATION_INVALID', 'createStorage needs a StorageDriver');
  }
  const insertChunkSize = options.insertChunkSize ?? 1000;
  if (!Number.isSafeInteger(insertChunkSize) || insertChunkSize < 1) {
    throw new SellkitError('CONFIGURATION_INVALID', 'insertChunkSize must be a positive integer');
  }
  const registry = new Map<string, ModelInfo>();
  const state = { registry, insertChunkSize };
  return {
    name: driver.name,
    async setup(models, setupOptions) {
      const checked = checkModels(models);
      const infos = checked.map(describeModel);
      const report = await guard(() =>
        driver.setup(
          infos.map((info) => info.layout),
          setupOptions,
        ),
      );
      // A dry run changes nothing, not even what the wrapper knows.
      if (setupOptions?.dryRun !== true)
        for (const info of infos) registry.set(info.model.name, info);
      return report;
    },
    forTenant(tenantId, tenantOptions) {
      if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
        throw validationError(
          'tenantId',
          'a tenant id is 1 to 64 letters, digits, _ . : or -',
          'invalid_format',
        );
      }
      const clock: Clock = tenantOptions?.clock ?? systemClock;
      if (typeof clock?.now !== 'function') {
        throw new SellkitError('CONFIGURATION_INVALID', 'clock must have a now() method');
      }
      return tenantStorage(state, driver, tenantId, clock);
    },
    close: () => guard(() => driver.close()),
  };
}

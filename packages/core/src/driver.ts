/**
 * `@sellkit/core/driver`: for storage adapter authors. The driver contract a database adapter
 * implements (`StorageDriver`, `DriverSession`, flat rows and the normalized filter, sort,
 * update and aggregate shapes it receives), the table layout derived from model definitions,
 * and `createStorage`, which wraps a driver into the `StorageAdapter` a host passes to
 * `createSellkit`. The in-memory driver is the reference implementation; the conformance suite
 * every adapter must pass is in `@sellkit/core/testing`.
 *
 * Errors (`SellkitError`, `isSellkitError`) and the query types come from `@sellkit/core`.
 * See [Writing a storage adapter](https://github.com/sellkit/sellkit/blob/main/docs/storage-adapters.md).
 *
 * @packageDocumentation
 * @module @sellkit/core/driver
 */

// One lock for drivers that must serialise work on a single connection.
export type { Mutex } from './kit/mutex.js';
export { createMutex, withLock } from './kit/mutex.js';
export { MONEY_PRECISION, MONEY_SCALE } from './money/currencies.js';
export type { CreateStorageOptions } from './storage/create-storage.js';
export { createStorage } from './storage/create-storage.js';
export type {
  DriverAggregate,
  DriverFind,
  DriverGroupKey,
  DriverMeasure,
  DriverSession,
  DriverSort,
  DriverUpdate,
  FilterNode,
  FlatRow,
  LeafOperator,
  SetupReport,
  StorageDriver,
} from './storage/driver.js';
export type { ColumnLayout, ColumnType, IndexLayout, TableLayout } from './storage/layout.js';
export { tableLayout, toSnakeCase } from './storage/layout.js';
export { memoryDriver } from './storage/memory/index.js';
export type { SortDirection, TimeBucket } from './storage/query.js';
export type { StorageAdapter } from './storage/storage.js';

export type { CreateStorageOptions } from './create-storage.js';
export { createStorage } from './create-storage.js';
export type {
  DriverAggregate,
  DriverFind,
  DriverGroupKey,
  DriverMeasure,
  DriverSession,
  DriverSort,
  FilterNode,
  FlatRow,
  LeafOperator,
  SetupReport,
  StorageDriver,
} from './driver.js';
export type { ColumnLayout, ColumnType, IndexLayout, TableLayout } from './layout.js';
export { MONEY_PRECISION, MONEY_SCALE, tableLayout, toSnakeCase } from './layout.js';
export { memory, memoryDriver } from './memory/index.js';
export type {
  AggregateFunction,
  AggregateQuery,
  AggregateRow,
  FieldCondition,
  FilterOperator,
  FindQuery,
  GroupKey,
  Measure,
  Page,
  RecordOf,
  SortDirection,
  SortKey,
  TimeBucket,
  Where,
  WriteOptions,
} from './query.js';
export { FILTER_OPERATORS } from './query.js';
export type { StorageAdapter, TenantStorage } from './storage.js';

export { MONEY_PRECISION, MONEY_SCALE } from '../money/currencies.js';
export type { CreateStorageOptions } from './create-storage.js';
export { createStorage } from './create-storage.js';
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
} from './driver.js';
export type { ColumnLayout, ColumnType, IndexLayout, TableLayout } from './layout.js';
export { tableLayout, toSnakeCase } from './layout.js';
export { memory, memoryDriver } from './memory/index.js';
export type {
  AggregateFunction,
  AggregateQuery,
  AggregateRow,
  FieldCondition,
  FilterOperator,
  FindQuery,
  FindResult,
  GroupKey,
  Measure,
  Page,
  RecordOf,
  RecordUpdate,
  Selected,
  SortDirection,
  SortKey,
  TimeBucket,
  UpdateManyOptions,
  UpdateManyResult,
  Where,
  WriteOptions,
} from './query.js';
export { FILTER_OPERATORS } from './query.js';
export type { StorageAdapter, TenantStorage } from './storage.js';

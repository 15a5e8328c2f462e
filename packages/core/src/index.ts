/**
 * The Sellkit kernel for hosts: `createSellkit`, contexts, `Money`, ids, `SellkitError`, model
 * definitions and plugins, queries and record types, typed events and the outbox, access scopes,
 * audit, the scoring engine, tenant settings and the calendar, and the `memory()` adapter.
 *
 * Two more entries serve the two other audiences: `@sellkit/core/module` (the scope, the record
 * services and the named internal door, module handles and the module kit, for module and
 * plugin authors) and `@sellkit/core/driver` (the driver contract, for storage adapter
 * authors). Guides:
 * [Getting started](https://github.com/sellkit/sellkit/blob/main/docs/getting-started.md),
 * [Writing a plugin](https://github.com/sellkit/sellkit/blob/main/docs/plugins.md),
 * [The scoring engine](https://github.com/sellkit/sellkit/blob/main/docs/scoring.md),
 * [Writing a storage adapter](https://github.com/sellkit/sellkit/blob/main/docs/storage-adapters.md).
 *
 * @packageDocumentation
 * @module @sellkit/core
 */
export type {
  AccessAction,
  AccessReach,
  AccessResolver,
  AccessRoles,
  AccessScope,
  RoleGrants,
} from './access/policy.js';
export {
  contextAccessResolver,
  defaultRoles,
  grantedScopes,
  reachIncludes,
  reachWhere,
  resolveReach,
} from './access/policy.js';
export type { AuditEntry } from './audit/audit.js';
export { auditEntryModel, diffRecords, toJsonValue } from './audit/audit.js';
export type {
  CalendarUnit,
  DateParts,
  LocalOffset,
  TenantCalendar,
  TenantSettings,
  TenantSettingsCache,
  TenantSettingsInput,
  TenantSettingsResolver,
  TimeParts,
  WeekStartsOn,
} from './calendar/index.js';
export {
  addCalendarDays,
  addCalendarMonths,
  CALENDAR_UNITS,
  calendarDaysBetween,
  canonicalTimeZone,
  createTenantCalendar,
  DEFAULT_TENANT_SETTINGS,
  dateParts,
  dayOfWeek,
  formatDate,
  isCalendarDate,
  isLeapYear,
  requireDate,
  resolveTenantSettings,
  tenantSettingsCache,
  timeParts,
} from './calendar/index.js';
export type { Clock, TestClock } from './context/clock.js';
export { createTestClock, systemClock } from './context/clock.js';
export type { Actor, SellkitContext } from './context/context.js';
export { validateContext } from './context/context.js';
export type {
  FieldIssue,
  SellkitErrorCode,
  SellkitErrorDetails,
} from './errors/index.js';
export {
  clipText,
  ERROR_CODES,
  ERROR_TEXT_LIMITS,
  isSellkitError,
  SellkitError,
  validationError,
} from './errors/index.js';
export type { EventBus, EventHandler, EventMap, HandlerErrorReporter } from './events/event-bus.js';
export { createEventBus } from './events/event-bus.js';
export type { DrainOptions, DrainReport, OutboxMessage } from './events/outbox.js';
export { drainOutbox } from './events/outbox.js';
export { deliveryModel, outboxEventModel } from './events/outbox-models.js';
export { idTime, isId, newId } from './ids/index.js';
export type { CsvProgress, CsvRow, ReadCsvOptions } from './io/csv-reader.js';
export { csvCell, csvLine, readCsv } from './io/csv-reader.js';
export type {
  AnyModule,
  AnyPlugin,
  EventsOf,
  ExtendedModels,
  ExtensionsOf,
  KernelFacade,
  ModelHooks,
  ModelsOf,
  ModuleDefinition,
  ModuleScope,
  PluginDefinition,
  PluginEventHandlers,
  RecordService,
  RecordServices,
  ScheduledJob,
  ScopedSellkit,
  ScoringContribution,
  Sellkit,
  SellkitEventRegistry,
  SellkitOptions,
  SellkitScheduler,
  ServicesOf,
  TickAllOptions,
  TickAllReport,
  TickReport,
} from './kernel/index.js';
export {
  createSellkit,
  defineModule,
  definePlugin,
} from './kernel/index.js';
// Helpers for module and plugin authors (dry runs, retries, import reports, locks, value
// checks). Exported here for now; they belong in the `@sellkit/core/module` entry.

export type {
  AccessFields,
  AnyField,
  AnyModel,
  BooleanOptions,
  CommonFieldOptions,
  DateOptions,
  DecimalOptions,
  EnumOptions,
  FieldDefinition,
  FieldFor,
  FieldKind,
  FieldMap,
  FieldSchemaMode,
  FieldValue,
  IndexDefinition,
  InferCreate,
  InferPatch,
  InferRecord,
  IntegerOptions,
  JsonOptions,
  ModelDefinition,
  ModelInput,
  ModelSchemas,
  MoneyOptions,
  ReferenceOptions,
  SystemFields,
  TextListOptions,
  TextOptions,
  TimestampOptions,
  ValidatedValues,
} from './model/index.js';
export {
  defineModel,
  extendModel,
  field,
  fieldValueSchema,
  modelSchemas,
  RESERVED_FIELD_NAMES,
  SYSTEM_FIELDS,
} from './model/index.js';
export type { DecimalInput, RoundingMode } from './money/index.js';
export {
  currencyCodes,
  currencyExponent,
  divideRounded,
  isCurrencyCode,
  MAX_CURRENCY_EXPONENT,
  MAX_MONEY_INTEGER_DIGITS,
  Money,
  toDecimal,
} from './money/index.js';
export type {
  AllCondition,
  AnyCondition,
  AnyFactDefinition,
  AnyOperatorDefinition,
  Band,
  CompiledRuleSet,
  CompileMode,
  CompileOptions,
  Condition,
  ConditionTrace,
  EvaluateOptions,
  Explanation,
  FactCondition,
  FactContext,
  FactDefinition,
  FactKind,
  FactRead,
  FactValueOf,
  NotCondition,
  OperatorContext,
  OperatorDefinition,
  Rule,
  RuleExplanation,
  RuleOutcome,
  RuleSet,
  RuleSetScope,
  RuleSetStatus,
  RuleSetStore,
  ScoreResult,
  ScoringRegistry,
  StoredRuleSet,
} from './scoring/index.js';
export {
  compileRuleSet,
  createRuleSetStore,
  createScoringRegistry,
  defineFact,
  defineOperator,
  defineRuleSet,
  ruleSetSchema,
  scoringRuleSet,
  unsafePatternReason,
} from './scoring/index.js';
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
  SetupReport,
  SortDirection,
  SortKey,
  StorageAdapter,
  TenantStorage,
  TimeBucket,
  UpdateManyOptions,
  UpdateManyResult,
  Where,
  WriteOptions,
} from './storage/index.js';
export {
  FILTER_OPERATORS,
  memory,
} from './storage/index.js';

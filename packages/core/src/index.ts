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
export type { AuditEntry, AuditInput } from './audit/audit.js';
export { auditEntryModel, diffRecords, toJsonValue } from './audit/audit.js';
export type { DateParts, TimeParts } from './calendar/calendar-date.js';
export {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  dateParts,
  dayOfWeek,
  formatDate,
  isCalendarDate,
  isLeapYear,
  requireDate,
  timeParts,
} from './calendar/calendar-date.js';
export type { TenantSettingsCache } from './calendar/settings-cache.js';
export { tenantSettingsCache } from './calendar/settings-cache.js';
export type { CalendarUnit, LocalOffset, TenantCalendar } from './calendar/tenant-calendar.js';
export { CALENDAR_UNITS, createTenantCalendar } from './calendar/tenant-calendar.js';
export type {
  TenantSettings,
  TenantSettingsInput,
  TenantSettingsResolver,
  WeekStartsOn,
} from './calendar/tenant-settings.js';
export {
  canonicalTimeZone,
  DEFAULT_TENANT_SETTINGS,
  resolveTenantSettings,
} from './calendar/tenant-settings.js';
export type { Clock, TestClock } from './context/clock.js';
export { createTestClock, systemClock } from './context/clock.js';
export type { Actor, SellkitContext } from './context/context.js';
export { validateContext } from './context/context.js';
export type { FieldIssue, SellkitErrorCode, SellkitErrorDetails } from './errors/sellkit-error.js';
export {
  clipText,
  ERROR_CODES,
  ERROR_TEXT_LIMITS,
  isSellkitError,
  SellkitError,
  validationError,
} from './errors/sellkit-error.js';
export type {
  EventBus,
  EventHandler,
  EventMap,
  EventMeta,
  HandlerErrorReporter,
} from './events/event-bus.js';
export { createEventBus } from './events/event-bus.js';
export type { DrainOptions, DrainReport, OutboxMessage } from './events/outbox.js';
export { drainOutbox } from './events/outbox.js';
export { deliveryModel, outboxEventModel } from './events/outbox-models.js';
export { idTime, isId, newId } from './ids/ids.js';
export type { CsvProgress, CsvRow, ReadCsvOptions } from './io/csv-reader.js';
export { csvCell, csvLine, readCsv } from './io/csv-reader.js';
export type {
  KernelFacade,
  ScopedSellkit,
  Sellkit,
  SellkitOptions,
} from './kernel/create-sellkit.js';
export { createSellkit } from './kernel/create-sellkit.js';
export type {
  AnyModule,
  AnyPlugin,
  ModuleDefinition,
  PluginDefinition,
  PluginEventHandlers,
  ScheduledJob,
  ScoringContribution,
  SellkitEventRegistry,
} from './kernel/definitions.js';
export { defineModule, definePlugin } from './kernel/definitions.js';
export type {
  EventsOf,
  ExtendedModels,
  ExtensionsOf,
  ModelsOf,
  RecordServices,
  ServicesOf,
} from './kernel/facade-types.js';
export type { ModelHooks, ModuleScope, RecordService } from './kernel/module-scope.js';
export type {
  SellkitScheduler,
  TickAllOptions,
  TickAllReport,
  TickReport,
} from './kernel/scheduler.js';
// Helpers for module and plugin authors (dry runs, retries, import reports, locks, value
// checks). Exported here for now; they belong in the `@sellkit/core/module` entry.

export type {
  AccessFields,
  AnyModel,
  FieldMap,
  FieldValue,
  IndexDefinition,
  InferCreate,
  InferPatch,
  InferRecord,
  ModelDefinition,
  ModelInput,
  SystemFields,
} from './model/define-model.js';
export {
  defineModel,
  extendModel,
  RESERVED_FIELD_NAMES,
  SYSTEM_FIELDS,
} from './model/define-model.js';
export type { FieldSchemaMode } from './model/field-schema.js';
export { fieldValueSchema } from './model/field-schema.js';
export type {
  AnyField,
  BooleanOptions,
  CommonFieldOptions,
  DateOptions,
  DecimalOptions,
  EnumOptions,
  FieldDefinition,
  FieldFor,
  FieldKind,
  IntegerOptions,
  JsonOptions,
  MoneyOptions,
  ReferenceOptions,
  TextListOptions,
  TextOptions,
  TimestampOptions,
} from './model/fields.js';
export { field } from './model/fields.js';
export type { ModelSchemas, ValidatedValues } from './model/schema.js';
export { modelSchemas } from './model/schema.js';
export {
  currencyCodes,
  currencyExponent,
  isCurrencyCode,
  MAX_CURRENCY_EXPONENT,
  MAX_MONEY_INTEGER_DIGITS,
} from './money/currencies.js';
export { divideRounded } from './money/exact.js';
export type { DecimalInput, RoundingMode } from './money/money.js';
export { Money, toDecimal } from './money/money.js';
export type {
  CompiledRuleSet,
  CompileMode,
  CompileOptions,
  EvaluateOptions,
} from './scoring/compile.js';
export { compileRuleSet } from './scoring/compile.js';
export { defineRuleSet } from './scoring/define-rule-set.js';
export type { ConditionTrace, Explanation, FactRead, RuleExplanation } from './scoring/explain.js';
export type { AnyFactDefinition, FactContext, FactDefinition } from './scoring/facts.js';
export { defineFact } from './scoring/facts.js';
export type {
  AnyOperatorDefinition,
  FactValueOf,
  OperatorContext,
  OperatorDefinition,
} from './scoring/operators/define-operator.js';
export { defineOperator } from './scoring/operators/define-operator.js';
export { unsafePatternReason } from './scoring/operators/safe-regex.js';
export type { ScoringRegistry } from './scoring/registry.js';
export { createScoringRegistry } from './scoring/registry.js';
export type { ScoreResult } from './scoring/result.js';
export type {
  RuleSetScope,
  RuleSetStatus,
  RuleSetStore,
  StoredRuleSet,
} from './scoring/rule-set-store.js';
export { createRuleSetStore, scoringRuleSet } from './scoring/rule-set-store.js';
export type {
  AllCondition,
  AnyCondition,
  Band,
  Condition,
  FactCondition,
  NotCondition,
  Rule,
  RuleOutcome,
  RuleSet,
} from './scoring/schema.js';
export { ruleSetSchema } from './scoring/schema.js';
export type { FactKind } from './scoring/values.js';
export type { SetupReport } from './storage/driver.js';
export { memory } from './storage/memory/index.js';
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
} from './storage/query.js';
export { FILTER_OPERATORS } from './storage/query.js';
export type { StorageAdapter, TenantStorage } from './storage/storage.js';

/**
 * `@sellkit/core/module`: for module and plugin authors. Everything needed to write a domain
 * module (`defineModule`) or a plugin (`definePlugin`) that a host embedding Sellkit does not
 * call itself: model definitions and field builders, the module scope and record services,
 * model hooks, scheduled jobs, field-issue helpers for validation errors, the scoring engine's
 * registry, facts and operators, access reach helpers, audit helpers, the tenant calendar's
 * date arithmetic and the CSV reader.
 *
 * The vocabulary shared by every audience (`Money`, `SellkitError`, ids, the context, record
 * and query types, `createSellkit`) comes from `@sellkit/core`. Storage adapter authors use
 * `@sellkit/core/driver`.
 *
 * @packageDocumentation
 * @module @sellkit/core/module
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
export type { CalendarUnit, LocalOffset, TenantCalendar } from './calendar/tenant-calendar.js';
export { CALENDAR_UNITS } from './calendar/tenant-calendar.js';
export type { WeekStartsOn } from './calendar/tenant-settings.js';
export { canonicalTimeZone } from './calendar/tenant-settings.js';
export type { Clock } from './context/clock.js';
export type { IssueList } from './errors/field-issues.js';
export { issueList, notFound, requireObject } from './errors/field-issues.js';
export type { FieldIssue } from './errors/sellkit-error.js';
export {
  clipText,
  ERROR_TEXT_LIMITS,
  fromZodError,
  validationError,
} from './errors/sellkit-error.js';
export type { EventHandler, EventMap, EventMeta } from './events/event-bus.js';
export { deliveryModel, outboxEventModel } from './events/outbox-models.js';
export type { CsvProgress, CsvRow, ReadCsvOptions } from './io/csv-reader.js';
export { csvCell, csvLine, readCsv } from './io/csv-reader.js';
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
export type { InternalRecords, InternalWriteOptions } from './kernel/internal-records.js';
export type {
  ModelHooks,
  ModuleHandle,
  ModuleScope,
  RecordService,
} from './kernel/module-scope.js';
export { moduleHandle } from './kernel/module-scope.js';
export type { DateLayout, DateLayoutReader, DateReading } from './kit/date-formats.js';
export { dateLayoutReader } from './kit/date-formats.js';
export { dryRun, transactionOrDryRun } from './kit/dry-run.js';
// The module kit: one copy of the mechanical parts every module needs.
export type {
  ImportCounts,
  ImportRowError,
  ImportRowsReport,
  RejectRowOptions,
} from './kit/import-report.js';
export { importCounts, importRowsReport, rejectImportRow } from './kit/import-report.js';
export { isPlainObject } from './kit/is-plain-object.js';
export { inChunks, readAll } from './kit/read-all.js';
export type { TransactionScope } from './kit/transaction-scope.js';
export type { RetryOptions } from './kit/with-retry.js';
export { withRetry } from './kit/with-retry.js';
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
export type { TenantStorage } from './storage/storage.js';

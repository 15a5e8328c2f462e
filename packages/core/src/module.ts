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
export type { AuditEntry } from './audit/audit.js';
export { auditEntryModel, diffRecords, toJsonValue } from './audit/audit.js';
export type {
  CalendarUnit,
  DateParts,
  LocalOffset,
  TenantCalendar,
  TimeParts,
  WeekStartsOn,
} from './calendar/index.js';
export {
  addCalendarDays,
  addCalendarMonths,
  CALENDAR_UNITS,
  calendarDaysBetween,
  canonicalTimeZone,
  dateParts,
  dayOfWeek,
  formatDate,
  isCalendarDate,
  isLeapYear,
  requireDate,
  timeParts,
} from './calendar/index.js';
export type { Clock } from './context/clock.js';
export type { FieldIssue, IssueList } from './errors/index.js';
export {
  clipText,
  ERROR_TEXT_LIMITS,
  fromZodError,
  issueList,
  notFound,
  requireObject,
  validationError,
} from './errors/index.js';
export type { EventHandler, EventMap } from './events/event-bus.js';
export { deliveryModel, outboxEventModel } from './events/outbox-models.js';
export type { CsvProgress, CsvRow, ReadCsvOptions } from './io/csv-reader.js';
export { csvCell, csvLine, readCsv } from './io/csv-reader.js';
export type {
  AnyModule,
  AnyPlugin,
  EventsOf,
  ExtendedModels,
  ExtensionsOf,
  InternalRecords,
  InternalWriteOptions,
  ModelHooks,
  ModelsOf,
  ModuleDefinition,
  ModuleHandle,
  ModuleScope,
  PluginDefinition,
  PluginEventHandlers,
  RecordService,
  RecordServices,
  ScheduledJob,
  ScoringContribution,
  SellkitEventRegistry,
  ServicesOf,
} from './kernel/index.js';
export { defineModule, definePlugin, moduleHandle } from './kernel/index.js';
// The module kit: one copy of the mechanical parts every module needs.
export type {
  ImportCounts,
  ImportRowError,
  ImportRowsReport,
  RejectRowOptions,
  RetryOptions,
  TransactionScope,
} from './kit/index.js';
export {
  dryRun,
  importCounts,
  importRowsReport,
  isPlainObject,
  rejectImportRow,
  transactionOrDryRun,
  withRetry,
} from './kit/index.js';
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
export type { TenantStorage } from './storage/index.js';

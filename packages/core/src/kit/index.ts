// The module kit: mechanical helpers every domain module shares (dry runs, retries, import
// reports, locks, value checks), one copy each.
export { isCalendarDate } from '../calendar/calendar-date.js';
export { dryRun, transactionOrDryRun } from './dry-run.js';
export type {
  ImportCounts,
  ImportRowError,
  ImportRowsReport,
  RejectRowOptions,
} from './import-report.js';
export { importCounts, importRowsReport, rejectImportRow } from './import-report.js';
export { isPlainObject } from './is-plain-object.js';
export type { Mutex } from './mutex.js';
export { createMutex, withLock } from './mutex.js';
export type { TransactionScope } from './transaction-scope.js';
export type { RetryOptions } from './with-retry.js';
export { withRetry } from './with-retry.js';

/**
 * The `sellkit` command as an API: demo tenant generator, migrations, CSV imports and reports on
 * SQLite or PostgreSQL.
 *
 * @packageDocumentation
 * @module @sellkit/cli
 */
export { EXIT, formatError, isUsageError, usageError } from './cli/errors.js';
export type { CliIo, OutputStream } from './cli/io.js';
export { cliInvocation, exitQuietlyOnClosedPipe, processIo } from './cli/io.js';
export { DEFAULT_LOCALE, localeFromEnv, resolveLocale } from './cli/locale.js';
export { runCli } from './cli/run-cli.js';
export { runCommandLine } from './cli/run-command-line.js';
export type {
  CommandGroup,
  CommandInput,
  CommandSpec,
  OptionSpec,
  PositionalSpec,
} from './commands/command.js';
export { COMMANDS } from './commands/registry.js';
export type { CliSellkit, ComposeOptions } from './db/compose.js';
export {
  applyMigration,
  CLI_ACTOR,
  cliContext,
  composeSellkit,
  planMigration,
  sellkitModules,
} from './db/compose.js';
export type {
  DatabaseState,
  OpenDatabaseOptions,
  OpenedDatabase,
} from './db/open-database.js';
export { createStorageAdapter, inspectDatabase, openDatabase } from './db/open-database.js';
export type { DatabaseTarget } from './db/target.js';
export { maskUrl, parseDatabaseTarget } from './db/target.js';
export type {
  DemoCompanyName,
  DemoPerson,
  DemoProduct,
  DemoProfile,
  DemoRegion,
} from './generator/demo-profile.js';
export { demoProfileFor } from './generator/demo-profiles.js';
export type {
  DemoHost,
  DemoProgress,
  DemoSize,
  DemoTenantReport,
  GenerateDemoOptions,
} from './generator/generate-demo-tenant.js';
export {
  DEMO_SIZES,
  generateDemoTenant,
  ROWS_PER_COMPANY,
  sizeForRows,
} from './generator/generate-demo-tenant.js';
export { ENGLISH_PROFILE } from './generator/profile-en.js';
export { CHINESE_PROFILE } from './generator/profile-zh-cn.js';
export type { Random } from './generator/random.js';
export { createRandom } from './generator/random.js';
export type { DemoCounts } from './generator/write-company.js';
export { messagesFor } from './messages/catalogue.js';
export { en } from './messages/en.js';
export type { Messages } from './messages/messages.js';
export { zhCN } from './messages/zh-CN.js';
export type { LocaleFormat, LocaleFormatOptions } from './output/locale-format.js';
export { createLocaleFormat } from './output/locale-format.js';
export type { Localisation } from './output/localisation.js';
export { createLocalisation } from './output/localisation.js';
export type { Progress, ProgressOptions } from './output/progress.js';
export { createProgress, silentProgress } from './output/progress.js';
export type {
  CellDisplay,
  CellValue,
  ColumnKind,
  OutputFormat,
  Report,
  ReportColumn,
  ReportFact,
  ReportSection,
} from './output/report.js';
export { outputFormat, writeReport } from './output/write-report.js';
export { buildCustomersReport } from './reports/customers-report.js';
export { buildDemoSummary } from './reports/demo-summary.js';
export { buildPipelineReport } from './reports/pipeline-report.js';
export type {
  CliSettingsService,
  CliTenantSettingsRecord,
  StoredTenantSettings,
} from './settings/tenant-settings.js';
export { cliSettings, cliTenantSettings } from './settings/tenant-settings.js';

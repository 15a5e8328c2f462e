import type { Writable } from 'node:stream';
import type { Where } from '@sellkit/core';
import {
  type ClassificationExplanation,
  explainClassification,
  type ReclassifyReport,
  reclassifyCompanies,
} from './classification/explain.js';
import type { Company } from './companies/company-model.js';
import { type CompanyService, companyService } from './companies/company-service.js';
import {
  type RecodeCountriesOptions,
  type RecodeCountriesReport,
  recodeCountries,
} from './companies/recode-countries.js';
import { type ContactService, contactService } from './contacts/contact-service.js';
import {
  type ReparsePhonesOptions,
  type ReparsePhonesReport,
  reparsePhones,
} from './contacts/reparse-phones.js';
import {
  type DuplicateCandidate,
  type FindDuplicatesOptions,
  findDuplicates,
} from './duplicates/find-duplicates.js';
import { mergeCompanies } from './duplicates/merge.js';
import {
  checkColumns,
  DEFAULT_EXPORT_COLUMNS,
  exportCsvLines,
  pipeLines,
} from './export/csv-export.js';
import { type CompanyImportOptions, importCompanies } from './import/import-companies.js';
import { type ContactImportOptions, importContacts } from './import/import-contacts.js';
import type { ImportReport } from './import/import-report.js';
import type { ImportSource } from './import/run-import.js';
import { type InteractionService, interactionService } from './interactions/interaction-service.js';
import { type ReminderRunReport, runReminders } from './reminders/reminder-job.js';
import type { SegmentTarget } from './segments/segment-model.js';
import { type SegmentService, segmentService } from './segments/segment-service.js';
import { type CustomersContext, models } from './shared/context.js';
import { type TagService, tagService } from './tags/tag-service.js';

/** What a CSV export takes. */
export interface ExportOptions {
  /** A storage filter over the target (default: everything the actor may see). */
  readonly where?: Where;
  /** Columns in order (default: a sensible set per target). */
  readonly columns?: readonly string[];
  /**
   * With a writable stream: end it when the export is done (default `true`, like
   * `stream.pipeline`), so `await` returns once a file holds every row and is closed. `false`
   * leaves it open (for `process.stdout`, or to write more after the export).
   */
  readonly end?: boolean;
}

/**
 * The customers module's services, on every scoped facade as `crm.as(ctx).customers`.
 *
 * @example
 * ```ts
 * const customers = crm.as({ tenantId: 'acme', actor: { id: 'u-7', roles: ['sales-rep'] } }).customers;
 * const company = await customers.companies.create({ name: 'Cancity', industry: 'retail' });
 * await customers.interactions.log({ type: 'visit', companyId: company.id });
 * ```
 */
export interface CustomersService {
  readonly companies: CompanyService;
  readonly contacts: ContactService;
  readonly tags: TagService;
  readonly segments: SegmentService;
  readonly interactions: InteractionService;
  /** Why a company has its size class and purchase potential (which threshold, which rules). */
  explainClassification(companyId: string): Promise<ClassificationExplanation>;
  /** Re-derives every class (after a threshold or rule-set change), in batches. */
  reclassify(options?: {
    onProgress?: (report: ReclassifyReport) => void;
  }): Promise<ReclassifyReport>;
  /** Pairs of companies that may be duplicates, best first. */
  findDuplicates(options?: FindDuplicatesOptions): Promise<DuplicateCandidate[]>;
  /**
   * Merges a duplicate into a survivor, all or nothing.
   *
   * @example
   * ```ts
   * const [best] = await admin.customers.findDuplicates({ threshold: 0.6 });
   * if (best) await admin.customers.merge(best.companies[0].id, best.companies[1].id);
   * ```
   */
  merge(survivorId: string, duplicateId: string): Promise<Company>;
  /**
   * Imports companies from CSV (streaming, batched, idempotent by external id).
   *
   * @example
   * ```ts
   * const report = await admin.customers.importCompanies('accounts.csv', {
   *   mapping: MAVEN_ACCOUNTS_MAPPING,
   *   valueMaps: { industry: { technolgy: 'technology' } },
   * });
   * report.total === report.created + report.updated + report.unchanged + report.rejected.length;
   * ```
   */
  importCompanies(source: ImportSource, options: CompanyImportOptions): Promise<ImportReport>;
  /** Imports contacts from CSV; their companies must exist. */
  importContacts(source: ImportSource, options: ContactImportOptions): Promise<ImportReport>;
  /**
   * Companies or contacts as CSV lines (streamed), or written to a stream. Given a stream, the
   * promise resolves once every row is flushed to it; the stream is ended (and a file closed)
   * unless `options.end` is `false`. A stream error rejects it.
   *
   * @example
   * ```ts
   * import { createWriteStream } from 'node:fs';
   * await admin.customers.exportCsv('contact', { columns: ['firstName', 'emails'] }, createWriteStream('contacts.csv'));
   * // contacts.csv is complete and closed here
   * ```
   */
  exportCsv(target: SegmentTarget, options?: ExportOptions): AsyncIterable<string>;
  exportCsv(
    target: SegmentTarget,
    options: ExportOptions,
    writable: Writable,
  ): Promise<{ rows: number }>;
  /** Runs the reminder job now (the scheduler does this on every tick). */
  runReminders(now?: Date): Promise<ReminderRunReport>;
  /**
   * Upgrades stored phone numbers to the parsed form (contacts stored as a text list,
   * company duplicate keys), in batches with progress; numbers that still do not read are
   * listed and their records left as they were.
   *
   * @example
   * ```ts
   * const report = await admin.customers.reparsePhones({ defaultCountry: 'US' });
   * console.log(report.upgraded, report.failed);
   * ```
   */
  reparsePhones(options?: ReparsePhonesOptions): Promise<ReparsePhonesReport>;
  /**
   * Rewrites company countries stored as names (before countries were codes) as ISO codes;
   * values that do not read as one country are listed and left as they were.
   *
   * @example
   * ```ts
   * const report = await admin.customers.recodeCountries({ valueMap: { Korea: 'KR' } });
   * console.log(report.recoded, report.failed);
   * ```
   */
  recodeCountries(options?: RecodeCountriesOptions): Promise<RecodeCountriesReport>;
}

/** Builds the services for one scope. */
export function createCustomersService(ctx: CustomersContext): CustomersService {
  const { scope } = ctx;
  function exportCsv(target: SegmentTarget, options?: ExportOptions): AsyncIterable<string>;
  function exportCsv(
    target: SegmentTarget,
    options: ExportOptions,
    writable: Writable,
  ): Promise<{ rows: number }>;
  function exportCsv(
    target: SegmentTarget,
    options: ExportOptions = {},
    writable?: Writable,
  ): AsyncIterable<string> | Promise<{ rows: number }> {
    const model = target === 'contact' ? models(scope).contact : models(scope).company;
    const columns = checkColumns(
      model,
      options.columns ?? DEFAULT_EXPORT_COLUMNS[target === 'contact' ? 'contact' : 'company'],
    );
    const lines = exportCsvLines(scope, model, options.where, columns);
    return writable ? pipeLines(lines, writable, { end: options.end !== false }) : lines;
  }
  return {
    companies: companyService(ctx),
    contacts: contactService(ctx),
    tags: tagService(ctx),
    segments: segmentService(ctx),
    interactions: interactionService(ctx),
    explainClassification: (companyId) => explainClassification(ctx, companyId),
    reclassify: (options) => reclassifyCompanies(ctx, options),
    findDuplicates: (options) => findDuplicates(ctx, options),
    merge: (survivorId, duplicateId) => mergeCompanies(ctx, survivorId, duplicateId),
    importCompanies: (source, options) => importCompanies(ctx, source, options),
    importContacts: (source, options) => importContacts(ctx, source, options),
    exportCsv,
    reparsePhones: (options) => reparsePhones(ctx, options),
    recodeCountries: (options) => recodeCountries(ctx, options),
    runReminders: (now) => runReminders(scope, ctx.options.reminders, now ?? scope.clock.now()),
  };
}

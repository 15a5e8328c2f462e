import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type CsvProgress, readCsv, SellkitError, validationError } from '@sellkit/core';
import { dryRun } from '@sellkit/core/module';
import { type CustomersContext, within } from '../shared/context.js';
import { countryCode } from '../shared/country.js';
import { type ImportProgress, type ImportReport, newReport, reject } from './import-report.js';
import type { ImportMapping, ValueMaps } from './mapping.js';

/** Where an import reads from: a file path, a `file:` URL, or a readable stream. */
export type ImportSource = string | URL | Readable;

/** Options every importer takes. */
export interface ImportOptions {
  /**
   * Field → CSV column, several columns (`["Phone 1", "Phone 2"]`), a column with options
   * (`{ column, currency, multiplier, separator, by, format }`), address parts
   * (`address: { city: "City", country: "Country" }`) or a split name (`name: { split: "Full Name" }`).
   */
  readonly mapping: ImportMapping;
  /** Validate and count everything, write nothing (the run happens in a transaction that is rolled back). */
  readonly dryRun?: boolean;
  /** Called after every batch and at the end. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Raw value replacements per field, e.g. `{ industry: { technolgy: 'technology' } }`. */
  readonly valueMaps?: ValueMaps;
  /** Rows per transaction (default 500). */
  readonly batchSize?: number;
  /** Values for fields the file does not carry, used when a row creates a record. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /**
   * The country national phone numbers of this file are read in (`US`, `CN`, or a country
   * name); before the tenant's country and `customers({ defaultCountry })`.
   */
  readonly defaultCountry?: string;
}

/** One converted row waiting to be written. */
export interface PendingRow {
  readonly line: number;
  readonly input: Record<string, unknown>;
  /** The external id, when mapped. */
  readonly key: string | null;
  /** The referenced record (parent, company) as written in the file, when mapped. */
  readonly ref: string | null;
}

/** What an importer plugs into {@link runImport}. */
export interface RowImporter {
  /** Columns the header must have. */
  readonly columns: readonly string[];
  /** Field → column, to name the column of a rejected field. */
  readonly columnOf: Readonly<Record<string, string>>;
  /** Converts a CSV row; throws `VALIDATION_FAILED` for a bad cell. */
  convert(values: Readonly<Record<string, string>>, line: number, report: ImportReport): PendingRow;
  /**
   * Writes rows in the context's transaction, counting each in the report; returns the rows
   * whose reference cannot be resolved yet (they are retried after the whole file). With
   * `final`, nothing may be returned: unresolved rows are rejected.
   */
  write(
    ctx: CustomersContext,
    rows: readonly PendingRow[],
    report: ImportReport,
    final: boolean,
  ): Promise<PendingRow[]>;
}

function sourcePath(source: ImportSource): string | Readable {
  if (source instanceof URL) {
    if (source.protocol !== 'file:')
      throw validationError('source', 'only file: URLs can be read', 'invalid_source');
    return fileURLToPath(source);
  }
  if (
    typeof source === 'string' ||
    (source !== null && typeof source === 'object' && 'pipe' in source)
  )
    return source;
  throw validationError(
    'source',
    'must be a file path, a file URL or a readable stream',
    'invalid_source',
  );
}

/**
 * The import loop shared by companies and contacts: streams the CSV (constant memory, except
 * rows whose reference appears later in the file), converts rows, writes them in batches of
 * `batchSize` per transaction, retries deferred rows after the last line, reports progress,
 * and for a dry run rolls everything back.
 */
export async function runImport(
  ctx: CustomersContext,
  source: ImportSource,
  options: ImportOptions,
  importer: RowImporter,
): Promise<ImportReport> {
  const input = sourcePath(source);
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw validationError('batchSize', 'must be an integer from 1 to 10000', 'invalid_batch_size');
  }
  if (options.defaultCountry !== undefined) {
    const country = countryCode(options.defaultCountry);
    if (!('code' in country))
      throw validationError('defaultCountry', country.message, country.reason);
    ctx = { ...ctx, defaultCountry: country.code };
  }
  const report = newReport(options.dryRun === true);
  let csv: CsvProgress = { rows: 0, bytesRead: 0, totalBytes: null };
  const progress = () =>
    options.onProgress?.({
      rows: csv.rows,
      bytesRead: csv.bytesRead,
      totalBytes: csv.totalBytes,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected.length,
    });

  const execute = async (outer: CustomersContext) => {
    const flush = (rows: readonly PendingRow[], final: boolean) =>
      outer.scope.transaction((tx) => importer.write(within(outer, tx), rows, report, final));
    let batch: PendingRow[] = [];
    let deferred: PendingRow[] = [];
    for await (const row of readCsv(input, {
      requiredColumns: importer.columns,
      progressEvery: batchSize,
      onProgress: (value) => {
        csv = value;
      },
    })) {
      report.total += 1;
      csv = { ...csv, rows: report.total };
      try {
        batch.push(importer.convert(row.values, row.line, report));
      } catch (error) {
        reject(report, row.line, error, importer.columnOf);
      }
      if (batch.length >= batchSize) {
        deferred.push(...(await flush(batch, false)));
        batch = [];
        progress();
      }
    }
    deferred.push(...(await flush(batch, false)));
    // Rows whose reference came later in the file: retry while each round resolves some.
    while (deferred.length > 0) {
      const before = deferred.length;
      const next: PendingRow[] = [];
      for (let start = 0; start < deferred.length; start += batchSize) {
        next.push(...(await flush(deferred.slice(start, start + batchSize), false)));
      }
      deferred = next;
      if (deferred.length === before) {
        for (let start = 0; start < deferred.length; start += batchSize) {
          await flush(deferred.slice(start, start + batchSize), true);
        }
        deferred = [];
      }
    }
    progress();
  };

  if (report.dryRun) await dryRun(ctx.scope, (tx) => execute(within(ctx, tx)));
  else await execute(ctx);
  return report;
}

/** Refuses anything but an options object with a mapping. */
export function checkImportOptions(options: unknown): ImportOptions {
  if (options === null || typeof options !== 'object' || !('mapping' in options)) {
    throw new SellkitError('VALIDATION_FAILED', 'import options need a mapping', {
      issues: [{ path: 'mapping', message: 'is required', reason: 'missing' }],
    });
  }
  return options as ImportOptions;
}

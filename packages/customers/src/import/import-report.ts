import {
  type ImportRowError,
  type ImportRowsReport,
  importRowsReport,
  rejectImportRow,
} from '@sellkit/core/module';

/**
 * A row that was not written, and why: the core import row error (line, field, column, code,
 * reason), under the name this package has always used.
 */
export type ImportRejection = ImportRowError;

/**
 * What an import did. Every data row is counted exactly once:
 * `total = created + updated + unchanged + rejected.length`.
 */
export interface ImportReport extends ImportRowsReport {
  readonly dryRun: boolean;
  /**
   * Values outside the known vocabularies, with how many rows carry each, per field
   * (`{ industry: { technolgy: 12 } }`): map them with `valueMaps` and import again.
   */
  readonly unknownValues: Record<string, Record<string, number>>;
  /**
   * Values among `unknownValues` that name several things, with what they may mean
   * (`{ country: { Korea: ['KR', 'KP'] } }`): say which with `valueMaps`.
   */
  readonly ambiguousValues: Record<string, Record<string, readonly string[]>>;
}

/** Progress of a running import. */
export interface ImportProgress {
  /** Data rows read so far. */
  readonly rows: number;
  readonly bytesRead: number;
  readonly totalBytes: number | null;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
}

/** An empty report. */
export function newReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    ...importRowsReport(),
    unknownValues: {},
    ambiguousValues: {},
  };
}

/** Records a rejected row from an error (validation issues name the field). */
export function reject(
  report: ImportReport,
  line: number,
  error: unknown,
  columns: Readonly<Record<string, string>> = {},
): void {
  rejectImportRow(report, line, error, { columns });
}

/** Counts a value outside a vocabulary. */
export function countUnknown(report: ImportReport, field: string, value: string): void {
  const counts = report.unknownValues[field] ?? {};
  counts[value] = (counts[value] ?? 0) + 1;
  report.unknownValues[field] = counts;
}

import { isSellkitError } from '@sellkit/core';

/** A row that was not written, and why. */
export interface ImportRejection {
  /** The line in the file (the header is line 1). */
  readonly line: number;
  /** The field at fault, when one is (`email`, `parent`...). */
  readonly field: string | null;
  /** The CSV column at fault, when known. */
  readonly column: string | null;
  readonly reason: string;
}

/**
 * What an import did. Every data row is counted exactly once:
 * `total = created + updated + unchanged + rejected.length`.
 */
export interface ImportReport {
  readonly dryRun: boolean;
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  readonly rejected: ImportRejection[];
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
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
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
  if (isSellkitError(error)) {
    const issue = error.details.issues?.[0];
    const field = issue?.path ? (issue.path.split('.')[0] ?? null) : null;
    const column =
      typeof error.details.column === 'string'
        ? error.details.column
        : field
          ? (columns[field] ?? null)
          : null;
    report.rejected.push({
      line,
      field,
      column,
      reason: issue ? `${issue.path ? `${issue.path}: ` : ''}${issue.message}` : error.message,
    });
    return;
  }
  throw error;
}

/** Counts a value outside a vocabulary. */
export function countUnknown(report: ImportReport, field: string, value: string): void {
  const counts = report.unknownValues[field] ?? {};
  counts[value] = (counts[value] ?? 0) + 1;
  report.unknownValues[field] = counts;
}

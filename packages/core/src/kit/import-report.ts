import { isSellkitError } from '../errors/sellkit-error.js';

/** Created / updated / unchanged counts of one kind of imported record. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A row an import refused, and why. */
export interface ImportRowError {
  /** The line in the file (the header is line 1). */
  readonly line: number;
  /** The field at fault, when one is (`email`, `listPrice`...). */
  readonly field: string | null;
  /** The file's column at fault, when known. */
  readonly column: string | null;
  /** The error's code (`VALIDATION_FAILED`, `NOT_FOUND`...). */
  readonly code: string;
  /** What was wrong, for a person: `email: must be an email address`. */
  readonly reason: string;
}

/**
 * What a row-by-row import did. Every data row is counted exactly once:
 * `total = created + updated + unchanged + rejected.length`.
 */
export interface ImportRowsReport extends ImportCounts {
  total: number;
  readonly rejected: ImportRowError[];
}

/** How {@link rejectImportRow} names the field and column of a rejection. */
export interface RejectRowOptions {
  /** Field → column, to name the column of a rejected field. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Keep the issue's whole path as the field (`listPrice.amount`), not its first part. */
  readonly fullPath?: boolean;
}

/**
 * Zero counts.
 *
 * @example
 * ```ts
 * const reps = importCounts();
 * reps.created += 1; // { created: 1, updated: 0, unchanged: 0 }
 * ```
 */
export function importCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/**
 * An empty row-import report, to count into and collect rejections with
 * {@link rejectImportRow}.
 *
 * @example
 * ```ts
 * const report = importRowsReport();
 * report.total += 1;
 * report.created += 1;
 * ```
 */
export function importRowsReport(): ImportRowsReport {
  return { total: 0, created: 0, updated: 0, unchanged: 0, rejected: [] };
}

/**
 * Records a row refused with a `SellkitError` in `report.rejected` (the first validation issue
 * names the field, and the mapped column when `columns` has it); rethrows anything else, which
 * is a bug or an outage, not a bad row.
 *
 * @example
 * ```ts
 * const report = importRowsReport();
 * try {
 *   throw validationError('email', 'must be an email address', 'invalid_email');
 * } catch (error) {
 *   rejectImportRow(report, 3, error, { columns: { email: 'E-mail' } });
 * }
 * report.rejected[0]; // { line: 3, field: 'email', column: 'E-mail', code: 'VALIDATION_FAILED', reason: 'email: must be an email address' }
 * ```
 */
export function rejectImportRow(
  report: Pick<ImportRowsReport, 'rejected'>,
  line: number,
  error: unknown,
  options: RejectRowOptions = {},
): void {
  if (!isSellkitError(error)) throw error;
  const issue = error.details.issues?.[0];
  const path = issue?.path
    ? issue.path
    : typeof error.details.field === 'string'
      ? error.details.field
      : null;
  const field = path === null || options.fullPath ? path : (path.split('.')[0] ?? null);
  const head = path?.split('.')[0];
  const column =
    typeof error.details.column === 'string'
      ? error.details.column
      : head
        ? (options.columns?.[head] ?? null)
        : null;
  report.rejected.push({
    line,
    field,
    column,
    code: error.code,
    reason: issue ? `${issue.path ? `${issue.path}: ` : ''}${issue.message}` : error.message,
  });
}

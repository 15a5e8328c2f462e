import { type FieldIssue, SellkitError } from '../errors/sellkit-error.js';

/** Any error that is not already a SellkitError becomes `STORAGE_FAILURE`, keeping it as `cause`. */
export function asStorageError(error: unknown): SellkitError {
  if (error instanceof SellkitError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new SellkitError('STORAGE_FAILURE', `storage failed: ${message}`, {}, { cause: error });
}

/** Runs a driver call, mapping foreign errors to `STORAGE_FAILURE`. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asStorageError(error);
  }
}

const MAX_ISSUES = 100;

/** One `VALIDATION_FAILED` error carrying several issues (at most 100 are kept). */
export function validationFailure(issues: readonly FieldIssue[], model: string): SellkitError {
  const kept = issues.slice(0, MAX_ISSUES);
  const first = kept[0];
  const summary = first ? `${first.path || '(input)'}: ${first.message}` : 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new SellkitError('VALIDATION_FAILED', `${summary}${more}`, {
    model,
    issues: kept,
    ...(issues.length > MAX_ISSUES ? { truncated: issues.length - MAX_ISSUES } : {}),
  });
}

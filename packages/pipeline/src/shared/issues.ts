import { type FieldIssue, SellkitError, type SellkitErrorDetails } from '@sellkit/core';

/** Collects field problems and throws them together as one `VALIDATION_FAILED`. */
export interface IssueList {
  add(path: string, message: string, reason: string): void;
  readonly issues: readonly FieldIssue[];
  throwIfAny(details?: SellkitErrorDetails): void;
}

/** Creates an {@link IssueList}. */
export function issueList(): IssueList {
  const issues: FieldIssue[] = [];
  return {
    issues,
    add(path, message, reason) {
      issues.push({ path, message, reason });
    },
    throwIfAny(details = {}) {
      const first = issues[0];
      if (!first) return;
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
      throw new SellkitError('VALIDATION_FAILED', `${first.path}: ${first.message}${more}`, {
        ...details,
        issues: [...issues],
      });
    },
  };
}

/** True for a plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Refuses anything but a plain object as a service input. */
export function requireObject(
  value: unknown,
  what: string,
  model: string,
): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new SellkitError('VALIDATION_FAILED', `${what} must be an object`, {
      model,
      issues: [{ path: '', message: `${what} must be an object`, reason: 'invalid_type' }],
    });
  }
  return value;
}

/** A `NOT_FOUND` error for one record. */
export function notFound(model: string, id: string): SellkitError {
  return new SellkitError('NOT_FOUND', `${model} ${id} does not exist`, { model, id });
}

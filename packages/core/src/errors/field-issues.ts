import {
  type FieldIssue,
  SellkitError,
  type SellkitErrorDetails,
  validationError,
} from './sellkit-error.js';

/**
 * Collects field problems and throws them together, so a form can show every bad field at
 * once instead of one per round trip.
 */
export interface IssueList {
  /** Records one problem; nothing is thrown until {@link IssueList.throwIfAny}. */
  add(path: string, message: string, reason: string): void;
  /** The problems collected so far, in the order they were added. */
  readonly issues: readonly FieldIssue[];
  /** Throws `VALIDATION_FAILED` with every collected issue, if any; `details` ride along. */
  throwIfAny(details?: SellkitErrorDetails): void;
}

/**
 * Creates an empty {@link IssueList}.
 *
 * @example
 * ```ts
 * const input = { name: '', discount: 120 };
 * const issues = issueList();
 * if (!input.name) issues.add('name', 'is required', 'required');
 * if (input.discount > 100) issues.add('discount', 'must be at most 100', 'too_big');
 * issues.throwIfAny({ model: 'product' }); // one error naming both fields
 * ```
 */
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
      const where = first.path ? `${first.path}: ` : '';
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
      // A copy, so adding to the list after the throw cannot change a caught error.
      throw new SellkitError('VALIDATION_FAILED', `${where}${first.message}${more}`, {
        ...details,
        issues: [...issues],
      });
    },
  };
}

/**
 * Returns `value` as a record, or throws `VALIDATION_FAILED` (reason `invalid_type`, path `''`
 * for the whole input) when it is not an object. Call it first in a service method, so bad
 * input never reaches code that would fail with a TypeError.
 *
 * @param what - how the message names the input, e.g. `a company`, `a patch`.
 * @param model - the model concerned, copied into the error details when given.
 *
 * @example
 * ```ts
 * const raw = requireObject(JSON.parse('{"name":"Cancity"}'), 'a company', 'company');
 * raw.name; // unknown until checked
 * // requireObject(null, 'a company', 'company') throws "a company must be an object"
 * ```
 */
export function requireObject(
  value: unknown,
  what: string,
  model?: string,
): Record<string, unknown> {
  // Any object will do here (a host's DTO class too): its fields are validated afterwards.
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw validationError(
    '',
    `${what} must be an object`,
    'invalid_type',
    model === undefined ? {} : { model },
  );
}

/**
 * A `NOT_FOUND` error for one record addressed by id. Give `path` when the id came from an
 * input field, so the error also carries an issue pointing at that field.
 *
 * @example
 * ```ts
 * import { product } from '@sellkit/catalog';
 * const found = await storage.get(product, id);
 * if (!found) throw notFound('product', id);
 * // with an issue at `repId`: notFound('rep', repId, 'repId')
 * ```
 */
export function notFound(model: string, id: string, path?: string): SellkitError {
  const details: SellkitErrorDetails = { model, id };
  if (path !== undefined) {
    details.issues = [{ path, message: `no ${model} ${id}`, reason: 'not_found' }];
  }
  return new SellkitError('NOT_FOUND', `${model} ${id} does not exist`, details);
}

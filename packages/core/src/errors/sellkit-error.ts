import type { ZodError } from 'zod';

/**
 * The stable error codes Sellkit raises. Codes are part of the public API: hosts switch on
 * them, so a code is never renamed or reused for another meaning.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'INVALID_STATE',
  'CURRENCY_MISMATCH',
  'MISSING_CONTEXT',
  'STORAGE_FAILURE',
  'CONFIGURATION_INVALID',
  'UNSUPPORTED',
] as const;

/** One of {@link ERROR_CODES}. */
export type SellkitErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field, addressed by its dotted path (`lines.0.quantity`). */
export interface FieldIssue {
  path: string;
  message: string;
  /** A short machine-readable reason, e.g. `too_big`, `unknown_field`, `invalid_type`. */
  reason: string;
}

/** Structured details carried by a {@link SellkitError}. All members are optional. */
export interface SellkitErrorDetails {
  /** Field-level problems, for `VALIDATION_FAILED`. */
  issues?: FieldIssue[];
  /** The model (entity) concerned, e.g. `customer`. */
  model?: string;
  /** The record concerned. */
  id?: string;
  /** Anything else a caller may want to show or log. */
  [key: string]: unknown;
}

/**
 * The most characters of the offending input an error repeats: longer messages, issue paths and
 * issue messages are cut (with a note of how much was left out), so a hostile or accidental
 * megabyte-long field name cannot make a megabyte-long error, log line or HTTP response.
 */
export const ERROR_TEXT_LIMITS = Object.freeze({
  /** `error.message`. */
  message: 1_000,
  /** Each `details.issues[].path`. */
  path: 200,
  /** Each `details.issues[].message`. */
  issueMessage: 500,
  /** The number of `details.issues` kept; `details.omittedIssues` counts the rest. */
  issues: 1_000,
});

/**
 * Cuts `text` to at most `max` characters plus a note of how many were left out.
 *
 * @example
 * ```ts
 * clipText('x'.repeat(10_000), 20); // 'xxxxxxxxxxxxxxxxxxxx… (9980 more characters)'
 * clipText('short', 20);            // 'short'
 * ```
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

function clipDetails(details: SellkitErrorDetails): SellkitErrorDetails {
  const issues = details.issues;
  if (!Array.isArray(issues)) return details;
  const kept = issues.slice(0, ERROR_TEXT_LIMITS.issues).map((issue) => ({
    ...issue,
    path: clipText(String(issue.path), ERROR_TEXT_LIMITS.path),
    message: clipText(String(issue.message), ERROR_TEXT_LIMITS.issueMessage),
  }));
  const omitted = issues.length - kept.length;
  return { ...details, issues: kept, ...(omitted > 0 ? { omittedIssues: omitted } : {}) };
}

/**
 * The only error class Sellkit throws on purpose. Switch on `code`, read `details`, and find
 * the underlying driver or library error in `cause`.
 *
 * @example
 * ```ts
 * try {
 *   await crm.as(ctx).customers.companies.update(id, { industry: 'medical' }, { expectedVersion: 3 });
 * } catch (error) {
 *   if (isSellkitError(error, 'CONFLICT')) console.log('changed meanwhile: reload and retry');
 *   else throw error;
 * }
 * ```
 */
export class SellkitError extends Error {
  override readonly name = 'SellkitError';
  readonly code: SellkitErrorCode;
  readonly details: SellkitErrorDetails;

  constructor(
    code: SellkitErrorCode,
    message: string,
    details: SellkitErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(
      clipText(String(message), ERROR_TEXT_LIMITS.message),
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    // Every error and issue list is built through here, so this is where echoes are capped.
    this.details = clipDetails(details);
  }

  /** A plain, JSON-safe view (no cause, no stack) for logs and HTTP responses. */
  toJSON(): {
    name: string;
    code: SellkitErrorCode;
    message: string;
    details: SellkitErrorDetails;
  } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/**
 * True when `error` is a {@link SellkitError}, optionally with the given code.
 *
 * @example
 * ```ts
 * try {
 *   await rep.customers.companies.get('com_missing');
 * } catch (error) {
 *   if (isSellkitError(error, 'NOT_FOUND')) console.log(error.details);
 *   else throw error;
 * }
 * ```
 */
export function isSellkitError(error: unknown, code?: SellkitErrorCode): error is SellkitError {
  return error instanceof SellkitError && (code === undefined || error.code === code);
}

/**
 * Builds a `VALIDATION_FAILED` error for one field.
 *
 * @example
 * ```ts
 * const discount = 120;
 * if (discount > 100) throw validationError('discount', 'must be at most 100', 'too_big');
 * // SellkitError VALIDATION_FAILED, details.issues: [{ path: 'discount', ... }]
 * ```
 */
export function validationError(
  path: string,
  message: string,
  reason = 'invalid',
  details: SellkitErrorDetails = {},
): SellkitError {
  return new SellkitError('VALIDATION_FAILED', `${path ? `${path}: ` : ''}${message}`, {
    ...details,
    issues: [{ path, message, reason }],
  });
}

/**
 * Turns a zod error into `VALIDATION_FAILED` with one issue per field path (one per unknown key
 * too, reason `unknown_field`). `pathPrefix` places the paths inside a larger input; the zod
 * error stays reachable as `cause`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const schema = z.strictObject({ name: z.string().min(1), employees: z.number().int() });
 * const parsed = schema.safeParse({ name: '', employees: 1.5 });
 * if (!parsed.success) throw fromZodError(parsed.error, { model: 'customer' });
 * ```
 */
export function fromZodError(
  error: ZodError,
  details: SellkitErrorDetails = {},
  pathPrefix = '',
): SellkitError {
  const issues: FieldIssue[] = error.issues.flatMap((issue): FieldIssue[] => {
    const base = [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
      // One issue per key, so a form can point at each offending field.
      return issue.keys.map((key) => ({
        path: [base, key].filter(Boolean).join('.'),
        message: `unknown field ${key}`,
        reason: 'unknown_field',
      }));
    }
    // Custom checks name their own stable reason (`too_precise`, `not_found`...) in params.
    const custom = issue.code === 'custom' ? issue.params?.reason : undefined;
    const reason = typeof custom === 'string' ? custom : issue.code;
    return [{ path: base, message: issue.message, reason }];
  });
  const first = issues[0];
  const summary = first ? `${first.path || '(input)'}: ${first.message}` : 'invalid input';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new SellkitError(
    'VALIDATION_FAILED',
    `${summary}${more}`,
    { ...details, issues },
    { cause: error },
  );
}

import { isSellkitError, type SellkitErrorCode } from '@sellkit/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** One problem with one input field, as in `SellkitError.details.issues`. */
export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
  readonly reason: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly issues?: readonly ErrorIssue[];
  };
}

/**
 * HTTP status per `SellkitError` code. Decisions worth knowing:
 *
 * - `VALIDATION_FAILED` is 422 (the JSON was read but its content is refused), whether the
 *   request schema or Sellkit refused it; a body that is not JSON at all is 400.
 * - `INVALID_TRANSITION` is 409: the request is fine, the record's current state forbids it
 *   (a closed deal moved, a move the stage does not allow).
 * - `CURRENCY_MISMATCH` is 422 (content refused); `MISSING_CONTEXT` is 401.
 * - `STORAGE_FAILURE` and `CONFIGURATION_INVALID` are 500 without the details.
 */
export const STATUS_BY_CODE: Readonly<Record<SellkitErrorCode, ContentfulStatusCode>> = {
  VALIDATION_FAILED: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  INVALID_TRANSITION: 409,
  INVALID_STATE: 409,
  CURRENCY_MISMATCH: 422,
  MISSING_CONTEXT: 401,
  STORAGE_FAILURE: 500,
  CONFIGURATION_INVALID: 500,
  UNSUPPORTED: 501,
};

const HIDDEN: ReadonlySet<SellkitErrorCode> = new Set(['STORAGE_FAILURE', 'CONFIGURATION_INVALID']);

/** An error response: `{ error: { code, message, issues? } }` with its status. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues?: readonly ErrorIssue[],
): Response {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return c.json(body, status);
}

/** The 422 for a request the route's zod schema refused; paths are prefixed off the body. */
export function requestValidationResponse(c: Context, target: string, error: ZodError): Response {
  const issues = error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return {
      path: target === 'json' ? path : [target, path].filter(Boolean).join('.'),
      message: issue.message,
      reason: issue.code,
    };
  });
  const first = issues[0];
  const message = first ? `${first.path || target}: ${first.message}` : 'invalid request';
  return errorResponse(c, 422, 'VALIDATION_FAILED', message, issues);
}

/** The service's `onError`: Sellkit errors by code, Hono's own exceptions, anything else 500. */
export function handleError(error: unknown, c: Context): Response {
  if (isSellkitError(error)) {
    const status = STATUS_BY_CODE[error.code];
    if (HIDDEN.has(error.code)) {
      console.error(error);
      return errorResponse(c, status, error.code, 'the service failed; see its log');
    }
    return errorResponse(c, status, error.code, error.message, error.details.issues);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 401 ? 'UNAUTHENTICATED' : 'BAD_REQUEST';
    return errorResponse(c, error.status, code, error.message);
  }
  console.error(error);
  return errorResponse(c, 500, 'INTERNAL', 'the service failed; see its log');
}

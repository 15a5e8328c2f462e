import { expect } from 'vitest';
import { isSellkitError, type SellkitError } from '../errors/sellkit-error.js';

/**
 * Awaits a promise that must fail with a `SellkitError` of `code` (and, when `path` is given,
 * a validation issue at that path); returns the error for further checks. Inside a Vitest test.
 *
 * @example
 * ```ts
 * import { validationError } from '@sellkit/core';
 *
 * const error = await expectSellkitError(
 *   Promise.reject(validationError('email', 'must be an email address', 'invalid_email')),
 *   'VALIDATION_FAILED',
 *   'email',
 * );
 * error.details.issues?.[0]?.reason; // 'invalid_email'
 * ```
 */
export async function expectSellkitError(
  promise: Promise<unknown>,
  code: string,
  path?: string,
): Promise<SellkitError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isSellkitError(error), `expected SellkitError ${code}, got ${String(error)}`).toBe(true);
  const sellkit = error as SellkitError;
  expect(sellkit.code, String(error)).toBe(code);
  if (path !== undefined) {
    expect(
      sellkit.details.issues?.map((issue) => issue.path),
      String(error),
    ).toContain(path);
  }
  return sellkit;
}

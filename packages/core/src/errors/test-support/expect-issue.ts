import { expect } from 'vitest';
import { isSellkitError } from '../sellkit-error.js';

/** Runs `action`, which must throw `VALIDATION_FAILED` with exactly one issue at `path`. */
export function expectIssue(action: () => unknown, path: string, reason: string): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(isSellkitError(thrown, 'VALIDATION_FAILED')).toBe(true);
  if (isSellkitError(thrown)) {
    expect(thrown.details.issues).toEqual([{ path, reason, message: expect.any(String) }]);
  }
}

import { type SellkitError, validationError } from '@sellkit/core';

/** `VALIDATION_FAILED` for an id that names no record of `model`. */
export function unknownReference(path: string, model: string, id: unknown): SellkitError {
  if (typeof id !== 'string') return validationError(path, 'must be an id', 'invalid_type');
  return validationError(path, `no ${model} ${id} exists`, 'unknown_reference', { model, id });
}

/** `VALIDATION_FAILED` for work given to a rep who is no longer active. */
export function inactiveRep(path: string, repId: string): SellkitError {
  return validationError(path, `rep ${repId} is inactive`, 'inactive_rep', {
    model: 'rep',
    id: repId,
  });
}

/** Throws `VALIDATION_FAILED` unless `value` is a non-empty string id. */
export function requireId(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
    throw validationError(path, 'must be a non-empty id', 'invalid_type');
  }
  return value;
}

/**
 * Reads an optional options argument: `undefined` and `null` mean none; anything but a plain
 * object is `VALIDATION_FAILED` naming `path` (never a TypeError further down).
 */
export function optionsOf<T extends object>(value: T | null | undefined, path = 'options'): T {
  if (value === undefined || value === null) return {} as T;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw validationError(path, 'must be an object', 'invalid_type');
  }
  return value;
}

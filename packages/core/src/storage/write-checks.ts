import type { Clock } from '../context/clock.js';
import { SellkitError, validationError } from '../errors/sellkit-error.js';
import type { DriverSession, FlatRow } from './driver.js';
import { asStorageError, guard } from './guard.js';
import type { ModelInfo } from './model-info.js';

export { isPlainObject } from '../kit/is-plain-object.js';

import { isPlainObject } from '../kit/is-plain-object.js';

/** A record-like object. */
export type Loose = Record<string, unknown>;

/** The clock's time as a fresh Date; an invalid clock is `CONFIGURATION_INVALID`. */
export function now(clock: Clock): Date {
  const value = clock.now();
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new SellkitError('CONFIGURATION_INVALID', 'the clock returned an invalid date');
  }
  return new Date(value.getTime());
}

/** A valid `expectedVersion` (a positive safe integer), or undefined when absent. */
export function checkVersion(expected: unknown, path = 'expectedVersion'): number | undefined {
  if (expected === undefined) return undefined;
  if (typeof expected !== 'number' || !Number.isSafeInteger(expected) || expected < 1) {
    throw validationError(path, 'must be a positive integer', 'invalid_type');
  }
  return expected;
}

/** The `expectedVersion` of write options, checked; unknown options are refused. */
export function checkExpectedVersion(options: unknown): number | undefined {
  if (options === undefined || options === null) return undefined;
  if (!isPlainObject(options))
    throw validationError('options', 'must be an object', 'invalid_type');
  for (const key of Object.keys(options)) {
    if (key !== 'expectedVersion')
      throw validationError(`options.${key}`, `unknown option ${key}`, 'unknown_field');
  }
  return checkVersion(options.expectedVersion);
}

/** `CONFLICT`: the record's version is not the one the caller read. */
export function stale(
  info: ModelInfo,
  id: string,
  expectedVersion: number,
  actualVersion: number | null,
): SellkitError {
  return new SellkitError(
    'CONFLICT',
    `${info.model.name} ${id} was changed by someone else (expected version ${expectedVersion}${actualVersion === null ? '' : `, found ${actualVersion}`})`,
    { model: info.model.name, id, expectedVersion, actualVersion },
  );
}

/** `NOT_FOUND` for one record. */
export function notFound(info: ModelInfo, id: string): SellkitError {
  return new SellkitError('NOT_FOUND', `no ${info.model.name} with id ${id}`, {
    model: info.model.name,
    id,
  });
}

/** The version of a driver row; a row without one is a driver fault. */
export function versionOf(row: FlatRow): number {
  const version = Number(row.version);
  if (!Number.isSafeInteger(version))
    throw asStorageError(new Error('the driver returned a row without a version'));
  return version;
}

/** A string id of sane length, or `VALIDATION_FAILED` at `path`. */
export function checkId(id: unknown, path = 'id'): string {
  if (typeof id !== 'string' || id.length > 200)
    throw validationError(path, 'must be a record id', 'invalid_type');
  return id;
}

/** Runs `work` in the session's transaction, opening one when there is none. */
export function atomically<T>(
  session: DriverSession,
  work: (session: DriverSession) => Promise<T>,
): Promise<T> {
  return guard(() => (session.inTransaction ? work(session) : session.transaction(work)));
}

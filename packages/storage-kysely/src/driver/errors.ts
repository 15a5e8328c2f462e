import { isSellkitError, SellkitError } from '@sellkit/core';
import type { SqlDialect } from '../dialects/dialect.js';

/**
 * Maps whatever a database driver threw to the driver contract: unique violations are
 * `CONFLICT`, anything else is `STORAGE_FAILURE` with the original error as `cause`.
 */
export function storageError(
  error: unknown,
  dialect: SqlDialect,
  context: { table?: string; operation: string },
): SellkitError {
  if (isSellkitError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (dialect.isUniqueViolation(error)) {
    const constraint = (error as { constraint?: unknown }).constraint;
    return new SellkitError(
      'CONFLICT',
      `${context.table ?? 'storage'}: a unique value is already taken`,
      {
        ...(context.table === undefined ? {} : { table: context.table }),
        ...(typeof constraint === 'string' ? { constraint } : {}),
        reason: 'unique_violation',
      },
      { cause: error },
    );
  }
  return new SellkitError(
    'STORAGE_FAILURE',
    `${context.operation}${context.table ? ` on ${context.table}` : ''} failed: ${message}`,
    {
      ...(context.table === undefined ? {} : { table: context.table }),
      operation: context.operation,
    },
    { cause: error },
  );
}

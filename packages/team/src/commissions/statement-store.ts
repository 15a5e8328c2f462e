import { Money } from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';
import type { CommissionStatement } from './statement-types.js';

/** A statement as JSON: Money as `{ amount, currency }` (exact decimal text). */
export function statementJson(statement: CommissionStatement): unknown {
  return JSON.parse(JSON.stringify(statement));
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && typeof value.amount === 'string' && typeof value.currency === 'string')
    return Money.of(value.amount, value.currency);
  return Object.fromEntries(keys.map((key) => [key, revive(value[key])]));
}

/** A frozen statement read back: Money values restored, status `closed`. */
export function statementFromJson(body: unknown): CommissionStatement {
  const statement = revive(body) as CommissionStatement;
  return { ...statement, status: 'closed' };
}

import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { isCalendarDate } from '../calendar/calendar-date.js';
import { isSellkitError } from '../errors/sellkit-error.js';
import { isId } from '../ids/ids.js';
import { isPlainObject } from '../kit/is-plain-object.js';
import { MAX_MONEY_INTEGER_DIGITS } from '../money/currencies.js';
import { Money, toDecimal } from '../money/money.js';
import type { AnyField } from './fields.js';
import { type Ctx, describeType, fail, type IssueSink } from './issue-sink.js';
import { jsonCheck } from './json-value.js';
import {
  canonicalDecimal,
  codePointLength,
  integerDigits,
  isStorableDate,
  isStorableString,
  parseTimestamp,
} from './value-checks.js';

/**
 * `record` checks everything a stored value must satisfy; `filter` checks only what makes a
 * value comparable with the field (type, scale, enum membership), not bounds, lengths or formats:
 * `{ email: { contains: '@acme' } }` is a fine filter on an e-mail field.
 */
export type { IssueSink } from './issue-sink.js';

export type FieldSchemaMode = 'record' | 'filter';

/** Stored money amounts: at most this many digits before the point (see layout.ts). */

const EMAIL =
  /^[^\s@"<>(),;:\\[\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const PHONE = /^\+?[0-9 ().\-/]{3,32}$/;

function formatProblem(format: 'email' | 'url' | 'phone', value: string): string | null {
  switch (format) {
    case 'email':
      return value.length <= 254 && EMAIL.test(value) ? null : 'must be an e-mail address';
    case 'phone': {
      const digits = value.replace(/\D/g, '').length;
      return PHONE.test(value) && digits >= 3 && digits <= 20 ? null : 'must be a phone number';
    }
    case 'url': {
      if (/\s/.test(value)) return 'must be an http(s) URL';
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
          ? null
          : 'must be an http(s) URL';
      } catch {
        return 'must be an http(s) URL';
      }
    }
  }
}

function checkText(definition: AnyField, mode: FieldSchemaMode, value: unknown, ctx: Ctx): string {
  if (typeof value !== 'string') {
    return fail(ctx, 'invalid_type', `must be a string, not ${describeType(value)}`);
  }
  if (!isStorableString(value)) {
    return fail(ctx, 'invalid_string', 'must not contain NUL characters or lone surrogates');
  }
  if (mode === 'record') {
    const max = definition.maxLength ?? 1000;
    if (value.length > max && codePointLength(value) > max) {
      return fail(ctx, 'too_big', `must be at most ${max} characters`);
    }
    const min = definition.minLength;
    if (min !== undefined && codePointLength(value) < min) {
      return fail(ctx, 'too_small', `must be at least ${min} characters`);
    }
    const problem = definition.format ? formatProblem(definition.format, value) : null;
    if (problem) return fail(ctx, 'invalid_format', problem);
  }
  return value;
}

function checkInteger(
  definition: AnyField,
  mode: FieldSchemaMode,
  value: unknown,
  ctx: Ctx,
): number {
  let number: number;
  if (
    typeof value === 'bigint' &&
    value >= Number.MIN_SAFE_INTEGER &&
    value <= Number.MAX_SAFE_INTEGER
  ) {
    number = Number(value);
  } else if (typeof value === 'number' && Number.isSafeInteger(value)) {
    number = value === 0 ? 0 : value;
  } else {
    return fail(ctx, 'invalid_type', 'must be a safe integer');
  }
  if (mode === 'record') {
    if (typeof definition.min === 'number' && number < definition.min) {
      return fail(ctx, 'too_small', `must be at least ${definition.min}`);
    }
    if (typeof definition.max === 'number' && number > definition.max) {
      return fail(ctx, 'too_big', `must be at most ${definition.max}`);
    }
  }
  return number;
}

function parseExact(value: unknown, ctx: Ctx, path?: (string | number)[]): Decimal | null {
  if (
    typeof value !== 'string' &&
    typeof value !== 'bigint' &&
    typeof value !== 'number' &&
    !Decimal.isDecimal(value)
  ) {
    fail(ctx, 'invalid_type', 'must be a decimal string such as "12.50"', path);
    return null;
  }
  try {
    return toDecimal(value as string, '');
  } catch (error) {
    if (!isSellkitError(error)) throw error;
    const issue = error.details.issues?.[0];
    fail(ctx, issue?.reason ?? 'invalid_decimal', issue?.message ?? error.message, path);
    return null;
  }
}

function boundOf(bound: number | string | undefined): Decimal | undefined {
  return bound === undefined ? undefined : toDecimal(bound, 'bound');
}

function decimalCheck(definition: AnyField, mode: FieldSchemaMode) {
  const scale = definition.scale ?? 2;
  const precision = definition.precision ?? 18;
  const min = boundOf(definition.min);
  const max = boundOf(definition.max);
  return (value: unknown, ctx: Ctx): string => {
    const parsed = parseExact(value, ctx);
    if (!parsed) return z.NEVER as never;
    if (parsed.decimalPlaces() > scale) {
      return fail(ctx, 'too_precise', `allows at most ${scale} decimals`);
    }
    if (integerDigits(parsed) > precision - scale) {
      return fail(ctx, 'too_big', `allows at most ${precision - scale} digits before the point`);
    }
    if (mode === 'record') {
      if (min && parsed.lessThan(min)) return fail(ctx, 'too_small', `must be at least ${min}`);
      if (max && parsed.greaterThan(max)) return fail(ctx, 'too_big', `must be at most ${max}`);
    }
    return canonicalDecimal(parsed, scale);
  };
}

function checkMoney(value: unknown, ctx: Ctx): Money {
  let money: Money;
  if (value instanceof Money) {
    money = value;
  } else if (isPlainObject(value)) {
    const extra = Object.keys(value).filter((key) => key !== 'amount' && key !== 'currency');
    if (extra.length > 0) {
      for (const key of extra) fail(ctx, 'unknown_field', `unknown field ${key}`, [key]);
      return z.NEVER as never;
    }
    const amount = parseExact(value.amount, ctx, ['amount']);
    if (!amount) return z.NEVER as never;
    if (typeof value.currency !== 'string') {
      return fail(ctx, 'invalid_type', 'must be an ISO 4217 currency code', ['currency']);
    }
    try {
      money = Money.of(amount.toFixed(), value.currency);
    } catch (error) {
      if (!isSellkitError(error)) throw error;
      const issue = error.details.issues?.[0];
      const path = issue?.path === 'currency' ? 'currency' : 'amount';
      return fail(ctx, issue?.reason ?? 'invalid', issue?.message ?? error.message, [path]);
    }
  } else {
    return fail(ctx, 'invalid_type', 'must be Money or { amount, currency }');
  }
  if (integerDigits(money.toDecimal()) > MAX_MONEY_INTEGER_DIGITS) {
    return fail(
      ctx,
      'too_big',
      `allows at most ${MAX_MONEY_INTEGER_DIGITS} digits before the point`,
    );
  }
  return money;
}

function checkTimestamp(value: unknown, ctx: Ctx): Date {
  if (value instanceof Date) {
    if (isStorableDate(value)) return new Date(value.getTime());
    return fail(ctx, 'invalid_date', 'must be a valid date between the years 1 and 9999');
  }
  if (typeof value === 'string') {
    const parsed = parseTimestamp(value);
    if (parsed) return parsed;
    return fail(
      ctx,
      'invalid_date',
      'must be an ISO-8601 instant with a zone, e.g. 2026-03-05T10:00:00Z',
    );
  }
  return fail(ctx, 'invalid_type', 'must be a Date or an ISO-8601 string');
}

function textListCheck(definition: AnyField, mode: FieldSchemaMode) {
  const maxItems = definition.maxItems ?? 100;
  const maxLength = definition.maxLength ?? 200;
  return (value: unknown, ctx: Ctx): string[] => {
    if (!Array.isArray(value)) return fail(ctx, 'invalid_type', 'must be a list of strings');
    if (mode === 'record' && value.length > maxItems) {
      return fail(ctx, 'too_big', `must have at most ${maxItems} items`);
    }
    const copy: string[] = [];
    value.forEach((item: unknown, index) => {
      if (typeof item !== 'string') {
        fail(ctx, 'invalid_type', 'must be a string', [index]);
      } else if (!isStorableString(item)) {
        fail(ctx, 'invalid_string', 'must not contain NUL characters or lone surrogates', [index]);
      } else if (
        mode === 'record' &&
        item.length > maxLength &&
        codePointLength(item) > maxLength
      ) {
        fail(ctx, 'too_big', `must be at most ${maxLength} characters`, [index]);
      } else {
        copy.push(item);
      }
    });
    return copy;
  };
}

function valueCheck(
  definition: AnyField,
  mode: FieldSchemaMode,
): (value: unknown, ctx: Ctx) => unknown {
  switch (definition.kind) {
    case 'text':
      return (value, ctx) => checkText(definition, mode, value, ctx);
    case 'integer':
      return (value, ctx) => checkInteger(definition, mode, value, ctx);
    case 'decimal':
      return decimalCheck(definition, mode);
    case 'money':
      return checkMoney;
    case 'boolean':
      return (value, ctx) =>
        typeof value === 'boolean' ? value : fail(ctx, 'invalid_type', 'must be true or false');
    case 'date':
      return (value, ctx) =>
        isCalendarDate(value)
          ? value
          : fail(ctx, 'invalid_date', 'must be a calendar date as YYYY-MM-DD');
    case 'timestamp':
      return checkTimestamp;
    case 'enum': {
      const values = definition.values ?? [];
      return (value, ctx) =>
        typeof value === 'string' && values.includes(value)
          ? value
          : fail(ctx, 'invalid_value', `must be one of ${values.join(', ')}`);
    }
    case 'json':
      return jsonCheck(definition);
    case 'textList':
      return textListCheck(definition, mode);
    case 'reference':
      return (value, ctx) =>
        isId(value) ? value : fail(ctx, 'invalid_format', 'must be a record id');
  }
}

/** Checks and converts one non-null value, reporting problems to the sink (then the result is unusable). */
export type FieldCheck = (value: unknown, sink: IssueSink) => unknown;

const checks = new WeakMap<AnyField, Partial<Record<FieldSchemaMode, FieldCheck>>>();
const cache = new WeakMap<AnyField, Partial<Record<FieldSchemaMode, z.ZodType<unknown>>>>();

/**
 * The plain check behind {@link fieldValueSchema}: the same rules without zod's per-value
 * overhead, for hot paths that validate many rows.
 */
export function fieldValueCheck(
  definition: AnyField,
  mode: FieldSchemaMode = 'record',
): FieldCheck {
  const cached = checks.get(definition)?.[mode];
  if (cached) return cached;
  const check = valueCheck(definition, mode);
  checks.set(definition, { ...checks.get(definition), [mode]: check });
  return check;
}

/**
 * The zod schema of one field's value (never null: callers add `.nullable()` where a field may
 * be cleared). It converts as it checks: decimals become canonical strings with the field's
 * scale, `{ amount, currency }` becomes `Money`, ISO strings become `Date`, JSON and lists are
 * copied.
 *
 * @example
 * ```ts
 * fieldValueSchema(field.decimal({ scale: 2 })).parse(12); // "12.00"
 * fieldValueSchema(field.text({ maxLength: 3 })).safeParse('long').success; // false
 * ```
 */
export function fieldValueSchema(
  definition: AnyField,
  mode: FieldSchemaMode = 'record',
): z.ZodType<unknown> {
  const cached = cache.get(definition)?.[mode];
  if (cached) return cached;
  const check = fieldValueCheck(definition, mode);
  const schema = z.unknown().transform((value, ctx) => {
    if (value === undefined || value === null) return fail(ctx, 'required', 'is required');
    return check(value, ctx);
  });
  cache.set(definition, { ...cache.get(definition), [mode]: schema });
  return schema;
}

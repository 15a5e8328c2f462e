import { z } from 'zod';
import { isPlainObject } from '../kit/is-plain-object.js';
import type { AnyField } from './fields.js';
import { type Ctx, describeType, fail } from './issue-sink.js';
import { isStorableString } from './value-checks.js';

const JSON_MAX_DEPTH = 64;

/**
 * Deep-copies a JSON value, reporting why a part of it is not JSON. `path` is one stack shared
 * by the whole walk (pushed and popped), copied only when a problem is reported: building a
 * path array per node made validating a 300-byte explanation cost more than storing it.
 */
function copyJson(value: unknown, path: (string | number)[], ctx: Ctx): unknown {
  if (path.length > JSON_MAX_DEPTH) {
    return fail(
      ctx,
      'invalid_json',
      `nests deeper than ${JSON_MAX_DEPTH} levels (or is circular)`,
      [...path],
    );
  }
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      return fail(ctx, 'invalid_json', 'must be a finite number', [...path]);
    return value === 0 ? 0 : value;
  }
  if (typeof value === 'string') {
    if (!isStorableString(value)) {
      return fail(ctx, 'invalid_string', 'must not contain NUL characters or lone surrogates', [
        ...path,
      ]);
    }
    return value;
  }
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      copy[index] = copyJson(value[index], path, ctx);
      path.pop();
    }
    return copy;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue; // JSON drops undefined members too
      if (!isStorableString(key)) {
        return fail(ctx, 'invalid_string', 'keys must not contain NUL characters', [...path]);
      }
      path.push(key);
      const inner = copyJson(item, path, ctx);
      path.pop();
      // A plain assignment to "__proto__" would change the copy's prototype instead.
      if (key === '__proto__') {
        Object.defineProperty(copy, key, {
          value: inner,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else copy[key] = inner;
    }
    return copy;
  }
  return fail(ctx, 'invalid_json', `${describeType(value)} is not a JSON value`, [...path]);
}

/** The check of a `json` field: a JSON copy, then the field's own schema when it has one. */
export function jsonCheck(definition: AnyField) {
  const schema = definition.schema;
  return (value: unknown, ctx: Ctx): unknown => {
    const copy = copyJson(value, [], ctx);
    if (!schema) return copy;
    const parsed = schema.safeParse(copy);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        fail(
          ctx,
          issue.code,
          issue.message,
          issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        );
      }
      return z.NEVER;
    }
    // The schema may transform; what is stored must still be JSON.
    return copyJson(parsed.data, [], ctx);
  };
}

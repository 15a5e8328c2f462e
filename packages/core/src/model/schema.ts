import { z } from 'zod';
import { type FieldIssue, fromZodError, type SellkitError } from '../errors/sellkit-error.js';
import { isId } from '../ids/ids.js';
import { isPlainObject } from '../kit/is-plain-object.js';
import type { AnyModel } from './define-model.js';
import {
  type FieldCheck,
  fieldValueCheck,
  fieldValueSchema,
  type IssueSink,
} from './field-schema.js';
import type { AnyField } from './fields.js';

/** A validated record or patch: field name → converted value. */
export type ValidatedValues = Record<string, unknown>;

/** The validators of one model. */
export interface ModelSchemas {
  /**
   * Checks a new record: unknown fields are refused, required fields must be present, defaults
   * are filled in (function defaults called once per record), every declared field is present
   * in the output (null when absent). An optional `id` must carry the model's prefix.
   */
  readonly create: z.ZodType<ValidatedValues, unknown>;
  /** Checks a patch: any subset of fields; a required field cannot be set to null. */
  readonly patch: z.ZodType<ValidatedValues, unknown>;
}

const cache = new WeakMap<AnyModel, ModelSchemas>();

/** What `make` builds for a model, built on the first call and kept in `built`. */
function once<T>(built: WeakMap<AnyModel, T>, model: AnyModel, make: (model: AnyModel) => T): T {
  let value = built.get(model);
  if (value === undefined) {
    value = make(model);
    built.set(model, value);
  }
  return value;
}

function build(model: AnyModel): ModelSchemas {
  const createShape: Record<string, z.ZodType<unknown, unknown>> = {};
  const patchShape: Record<string, z.ZodType<unknown, unknown>> = {};
  const prefix = model.idPrefix;
  createShape.id = z
    .unknown()
    .refine((value) => value === undefined || isId(value, prefix), {
      message: `must be an id with the prefix ${prefix}_`,
      params: { reason: 'invalid_format' },
    })
    .optional();
  for (const [name, definition] of Object.entries(model.fields)) {
    const value = fieldValueSchema(definition, 'record');
    const fallback = definition.default;
    if (definition.required) {
      createShape[name] = fallback === undefined ? value : value.prefault(fallback);
      patchShape[name] = value.optional();
    } else {
      createShape[name] =
        fallback === undefined
          ? value.nullable().default(null)
          : value.nullable().prefault(fallback);
      patchShape[name] = value.nullable().optional();
    }
  }
  return Object.freeze({
    create: z.strictObject(createShape) as unknown as z.ZodType<ValidatedValues, unknown>,
    patch: z.strictObject(patchShape) as unknown as z.ZodType<ValidatedValues, unknown>,
  });
}

/**
 * The zod validators generated from a model definition, built once per model.
 *
 * @example
 * ```ts
 * import { company } from '@sellkit/customers';
 * const { create } = modelSchemas(company);
 * const parsed = create.safeParse({
 *   name: 'Acme',
 *   annualRevenue: { amount: '10.50', currency: 'EUR' },
 * });
 * // parsed.data.annualRevenue is a Money; unknown fields fail with reason `unknown_field`
 * ```
 */
export function modelSchemas(model: AnyModel): ModelSchemas {
  return once(cache, model, build);
}

/**
 * Parses `input` with `schema`, throwing `VALIDATION_FAILED` whose issue paths start with
 * `pathPrefix` (e.g. `rows.3`).
 */
export function parseValues(
  schema: z.ZodType<ValidatedValues, unknown>,
  input: unknown,
  model: string,
  pathPrefix = '',
): ValidatedValues {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, { model }, pathPrefix);
  return result.data;
}

/** Like {@link parseValues} but returns the error instead of throwing it. */
export function tryParseValues(
  schema: z.ZodType<ValidatedValues, unknown>,
  input: unknown,
  model: string,
  pathPrefix = '',
): { ok: true; value: ValidatedValues } | { ok: false; error: SellkitError } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: fromZodError(result.error, { model }, pathPrefix) };
}

/**
 * The same validation as {@link modelSchemas}, compiled to plain functions for bulk writes
 * (zod's per-value machinery costs more than the checks themselves). Problems are appended to
 * `issues` with paths under `prefix` (e.g. `rows.3.`); the result is null when there were any.
 */
export interface ModelParser {
  create(input: unknown, issues: FieldIssue[], prefix?: string): ValidatedValues | null;
  patch(input: unknown, issues: FieldIssue[], prefix?: string): ValidatedValues | null;
}

const parsers = new WeakMap<AnyModel, ModelParser>();

interface CompiledField {
  readonly name: string;
  readonly definition: AnyField;
  readonly check: FieldCheck;
}

function compileParser(model: AnyModel): ModelParser {
  const fields: CompiledField[] = Object.entries(model.fields).map(([name, definition]) => ({
    name,
    definition,
    check: fieldValueCheck(definition, 'record'),
  }));
  const known = new Set(fields.map((item) => item.name));
  // A fast-layout starting object (adding many keys one by one makes slow dictionary objects).
  const template = Object.freeze(Object.fromEntries(fields.map((item) => [item.name, null])));
  const prefixOf = model.idPrefix;

  function run(
    input: unknown,
    issues: FieldIssue[],
    prefix: string,
    creating: boolean,
  ): ValidatedValues | null {
    const before = issues.length;
    if (!isPlainObject(input)) {
      issues.push({
        path: prefix.replace(/\.$/, ''),
        message: 'must be an object',
        reason: 'invalid_type',
      });
      return null;
    }
    let current = '';
    const sink: IssueSink = {
      addIssue(issue) {
        const path = [current, ...(issue.path ?? [])].join('.');
        issues.push({
          path: `${prefix}${path}`,
          message: issue.message,
          reason: issue.params.reason,
        });
      },
    };
    for (const key of Object.keys(input)) {
      if (!known.has(key) && !(creating && key === 'id')) {
        issues.push({
          path: `${prefix}${key}`,
          message: `unknown field ${key}`,
          reason: 'unknown_field',
        });
      }
    }
    const output: ValidatedValues = creating ? { ...template } : {};
    if (creating && input.id !== undefined) {
      if (isId(input.id, prefixOf)) output.id = input.id;
      else
        issues.push({
          path: `${prefix}id`,
          message: `must be an id with the prefix ${prefixOf}_`,
          reason: 'invalid_format',
        });
    }
    for (const { name, definition, check } of fields) {
      let value = input[name];
      if (value === undefined) {
        if (!creating) continue;
        const fallback = definition.default;
        if (fallback !== undefined)
          value = typeof fallback === 'function' ? (fallback as () => unknown)() : fallback;
      }
      if (value === undefined || value === null) {
        if (definition.required)
          issues.push({ path: `${prefix}${name}`, message: 'is required', reason: 'required' });
        else output[name] = null;
        continue;
      }
      current = name;
      output[name] = check(value, sink);
    }
    return issues.length === before ? output : null;
  }

  return {
    create: (input, issues, prefix = '') => run(input, issues, prefix, true),
    patch: (input, issues, prefix = '') => run(input, issues, prefix, false),
  };
}

/** The compiled {@link ModelParser} of a model, built once per model. */
export function modelParser(model: AnyModel): ModelParser {
  return once(parsers, model, compileParser);
}

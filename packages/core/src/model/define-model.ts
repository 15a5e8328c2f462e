import { SellkitError } from '../errors/sellkit-error.js';
import type { AnyField, FieldDefinition } from './fields.js';

/** Field names every record has; a model cannot declare them. */
export const SYSTEM_FIELDS = ['id', 'version', 'createdAt', 'updatedAt'] as const;
/** Names reserved by the filter language and storage. */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  ...SYSTEM_FIELDS,
  'tenantId',
  'and',
  'or',
  'not',
]);

const FIELD_NAME = /^[a-z][a-zA-Z0-9]{0,47}$/;
const MODEL_NAME = /^[a-z][a-zA-Z0-9]{0,47}$/;
const PREFIX = /^[a-z][a-z0-9]{1,11}$/;

/** A map of field name to definition. */
export type FieldMap = Readonly<Record<string, AnyField>>;

/** A composite index over several fields. */
export interface IndexDefinition {
  fields: readonly string[];
  unique?: boolean;
  /**
   * Fields stored in the index after the key fields, so a query or report that reads only
   * indexed fields never touches the table (a covering index). A money field brings its
   * currency and amount. Not allowed on unique indexes.
   *
   * @example
   * ```ts
   * indexes: [{ fields: ['pipelineId', 'stage'], include: ['amount'] }]
   * ```
   */
  include?: readonly string[];
}

/** How access checks find a record's owner, team and territory. */
export interface AccessFields {
  ownerField?: string;
  teamField?: string;
  territoryField?: string;
}

/**
 * One entity: its name, id prefix, fields and indexes. From it come the validator, the
 * TypeScript record type ({@link InferRecord}) and the storage layout.
 */
export interface ModelDefinition<Name extends string = string, F extends FieldMap = FieldMap> {
  readonly name: Name;
  readonly idPrefix: string;
  readonly fields: F;
  readonly indexes: readonly IndexDefinition[];
  readonly access: AccessFields;
  /** Mutations through services write audit entries (default true). */
  readonly audited: boolean;
  readonly description?: string;
}

/** Any model definition. */
export type AnyModel = ModelDefinition<string, FieldMap>;

/** What {@link defineModel} takes. */
export interface ModelInput<Name extends string, F extends FieldMap> {
  name: Name;
  idPrefix: string;
  fields: F;
  indexes?: readonly IndexDefinition[];
  access?: AccessFields;
  audited?: boolean;
  description?: string;
}

function checkFields(model: string, fields: FieldMap): void {
  for (const [name, definition] of Object.entries(fields)) {
    if (!FIELD_NAME.test(name) || RESERVED_FIELD_NAMES.has(name)) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${model}: "${name}" is not a valid field name (camelCase, at most 48 characters, not reserved)`,
        { model, field: name },
      );
    }
    if (definition.kind === 'enum' && (!definition.values || definition.values.length === 0)) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${model}: enum ${name} has no values`,
        { model, field: name },
      );
    }
    if (definition.kind === 'decimal') {
      const scale = definition.scale ?? 2;
      const precision = definition.precision ?? 18;
      if (
        !Number.isInteger(scale) ||
        scale < 0 ||
        scale > 12 ||
        !Number.isInteger(precision) ||
        precision < scale + 1 ||
        precision > 38
      ) {
        throw new SellkitError(
          'CONFIGURATION_INVALID',
          `model ${model}: decimal ${name} needs 0 <= scale <= 12 and scale < precision <= 38`,
          { model, field: name },
        );
      }
    }
    if (definition.kind === 'text' && (definition.maxLength ?? 0) > 1_000_000) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${model}: text ${name} allows at most 1,000,000 characters`,
        { model, field: name },
      );
    }
  }
}

/**
 * Declares a model.
 *
 * @example
 * ```ts
 * export const company = defineModel({
 *   name: 'company',
 *   idPrefix: 'com',
 *   fields: {
 *     name: field.text({ required: true, maxLength: 200, searchable: true }),
 *     ownerId: field.reference('rep', { index: true }),
 *   },
 *   access: { ownerField: 'ownerId' },
 * });
 * type Company = InferRecord<typeof company>;
 * ```
 */
export function defineModel<const Name extends string, const F extends FieldMap>(
  input: ModelInput<Name, F>,
): ModelDefinition<Name, F> {
  if (!MODEL_NAME.test(input.name)) {
    throw new SellkitError('CONFIGURATION_INVALID', `"${input.name}" is not a valid model name`, {
      model: input.name,
    });
  }
  if (!PREFIX.test(input.idPrefix)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `model ${input.name}: id prefix must be 2 to 12 lower-case letters or digits`,
      { model: input.name },
    );
  }
  checkFields(input.name, input.fields);
  for (const index of input.indexes ?? []) {
    if (index.unique && (index.include?.length ?? 0) > 0) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${input.name}: a unique index cannot include fields (they would join the key)`,
        { model: input.name },
      );
    }
    for (const name of [...index.fields, ...(index.include ?? [])]) {
      if (!(name in input.fields) && !(SYSTEM_FIELDS as readonly string[]).includes(name)) {
        throw new SellkitError(
          'CONFIGURATION_INVALID',
          `model ${input.name}: index names unknown field ${name}`,
          { model: input.name, field: name },
        );
      }
    }
  }
  for (const name of Object.values(input.access ?? {})) {
    if (name !== undefined && !(name in input.fields)) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${input.name}: access names unknown field ${name}`,
        { model: input.name, field: name },
      );
    }
  }
  return Object.freeze({
    name: input.name,
    idPrefix: input.idPrefix,
    fields: Object.freeze({ ...input.fields }) as F,
    indexes: Object.freeze([...(input.indexes ?? [])]),
    access: Object.freeze({ ...(input.access ?? {}) }),
    audited: input.audited ?? true,
    ...(input.description === undefined ? {} : { description: input.description }),
  });
}

/**
 * Returns `model` with more fields: how plugins extend another module's model. A field that
 * already exists is a `CONFIGURATION_INVALID` error, never a silent override.
 *
 * @example
 * ```ts
 * import { company } from '@sellkit/customers';
 * const withLoyalty = extendModel(company, {
 *   loyaltyTier: field.enum(['gold', 'silver'] as const),
 * });
 * // withLoyalty.fields.loyaltyTier; extendModel(company, { name: field.text() }) throws
 * ```
 */
export function extendModel<M extends AnyModel, const Extra extends FieldMap>(
  model: M,
  fields: Extra,
): ModelDefinition<M['name'], M['fields'] & Extra> {
  for (const name of Object.keys(fields)) {
    if (name in model.fields) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${model.name} already has a field ${name}`,
        { model: model.name, field: name },
      );
    }
  }
  return defineModel({
    name: model.name,
    idPrefix: model.idPrefix,
    fields: { ...model.fields, ...fields } as M['fields'] & Extra,
    indexes: model.indexes,
    access: model.access,
    audited: model.audited,
    ...(model.description === undefined ? {} : { description: model.description }),
  });
}

/** The fields of a model that are `FieldDefinition`s with the given value type. */
export type FieldValue<F> =
  F extends FieldDefinition<infer T, infer R, infer D>
    ? R extends true
      ? T
      : D extends true
        ? T
        : T | null
    : never;

/** Columns every stored record carries. */
export interface SystemFields {
  readonly id: string;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The record type of a model, as storage returns it. */
export type InferRecord<M extends AnyModel> = Simplify<
  SystemFields & { -readonly [K in keyof M['fields']]: FieldValue<M['fields'][K]> }
>;

type RequiredInputKeys<F extends FieldMap> = {
  [K in keyof F]: F[K] extends FieldDefinition<unknown, true, false> ? K : never;
}[keyof F];

type InputValue<F> = F extends FieldDefinition<infer T, boolean, boolean> ? T : never;

/** What creating a record of the model takes (fields with defaults may be left out). */
export type InferCreate<M extends AnyModel> = Simplify<
  { [K in RequiredInputKeys<M['fields']>]: InputValue<M['fields'][K]> } & {
    [K in Exclude<keyof M['fields'], RequiredInputKeys<M['fields']>>]?: InputValue<
      M['fields'][K]
    > | null;
  } & { id?: string }
>;

/** What updating a record takes: any subset of fields; required fields cannot become null. */
export type InferPatch<M extends AnyModel> = Simplify<{
  [K in keyof M['fields']]?: M['fields'][K] extends FieldDefinition<infer T, infer R, boolean>
    ? R extends true
      ? T
      : T | null
    : never;
}>;

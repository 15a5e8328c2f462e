import type { z } from 'zod';
import type { Money } from '../money/money.js';

/** The kinds of field a model may declare. */
export type FieldKind =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'enum'
  | 'json'
  | 'textList'
  | 'reference';

/** Options every field accepts. */
export interface CommonFieldOptions<T> {
  /** The value must be given on create and can never be cleared. */
  required?: boolean;
  /** Filled in on create when the input leaves the field out. */
  default?: T | (() => T);
  /** No two records of one tenant share a non-null value. */
  unique?: boolean;
  /** Storage keeps an index on the field (filters and sorts on it stay fast). */
  index?: boolean;
  /** Part of free-text search. */
  searchable?: boolean;
  /** Shown in generated docs and error messages. */
  description?: string;
}

/**
 * One field of a model: plain data (it can be printed, diffed and turned into SQL) with a
 * phantom type `T` for its value, `R` for required and `D` for "has a default".
 */
export interface FieldDefinition<
  T = unknown,
  R extends boolean = boolean,
  D extends boolean = boolean,
> {
  readonly kind: FieldKind;
  readonly required: R;
  readonly hasDefault: D;
  readonly default?: T | (() => T);
  readonly unique: boolean;
  readonly index: boolean;
  readonly searchable: boolean;
  readonly description?: string;
  /** text: the longest value accepted (characters); textList: per item. */
  readonly maxLength?: number;
  readonly minLength?: number;
  /** text: a named format checked on input. */
  readonly format?: 'email' | 'url' | 'phone';
  /** integer and decimal bounds (decimal bounds as strings). */
  readonly min?: number | string;
  readonly max?: number | string;
  /** decimal: digits after the point, and total digits. */
  readonly scale?: number;
  readonly precision?: number;
  /** enum: the allowed values. */
  readonly values?: readonly string[];
  /** textList: the most items accepted. */
  readonly maxItems?: number;
  /** reference: the model referred to. */
  readonly references?: string;
  /** json: an optional zod schema the value must satisfy. */
  readonly schema?: z.ZodType;
  /** Phantom member carrying the value type; never set at run time. */
  readonly '~value'?: T;
}

/** Any field definition. */
export type AnyField = FieldDefinition<unknown, boolean, boolean>;

type IsTrue<O, K extends string> = O extends { [P in K]: true } ? true : false;
type Has<O, K extends string> = O extends { [P in K]: unknown }
  ? O[K & keyof O] extends undefined
    ? false
    : true
  : false;

/** The field definition a builder returns for options `O`. */
export type FieldFor<T, O> = FieldDefinition<T, IsTrue<O, 'required'>, Has<O, 'default'>>;

export interface TextOptions extends CommonFieldOptions<string> {
  /** Default 1,000 characters; never above 1,000,000. */
  maxLength?: number;
  minLength?: number;
  format?: 'email' | 'url' | 'phone';
}
export interface IntegerOptions extends CommonFieldOptions<number> {
  min?: number;
  max?: number;
}
export interface DecimalOptions extends CommonFieldOptions<string> {
  /** Digits after the point (default 2, at most 12). */
  scale?: number;
  /** Total digits (default 18, at most 38). */
  precision?: number;
  min?: string;
  max?: string;
}
export type MoneyOptions = CommonFieldOptions<Money>;
export type BooleanOptions = CommonFieldOptions<boolean>;
export type DateOptions = CommonFieldOptions<string>;
export type TimestampOptions = CommonFieldOptions<Date>;
export type EnumOptions<V extends string> = CommonFieldOptions<V>;
export interface JsonOptions<T> extends CommonFieldOptions<T> {
  schema?: z.ZodType<T>;
}
export interface TextListOptions extends CommonFieldOptions<string[]> {
  /** Default 100 items. */
  maxItems?: number;
  /** Per item; default 200 characters. */
  maxLength?: number;
}
export type ReferenceOptions = CommonFieldOptions<string>;

function build<T, O extends CommonFieldOptions<T>>(
  kind: FieldKind,
  options: O | undefined,
  extra: Partial<FieldDefinition<T>>,
): FieldFor<T, O> {
  const {
    required,
    default: defaultValue,
    unique,
    index,
    searchable,
    description,
    ...rest
  } = options ?? ({} as O);
  const definition = {
    kind,
    required: required === true,
    hasDefault: defaultValue !== undefined,
    unique: unique === true,
    index: index === true || unique === true,
    searchable: searchable === true,
    ...(description === undefined ? {} : { description }),
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...rest,
    ...extra,
  };
  return Object.freeze(definition) as unknown as FieldFor<T, O>;
}

/**
 * Field builders. Each returns a plain, frozen definition.
 *
 * @example
 * ```ts
 * const fields = {
 *   name: field.text({ required: true, maxLength: 200, searchable: true }),
 *   employees: field.integer({ min: 0 }),
 *   revenue: field.money(),
 *   industry: field.enum(['retail', 'medical'] as const),
 *   tags: field.textList({ default: () => [] }),
 *   parentId: field.reference('customer'),
 * };
 * ```
 */
export const field = {
  text<const O extends TextOptions>(options?: O): FieldFor<string, O> {
    return build<string, O>('text', options, { maxLength: options?.maxLength ?? 1000 });
  },
  integer<const O extends IntegerOptions>(options?: O): FieldFor<number, O> {
    return build<number, O>('integer', options, {});
  },
  decimal<const O extends DecimalOptions>(options?: O): FieldFor<string, O> {
    return build<string, O>('decimal', options, {
      scale: options?.scale ?? 2,
      precision: options?.precision ?? 18,
    });
  },
  money<const O extends MoneyOptions>(options?: O): FieldFor<Money, O> {
    return build<Money, O>('money', options, {});
  },
  boolean<const O extends BooleanOptions>(options?: O): FieldFor<boolean, O> {
    return build<boolean, O>('boolean', options, {});
  },
  /** A calendar date without time, as `YYYY-MM-DD`. */
  date<const O extends DateOptions>(options?: O): FieldFor<string, O> {
    return build<string, O>('date', options, {});
  },
  /** An instant, as a `Date` (stored in UTC, millisecond precision). */
  timestamp<const O extends TimestampOptions>(options?: O): FieldFor<Date, O> {
    return build<Date, O>('timestamp', options, {});
  },
  enum<
    const V extends readonly [string, ...string[]],
    const O extends EnumOptions<V[number]> = EnumOptions<V[number]>,
  >(values: V, options?: O): FieldFor<V[number], O> {
    return build<V[number], O>('enum', options, { values: Object.freeze([...values]) });
  },
  /** Any JSON value; typed by its zod `schema` when one is given. For a typed value without a schema use {@link field.jsonOf}. */
  json<const O extends JsonOptions<unknown>>(
    options?: O,
  ): FieldFor<O extends { schema: z.ZodType<infer T> } ? T : unknown, O> {
    return build<unknown, O>('json', options, {}) as FieldFor<
      O extends { schema: z.ZodType<infer T> } ? T : unknown,
      O
    >;
  },
  /**
   * A JSON value of a declared TypeScript type: `field.jsonOf<Address[]>()({ required: true })`.
   * (Curried so the value type can be given while the options are still inferred.)
   */
  jsonOf<T>() {
    return <const O extends JsonOptions<T>>(options?: O): FieldFor<T, O> =>
      build<T, O>('json', options, {});
  },
  textList<const O extends TextListOptions>(options?: O): FieldFor<string[], O> {
    return build<string[], O>('textList', options, {
      maxItems: options?.maxItems ?? 100,
      maxLength: options?.maxLength ?? 200,
    });
  },
  /** The id of another record of the same tenant. */
  reference<const O extends ReferenceOptions>(model: string, options?: O): FieldFor<string, O> {
    return build<string, O>('reference', options, { references: model, maxLength: 64 });
  },
};

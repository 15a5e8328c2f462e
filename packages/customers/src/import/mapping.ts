import {
  type AnyField,
  type AnyModel,
  isPlainObject,
  issueList,
  Money,
  SellkitError,
  toDecimal,
  validationError,
} from '@sellkit/core';
import { dateProblem } from '../shared/formats.js';

/** How one field is read from the CSV: a column name, or a column with options. */
export type ColumnMapping = string | ColumnSpec;

/** A column with conversion options. */
export interface ColumnSpec {
  /** The CSV header of the column. */
  readonly column: string;
  /** Money: the currency of every amount (ISO 4217), unless `currencyColumn` is given. */
  readonly currency?: string;
  /** Money: a column holding each row's currency. */
  readonly currencyColumn?: string;
  /** Money, integer and decimal: a factor applied exactly (`'1000000'` for "in millions"). */
  readonly multiplier?: string | number;
  /** Lists: the separator between items (default `;`). */
  readonly separator?: string;
  /** References (`parent`, `company`): match by `externalId` (default) or by `name`. */
  readonly by?: 'externalId' | 'name';
}

/**
 * Field name → column. Keys are fields of the model (plugin fields included) plus the
 * reference pseudo-fields of each importer (`parent` for companies, `company` for contacts).
 */
export type ImportMapping = Readonly<Record<string, ColumnMapping>>;

/** A mapped field ready for conversion. */
export interface MappedField {
  readonly field: string;
  readonly spec: ColumnSpec;
  readonly definition: AnyField | undefined;
}

/** Raw value → replacement, per field: fixes spellings (`{ industry: { technolgy: 'technology' } }`). */
export type ValueMaps = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * Checks a mapping against a model: every key a field (or one of `pseudo`), every value a
 * column name or a spec. Returns the mapped fields and the columns the header must have.
 */
export function compileMapping(
  model: AnyModel,
  mapping: unknown,
  pseudo: readonly string[],
  forbidden: readonly string[],
): { fields: MappedField[]; columns: string[] } {
  if (!isPlainObject(mapping) || Object.keys(mapping).length === 0) {
    throw new SellkitError('VALIDATION_FAILED', 'mapping must map fields to CSV columns', {
      issues: [{ path: 'mapping', message: 'must map fields to columns', reason: 'invalid_type' }],
    });
  }
  const issues = issueList();
  const fields: MappedField[] = [];
  const columns = new Set<string>();
  for (const [field, value] of Object.entries(mapping)) {
    const path = `mapping.${field}`;
    const definition = model.fields[field];
    if ((!definition && !pseudo.includes(field)) || forbidden.includes(field)) {
      issues.add(path, `${model.name} has no importable field ${field}`, 'unknown_field');
      continue;
    }
    const spec: ColumnSpec | undefined =
      typeof value === 'string'
        ? { column: value }
        : isPlainObject(value)
          ? (value as unknown as ColumnSpec)
          : undefined;
    if (!spec || typeof spec.column !== 'string' || spec.column.length === 0) {
      issues.add(path, 'must be a column name or { column, ... }', 'invalid_type');
      continue;
    }
    if (definition?.kind === 'money' && !spec.currency && !spec.currencyColumn) {
      issues.add(path, 'money needs currency or currencyColumn', 'missing_currency');
      continue;
    }
    if (spec.multiplier !== undefined) {
      try {
        toDecimal(spec.multiplier);
      } catch {
        issues.add(`${path}.multiplier`, 'must be a decimal', 'invalid_type');
        continue;
      }
    }
    columns.add(spec.column);
    if (spec.currencyColumn) columns.add(spec.currencyColumn);
    fields.push({ field, spec, definition });
  }
  issues.throwIfAny();
  return { fields, columns: [...columns] };
}

function mapValue(raw: string, field: string, valueMaps: ValueMaps | undefined): string {
  const map = valueMaps?.[field];
  if (!map) return raw;
  if (Object.hasOwn(map, raw)) return map[raw] as string;
  const lower = raw.toLowerCase();
  for (const [from, to] of Object.entries(map)) if (from.toLowerCase() === lower) return to;
  return raw;
}

const INTEGER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)$/;
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * Converts one mapped cell to a field value. Empty cells are `undefined` (the field is left
 * alone). Problems throw `VALIDATION_FAILED` naming the field (and the column in details).
 */
export function convertCell(
  mapped: MappedField,
  values: Readonly<Record<string, string>>,
  valueMaps: ValueMaps | undefined,
): unknown {
  const { field, spec, definition } = mapped;
  const cell = values[spec.column] ?? '';
  if (cell === '') return undefined;
  const raw = mapValue(cell, field, valueMaps);
  const fail = (reason: string): never => {
    throw validationError(field, reason, 'invalid_value', { column: spec.column });
  };
  switch (definition?.kind) {
    case undefined:
    case 'text':
    case 'reference':
      return raw;
    case 'integer': {
      if (!INTEGER.test(raw)) fail(`"${raw}" is not a whole number`);
      const number = toDecimal(raw.replace(/,/g, '')).times(toDecimal(spec.multiplier ?? 1));
      if (!number.isInteger() || !Number.isSafeInteger(number.toNumber()))
        fail(`"${raw}" is out of range`);
      return number.toNumber();
    }
    case 'decimal':
      if (!DECIMAL.test(raw)) fail(`"${raw}" is not a decimal number`);
      return toDecimal(raw)
        .times(toDecimal(spec.multiplier ?? 1))
        .toFixed();
    case 'money': {
      if (!DECIMAL.test(raw)) fail(`"${raw}" is not an amount`);
      const currency = spec.currencyColumn
        ? (values[spec.currencyColumn] ?? '').toUpperCase()
        : (spec.currency as string);
      try {
        return Money.of(
          toDecimal(raw)
            .times(toDecimal(spec.multiplier ?? 1))
            .toFixed(),
          currency,
        );
      } catch (error) {
        return fail(error instanceof Error ? error.message : 'invalid amount');
      }
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return fail(`"${raw}" is not yes or no`);
    }
    case 'date': {
      const problem = dateProblem(raw);
      return problem ? fail(`"${raw}" ${problem}`) : raw;
    }
    case 'timestamp': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? fail(`"${raw}" is not a date-time`) : date;
    }
    case 'enum': {
      const match = definition.values?.find((option) => option.toLowerCase() === raw.toLowerCase());
      return match ?? fail(`"${raw}" is not one of ${definition.values?.join(', ')}`);
    }
    case 'textList':
      return raw
        .split(spec.separator ?? ';')
        .map((item) => mapValue(item.trim(), field, valueMaps))
        .filter((item) => item.length > 0);
    case 'json':
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return fail('is not valid JSON');
      }
    default:
      return raw;
  }
}

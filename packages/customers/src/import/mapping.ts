import { type AnyField, type AnyModel, SellkitError, toDecimal } from '@sellkit/core';
import { type IssueList, isPlainObject, issueList } from '@sellkit/core/module';
import type { PostalAddress } from '../shared/postal-address.js';
import { compileDateFormat, type DateFormat } from './date-format.js';

/**
 * How one field is read from the CSV: a column name; several columns into a list
 * (`["Phone 1", "Phone 2"]`); a column with options; columns into an address
 * (`{ "city": "City", "country": "Country" }`); or a full name split into first and last
 * name (`{ "split": "Full Name" }`, under the key `name`).
 */
export type ColumnMapping =
  | string
  | readonly string[]
  | ColumnSpec
  | ColumnsSpec
  | AddressSpec
  | SplitNameSpec;

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
  /** Dates: how the column writes them (`MM/dd/yyyy`, `dd.MM.yyyy`); default `yyyy-MM-dd`. */
  readonly format?: string;
}

/** Several columns into one list field; empty cells are skipped. */
export interface ColumnsSpec {
  readonly columns: readonly string[];
  /** The separator between items inside one cell (default `;`). */
  readonly separator?: string;
}

/** Address part → column, for the `address` key (`{ "city": "City", "country": "Country" }`). */
export type AddressSpec = {
  readonly [K in Exclude<keyof PostalAddress, 'kind'>]?: string;
};

/** A full-name column split into `firstName` and `lastName` (see `splitFullName`). */
export interface SplitNameSpec {
  readonly split: string;
}

/**
 * Field name → column(s). Keys are fields of the model (plugin fields included) plus the
 * pseudo-fields of each importer: `parent` and `address` for companies, `company` and `name`
 * for contacts.
 */
export type ImportMapping = Readonly<Record<string, ColumnMapping>>;

/** A mapped field ready for conversion. */
export interface MappedField {
  readonly field: string;
  /** How the cells are read: one column, several into a list, an address, a split name. */
  readonly shape: 'column' | 'columns' | 'address' | 'split';
  /** The (first) column and its options. */
  readonly spec: ColumnSpec;
  /** Every column read. */
  readonly columns: readonly string[];
  /** Address part → column (shape `address`). */
  readonly parts?: Readonly<Record<string, string>>;
  /** The compiled `format` of a date column. */
  readonly date?: DateFormat;
  readonly definition: AnyField | undefined;
}

/** Raw value → replacement, per field: fixes spellings (`{ industry: { technolgy: 'technology' } }`). */
export type ValueMaps = Readonly<Record<string, Readonly<Record<string, string>>>>;

const ADDRESS_PARTS = new Set(['street', 'district', 'city', 'postalCode', 'region', 'country']);

const isColumn = (value: unknown): value is string => typeof value === 'string' && value !== '';

function columnList(value: unknown): { columns: string[]; separator?: string } | undefined {
  if (Array.isArray(value)) return value.every(isColumn) ? { columns: value } : undefined;
  if (isPlainObject(value) && 'columns' in value) {
    const { columns, separator } = value as { columns: unknown; separator?: unknown };
    if (!Array.isArray(columns) || !columns.every(isColumn)) return undefined;
    return typeof separator === 'string' ? { columns, separator } : { columns };
  }
  return undefined;
}

function compileOne(
  model: AnyModel,
  field: string,
  value: unknown,
  definition: AnyField | undefined,
  issues: IssueList,
): MappedField | undefined {
  const path = `mapping.${field}`;
  const list = columnList(value);
  if (list) {
    if (list.columns.length === 0) {
      issues.add(path, 'must name at least one column', 'invalid_type');
      return undefined;
    }
    if (definition?.kind !== 'textList') {
      issues.add(
        path,
        `${list.columns.join(', ')}: several columns can only fill a list field, and ${field} holds one value`,
        'too_many_columns',
      );
      return undefined;
    }
    const spec = {
      column: list.columns[0] as string,
      ...(list.separator ? { separator: list.separator } : {}),
    };
    return { field, shape: 'columns', spec, columns: list.columns, definition };
  }
  if (isPlainObject(value) && 'split' in value) {
    if (field !== 'name' || !model.fields.lastName || !isColumn(value.split)) {
      issues.add(
        path,
        '{ split: column } fills firstName and lastName under the key name',
        'invalid_type',
      );
      return undefined;
    }
    return {
      field,
      shape: 'split',
      spec: { column: value.split },
      columns: [value.split],
      definition,
    };
  }
  if (field === 'address' && isPlainObject(value) && !('column' in value)) {
    const parts: Record<string, string> = {};
    for (const [part, column] of Object.entries(value)) {
      if (!ADDRESS_PARTS.has(part)) {
        issues.add(
          `${path}.${part}`,
          `addresses have no part ${part} (${[...ADDRESS_PARTS].join(', ')})`,
          'unknown_field',
        );
      } else if (!isColumn(column)) {
        issues.add(`${path}.${part}`, 'must be a column name', 'invalid_type');
      } else parts[part] = column;
    }
    const columns = Object.values(parts);
    if (columns.length === 0) return undefined;
    return {
      field,
      shape: 'address',
      spec: { column: columns[0] as string },
      columns,
      parts,
      definition,
    };
  }
  const spec: ColumnSpec | undefined =
    typeof value === 'string'
      ? { column: value }
      : isPlainObject(value) && isColumn(value.column)
        ? { ...value, column: value.column }
        : undefined;
  if (!spec || !isColumn(spec.column)) {
    issues.add(path, 'must be a column name, a list of columns or { column, ... }', 'invalid_type');
    return undefined;
  }
  if (definition?.kind === 'money' && !spec.currency && !spec.currencyColumn) {
    issues.add(path, 'money needs currency or currencyColumn', 'missing_currency');
    return undefined;
  }
  if (spec.multiplier !== undefined) {
    try {
      toDecimal(spec.multiplier);
    } catch {
      issues.add(`${path}.multiplier`, 'must be a decimal', 'invalid_type');
      return undefined;
    }
  }
  let date: DateFormat | undefined;
  if (spec.format !== undefined) {
    const compiled =
      definition?.kind === 'date'
        ? compileDateFormat(spec.format)
        : 'only date fields take a format';
    if (typeof compiled === 'string') {
      issues.add(`${path}.format`, compiled, 'invalid_format');
      return undefined;
    }
    date = compiled;
  }
  const columns = spec.currencyColumn ? [spec.column, spec.currencyColumn] : [spec.column];
  return { field, shape: 'column', spec, columns, ...(date ? { date } : {}), definition };
}

/**
 * Checks a mapping against a model: every key a field (or one of `pseudo`), every value a
 * shape the field can take (several columns only into a list; a date format that is one; a
 * split name not mapped twice). Returns the mapped fields and the columns the header must
 * have. Any problem is one `VALIDATION_FAILED` naming `mapping.<field>`, before a row is read.
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
    const definition = model.fields[field];
    if ((!definition && !pseudo.includes(field)) || forbidden.includes(field)) {
      issues.add(
        `mapping.${field}`,
        `${model.name} has no importable field ${field}`,
        'unknown_field',
      );
      continue;
    }
    const mapped = compileOne(model, field, value, definition, issues);
    if (!mapped) continue;
    for (const column of mapped.columns) columns.add(column);
    fields.push(mapped);
  }
  if (fields.some((mapped) => mapped.shape === 'split')) {
    for (const name of ['firstName', 'lastName']) {
      if (name in mapping) {
        issues.add(`mapping.${name}`, `is filled by name.split already`, 'mapped_twice');
      }
    }
  }
  issues.throwIfAny();
  return { fields, columns: [...columns] };
}

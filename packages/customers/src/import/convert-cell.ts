import { Money, toDecimal, validationError } from '@sellkit/core';
import { splitFullName } from '../contacts/contact-name.js';
import { dateProblem } from '../shared/formats.js';
import { readDate } from './date-format.js';
import type { MappedField, ValueMaps } from './mapping.js';

/**
 * Turns the cells of one CSV row into field values, following a compiled mapping: one cell
 * per field, several cells into a list, cells into an address, a name split in two.
 */

/** A raw value as `valueMaps` rewrites it for `field` (case-insensitive keys). */
export function mapValue(raw: string, field: string, valueMaps: ValueMaps | undefined): string {
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
      if (mapped.date) {
        const read = readDate(raw, mapped.date);
        return typeof read === 'string' ? read : fail(read.problem);
      }
      const problem = dateProblem(raw);
      return problem
        ? fail(
            `"${raw}" ${problem}${/^\d{4}-/.test(raw) ? '' : ' (give the column a format, e.g. { column, format: "MM/dd/yyyy" })'}`,
          )
        : raw;
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

/**
 * The field values one mapped field gives for a row (nothing for empty cells): several
 * columns are joined into one list (empty cells skipped), address parts into one address
 * (`valueMaps` apply per part name, e.g. `country`), a split name into `firstName` and
 * `lastName`. Problems throw `VALIDATION_FAILED` naming the field and column.
 */
export function convertMapped(
  mapped: MappedField,
  values: Readonly<Record<string, string>>,
  valueMaps: ValueMaps | undefined,
): Record<string, unknown> {
  switch (mapped.shape) {
    case 'columns': {
      const items: string[] = [];
      for (const column of mapped.columns) {
        const list = convertCell(
          { ...mapped, spec: { ...mapped.spec, column } },
          values,
          valueMaps,
        );
        for (const item of (list as string[] | undefined) ?? [])
          if (!items.includes(item)) items.push(item);
      }
      return items.length > 0 ? { [mapped.field]: items } : {};
    }
    case 'address': {
      const address: Record<string, string> = {};
      for (const [part, column] of Object.entries(mapped.parts ?? {})) {
        const cell = (values[column] ?? '').trim();
        if (cell !== '') address[part] = mapValue(cell, part, valueMaps);
      }
      return Object.keys(address).length > 0 ? { [mapped.field]: address } : {};
    }
    case 'split': {
      const cell = (values[mapped.spec.column] ?? '').trim();
      if (cell === '') return {};
      const name = splitFullName(mapValue(cell, 'name', valueMaps));
      return name ? { firstName: name.firstName, lastName: name.lastName } : {};
    }
    default: {
      const value = convertCell(mapped, values, valueMaps);
      return value === undefined ? {} : { [mapped.field]: value };
    }
  }
}

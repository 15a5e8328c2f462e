import type { FlatRow } from '../driver.js';
import type { ColumnLayout, TableLayout } from '../layout.js';

/** A deep copy of a JSON value (plain objects, arrays, primitives). */
export function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: copyJson((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Copies one column value so the caller and the store never share a mutable object. */
export function copyValue(column: ColumnLayout, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'timestamp':
      return value instanceof Date ? new Date(value.getTime()) : value;
    case 'textList':
      return Array.isArray(value) ? [...value] : value;
    case 'json':
      return copyJson(value);
    default:
      return value;
  }
}

/** A function copying whole rows of a table, column by column (no JSON round-trip). */
export function rowCopier(layout: TableLayout): (row: FlatRow) => FlatRow {
  const simple: string[] = [];
  const complex: ColumnLayout[] = [];
  for (const column of layout.columns) {
    if (column.type === 'timestamp' || column.type === 'textList' || column.type === 'json') {
      complex.push(column);
    } else {
      simple.push(column.name);
    }
  }
  // Spreading a template keeps the copies in V8's fast object layout (see ModelInfo.rowTemplate).
  const template: FlatRow = Object.fromEntries(layout.columns.map((column) => [column.name, null]));
  return (row) => {
    const copy: FlatRow = { ...template };
    for (const name of simple) {
      const value = row[name];
      copy[name] = value === undefined ? null : value;
    }
    for (const column of complex) copy[column.name] = copyValue(column, row[column.name]);
    return copy;
  };
}

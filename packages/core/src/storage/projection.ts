import { validationError } from '../errors/sellkit-error.js';
import type { FlatRow } from './driver.js';
import { readField } from './flatten.js';
import type { ColumnLayout } from './layout.js';
import { type FieldInfo, type ModelInfo, nullTemplate } from './model-info.js';

/** A validated `select`: the fields a projected find returns and the columns it reads. */
export interface Projection {
  readonly fields: readonly FieldInfo[];
  /** Columns the driver must return: the fields' columns, `id`, `version`, sort columns. */
  readonly columns: readonly string[];
  readonly template: Readonly<Record<string, unknown>>;
}

const ALWAYS = ['id', 'version'] as const;

/**
 * Validates `select` (a non-empty list of field names) and plans what to read. Undefined when
 * there is no `select`: the whole record is read.
 */
export function planProjection(
  info: ModelInfo,
  select: unknown,
  sortColumns: readonly ColumnLayout[],
): Projection | undefined {
  if (select === undefined) return undefined;
  const model = info.model.name;
  if (!Array.isArray(select) || select.length === 0)
    throw validationError('select', 'must be a non-empty list of field names', 'invalid_type', {
      model,
    });
  const fields = new Map<string, FieldInfo>();
  for (const name of ALWAYS) {
    const found = info.fields.get(name);
    if (found) fields.set(name, found);
  }
  select.forEach((name: unknown, index) => {
    const found = typeof name === 'string' ? info.fields.get(name) : undefined;
    if (!found) {
      throw validationError(
        `select.${index}`,
        typeof name === 'string' ? `unknown field ${name}` : 'must be a field name',
        typeof name === 'string' ? 'unknown_field' : 'invalid_type',
        { model },
      );
    }
    fields.set(found.name, found);
  });
  const columns = new Set<string>();
  for (const found of fields.values()) {
    columns.add(found.column.name);
    if (found.currency) columns.add(found.currency.name);
  }
  for (const column of sortColumns) columns.add(column.name);
  return {
    fields: [...fields.values()],
    columns: [...columns],
    template: nullTemplate(fields.keys()),
  };
}

/** Turns a driver row into a projected record: the selected fields, `id` and `version`. */
export function unflattenProjected(projection: Projection, row: FlatRow): Record<string, unknown> {
  const record: Record<string, unknown> = { ...projection.template };
  for (const found of projection.fields) record[found.name] = readField(found, row);
  return record;
}

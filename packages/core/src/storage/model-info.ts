import { SellkitError } from '../errors/sellkit-error.js';
import type { AnyModel } from '../model/define-model.js';
import { type AnyField, field } from '../model/fields.js';
import { type ColumnLayout, type TableLayout, tableLayout } from './layout.js';

/** One addressable field of a model (declared or system) and the columns that hold it. */
export interface FieldInfo {
  readonly name: string;
  readonly definition: AnyField;
  readonly system: boolean;
  /** The main column (a money field's amount). */
  readonly column: ColumnLayout;
  /** A money field's currency column. */
  readonly currency?: ColumnLayout;
}

/** What the wrapper knows about a registered model. */
export interface ModelInfo {
  readonly model: AnyModel;
  readonly layout: TableLayout;
  readonly fields: ReadonlyMap<string, FieldInfo>;
  /** Declared fields only, in declaration order. */
  readonly declared: readonly FieldInfo[];
  readonly references: readonly FieldInfo[];
  /**
   * Objects with every column (row) or every field (record) set to null. Spreading one and then
   * assigning keeps V8's fast object layout; adding two dozen keys one by one falls back to
   * slow dictionary objects, which made bulk inserts several times slower.
   */
  readonly rowTemplate: Readonly<Record<string, unknown>>;
  readonly recordTemplate: Readonly<Record<string, unknown>>;
}

/** An object with these keys, all null, in V8's fast layout. */
export function nullTemplate(keys: Iterable<string>): Readonly<Record<string, unknown>> {
  return Object.freeze(Object.fromEntries([...keys].map((key) => [key, null])));
}

// System fields get synthetic definitions so filters and sorts treat them like any other field.
const SYSTEM_DEFINITIONS: Readonly<Record<string, AnyField>> = {
  id: field.text({ maxLength: 64 }),
  version: field.integer(),
  createdAt: field.timestamp(),
  updatedAt: field.timestamp(),
};

/** Builds the field/column map of a model. */
export function describeModel(model: AnyModel): ModelInfo {
  const layout = tableLayout(model);
  const byPath = new Map(layout.columns.map((column) => [column.path, column]));
  const fields = new Map<string, FieldInfo>();
  const declared: FieldInfo[] = [];
  for (const [name, definition] of Object.entries(SYSTEM_DEFINITIONS)) {
    const column = byPath.get(name);
    if (column) fields.set(name, { name, definition, system: true, column });
  }
  for (const [name, definition] of Object.entries(model.fields)) {
    const column = byPath.get(name);
    if (!column) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `model ${model.name}: no column for ${name}`,
        {
          model: model.name,
          field: name,
        },
      );
    }
    const currency = definition.kind === 'money' ? byPath.get(`${name}.currency`) : undefined;
    const info: FieldInfo = {
      name,
      definition,
      system: false,
      column,
      ...(currency ? { currency } : {}),
    };
    fields.set(name, info);
    declared.push(info);
  }
  return Object.freeze({
    model,
    layout,
    fields,
    declared: Object.freeze(declared),
    references: Object.freeze(declared.filter((info) => info.definition.kind === 'reference')),
    rowTemplate: nullTemplate(layout.columns.map((column) => column.name)),
    recordTemplate: nullTemplate(fields.keys()),
  });
}

/** Looks a field up by name, or throws `VALIDATION_FAILED` naming `path`. */
export function requireField(info: ModelInfo, name: string, path: string): FieldInfo {
  const found = info.fields.get(name);
  if (!found) {
    throw new SellkitError(
      'VALIDATION_FAILED',
      `${path}: model ${info.model.name} has no field ${name}`,
      {
        model: info.model.name,
        issues: [{ path, message: `unknown field ${name}`, reason: 'unknown_field' }],
      },
    );
  }
  return found;
}

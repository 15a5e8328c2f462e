import type { AnyModel } from '../model/define-model.js';
import { MONEY_PRECISION, MONEY_SCALE } from '../money/currencies.js';

/**
 * The value types a storage driver handles. Drivers never see `Money`, enums or references:
 * the kernel flattens records into these before a driver is called.
 *
 * | type        | value in a flat row                                 |
 * |-------------|------------------------------------------------------|
 * | `text`      | string                                               |
 * | `integer`   | number (safe integer)                                |
 * | `decimal`   | canonical decimal string with exactly `scale` digits |
 * | `boolean`   | boolean                                              |
 * | `date`      | `YYYY-MM-DD` string                                  |
 * | `timestamp` | `Date` (UTC, milliseconds)                           |
 * | `json`      | any JSON value                                       |
 * | `textList`  | string[]                                             |
 */
export type ColumnType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'json'
  | 'textList';

/** One column of a table. */
export interface ColumnLayout {
  /** snake_case column name, e.g. `annual_revenue` or `annual_revenue_currency`. */
  readonly name: string;
  /** The record path it holds: `annualRevenue`, or `annualRevenue.currency` for a money currency. */
  readonly path: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  /** decimal: digits after the point, and total digits. */
  readonly scale?: number;
  readonly precision?: number;
  /** text: the longest value. */
  readonly maxLength?: number;
  /** System columns (`id`, `version`, `created_at`, `updated_at`). */
  readonly system: boolean;
}

/** An index over columns; every index is per tenant (the tenant column comes first). */
export interface IndexLayout {
  readonly name: string;
  /** Key columns, then the columns of included fields (never on unique indexes). */
  readonly columns: readonly string[];
  readonly unique: boolean;
}

/** How one model is laid out in storage. Drivers create and query tables from this alone. */
export interface TableLayout {
  /** The model name. */
  readonly model: string;
  /** snake_case table name with the `sk_` prefix, e.g. `sk_audit_entry`. */
  readonly table: string;
  readonly columns: readonly ColumnLayout[];
  readonly indexes: readonly IndexLayout[];
}

/**
 * `annualRevenue` → `annual_revenue`.
 *
 * @example
 * ```ts
 * toSnakeCase('annualRevenue'); // 'annual_revenue'
 * ```
 */
export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

const SYSTEM_COLUMNS: readonly ColumnLayout[] = [
  { name: 'id', path: 'id', type: 'text', nullable: false, maxLength: 64, system: true },
  { name: 'version', path: 'version', type: 'integer', nullable: false, system: true },
  { name: 'created_at', path: 'createdAt', type: 'timestamp', nullable: false, system: true },
  { name: 'updated_at', path: 'updatedAt', type: 'timestamp', nullable: false, system: true },
];

/**
 * Derives the storage layout of a model. A money field becomes two columns: the amount as a
 * decimal and its currency as text (`<name>_currency`).
 *
 * @example
 * ```ts
 * import { company } from '@sellkit/customers';
 * const layout = tableLayout(company);
 * layout.table; // 'sk_company'
 * layout.columns.map((column) => column.name); // ['id', 'version', ..., 'name_key', ...]
 * ```
 */
export function tableLayout(model: AnyModel): TableLayout {
  const columns: ColumnLayout[] = [...SYSTEM_COLUMNS];
  const indexes: IndexLayout[] = [];
  const table = `sk_${toSnakeCase(model.name)}`;
  for (const [path, definition] of Object.entries(model.fields)) {
    const name = toSnakeCase(path);
    // A field with a default is always filled in on create, but may still be cleared unless required.
    const nullable = !definition.required;
    switch (definition.kind) {
      case 'money':
        columns.push({
          name,
          path,
          type: 'decimal',
          nullable,
          scale: MONEY_SCALE,
          precision: MONEY_PRECISION,
          system: false,
        });
        columns.push({
          name: `${name}_currency`,
          path: `${path}.currency`,
          type: 'text',
          nullable,
          maxLength: 3,
          system: false,
        });
        break;
      case 'decimal':
        columns.push({
          name,
          path,
          type: 'decimal',
          nullable,
          scale: definition.scale ?? 2,
          precision: definition.precision ?? 18,
          system: false,
        });
        break;
      case 'enum':
      case 'reference':
      case 'text':
        columns.push({
          name,
          path,
          type: 'text',
          nullable,
          maxLength:
            definition.kind === 'enum'
              ? Math.max(...(definition.values ?? ['']).map((value) => value.length))
              : (definition.maxLength ?? 1000),
          system: false,
        });
        break;
      default:
        columns.push({ name, path, type: definition.kind, nullable, system: false });
    }
    if (definition.unique || definition.index) {
      indexes.push({
        name: `${table}_${name}_${definition.unique ? 'key' : 'idx'}`,
        columns: [name],
        unique: definition.unique,
      });
    }
  }
  const byPath = new Map(columns.map((column) => [column.path, column.name]));
  const moneyPaths = new Set(
    Object.entries(model.fields)
      .filter(([, definition]) => definition.kind === 'money')
      .map(([name]) => name),
  );
  for (const index of model.indexes) {
    const names = index.fields.map((path) => byPath.get(path) ?? toSnakeCase(path));
    // Currency before amount: reports group by currency and sum the amount.
    const included = (index.include ?? []).flatMap((path) =>
      (moneyPaths.has(path) ? [`${path}.currency`, path] : [path]).map(
        (part) => byPath.get(part) ?? toSnakeCase(part),
      ),
    );
    indexes.push({
      name: `${table}_${names.join('_')}_${index.unique ? 'key' : 'idx'}`,
      columns: [...names, ...included.filter((name) => !names.includes(name))],
      unique: index.unique === true,
    });
  }
  return Object.freeze({
    model: model.name,
    table,
    columns: Object.freeze(columns),
    indexes: Object.freeze(indexes),
  });
}

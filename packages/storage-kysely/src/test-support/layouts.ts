import type { ColumnLayout, IndexLayout, TableLayout } from '@sellkit/core/driver';

const system: ColumnLayout[] = [
  { name: 'id', path: 'id', type: 'text', nullable: false, maxLength: 64, system: true },
  { name: 'version', path: 'version', type: 'integer', nullable: false, system: true },
  { name: 'created_at', path: 'createdAt', type: 'timestamp', nullable: false, system: true },
  { name: 'updated_at', path: 'updatedAt', type: 'timestamp', nullable: false, system: true },
];

let tables = 0;

/** A small layout with a unique table name (so tests can share one database). */
export function smallLayout(prefix = 'sk_mig'): TableLayout {
  tables += 1;
  const table = `${prefix}_${Date.now().toString(36)}_${tables}`;
  return {
    model: table,
    table,
    columns: [
      ...system,
      { name: 'name', path: 'name', type: 'text', nullable: false, maxLength: 100, system: false },
      {
        name: 'amount',
        path: 'amount',
        type: 'decimal',
        nullable: true,
        scale: 2,
        precision: 12,
        system: false,
      },
      { name: 'email', path: 'email', type: 'text', nullable: true, maxLength: 100, system: false },
    ],
    indexes: [{ name: `${table}_email_key`, columns: ['email'], unique: true }],
  };
}

/** The layout with one column replaced (matched by name) or appended. */
export function withColumn(layout: TableLayout, column: ColumnLayout): TableLayout {
  const exists = layout.columns.some((item) => item.name === column.name);
  return {
    ...layout,
    columns: exists
      ? layout.columns.map((item) => (item.name === column.name ? column : item))
      : [...layout.columns, column],
  };
}

/** The layout without a column (and without the indexes on it). */
export function withoutColumn(layout: TableLayout, name: string): TableLayout {
  return {
    ...layout,
    columns: layout.columns.filter((column) => column.name !== name),
    indexes: layout.indexes.filter((index) => !index.columns.includes(name)),
  };
}

/** The layout with other indexes. */
export function withIndexes(layout: TableLayout, indexes: IndexLayout[]): TableLayout {
  return { ...layout, indexes };
}

/** A column definition for tests. */
export function column(
  name: string,
  type: ColumnLayout['type'],
  nullable: boolean,
  extra: Partial<ColumnLayout> = {},
): ColumnLayout {
  return { name, path: name, type, nullable, system: false, ...extra };
}

/** A flat row of {@link smallLayout}. */
export function smallRow(values: Record<string, unknown> = {}): Record<string, unknown> {
  tables += 1;
  const now = new Date('2026-01-01T00:00:00.000Z');
  return {
    id: `row_${tables}`,
    version: 1,
    created_at: now,
    updated_at: now,
    name: 'n',
    amount: null,
    email: null,
    ...values,
  };
}

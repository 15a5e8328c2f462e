import type { ColumnType, FilterNode, LeafOperator } from '@sellkit/core/driver';
import { everythingLayout } from './models.js';

const types = new Map(everythingLayout.columns.map((column) => [column.name, column.type]));

/** A leaf on a column of the `everything` test table. */
export function leaf(column: string, op: LeafOperator, value?: unknown): FilterNode {
  const columnType = types.get(column) as ColumnType | undefined;
  if (!columnType) throw new Error(`no column ${column}`);
  return value === undefined
    ? { type: 'leaf', column, columnType, op }
    : { type: 'leaf', column, columnType, op, value };
}

/** Conjunction. */
export function and(...nodes: FilterNode[]): FilterNode {
  return { type: 'and', nodes };
}

/** Disjunction. */
export function or(...nodes: FilterNode[]): FilterNode {
  return { type: 'or', nodes };
}

/** Matches every row. */
export const all: FilterNode = { type: 'const', value: true };

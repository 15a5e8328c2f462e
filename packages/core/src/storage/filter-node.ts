import type { FilterNode, LeafOperator } from './driver.js';

/** The filter that matches every row. */
export const MATCH_ALL: FilterNode = Object.freeze({ type: 'const', value: true });
/** The filter that matches no row. */
export const MATCH_NONE: FilterNode = Object.freeze({ type: 'const', value: false });

/** Joins nodes with AND/OR, flattening nested joins of the same kind and folding constants. */
export function join(type: 'and' | 'or', nodes: readonly FilterNode[]): FilterNode {
  const absorbing = type === 'or'; // true absorbs an OR, false absorbs an AND
  const kept: FilterNode[] = [];
  for (const node of nodes) {
    if (node.type === 'const') {
      if (node.value === absorbing) return node.value ? MATCH_ALL : MATCH_NONE;
      continue;
    }
    if (node.type === type) kept.push(...node.nodes);
    else kept.push(node);
  }
  if (kept.length === 0) return absorbing ? MATCH_NONE : MATCH_ALL;
  if (kept.length === 1) return kept[0] as FilterNode;
  return { type, nodes: kept };
}

const INVERSE: Partial<Record<LeafOperator, LeafOperator>> = {
  eq: 'ne',
  ne: 'eq',
  in: 'notIn',
  notIn: 'in',
  contains: 'notContains',
  notContains: 'contains',
  startsWith: 'notStartsWith',
  notStartsWith: 'startsWith',
  isNull: 'isNotNull',
  isNotNull: 'isNull',
};

// Range operators are false on null, so their negation must also accept null.
const RANGE_INVERSE: Partial<Record<LeafOperator, LeafOperator>> = {
  lt: 'gte',
  lte: 'gt',
  gt: 'lte',
  gte: 'lt',
};

/**
 * The negation of a normalised filter, still without `not`: De Morgan on joins and null-aware
 * inversion on leaves, so the result keeps the two-valued semantics drivers implement.
 * `nullable(column)` says whether a column can hold null (to skip needless `isNull` branches).
 */
export function negate(node: FilterNode, nullable: (column: string) => boolean): FilterNode {
  switch (node.type) {
    case 'const':
      return node.value ? MATCH_NONE : MATCH_ALL;
    case 'and':
      return join(
        'or',
        node.nodes.map((child) => negate(child, nullable)),
      );
    case 'or': {
      // not (x < v or x is null) is just x >= v: range leaves are already false on null.
      const [first, second] = node.nodes;
      if (
        node.nodes.length === 2 &&
        first?.type === 'leaf' &&
        second?.type === 'leaf' &&
        second.op === 'isNull' &&
        second.column === first.column &&
        RANGE_INVERSE[first.op]
      ) {
        return { ...first, op: RANGE_INVERSE[first.op] as LeafOperator };
      }
      return join(
        'and',
        node.nodes.map((child) => negate(child, nullable)),
      );
    }
    case 'leaf': {
      const inverse = INVERSE[node.op];
      if (inverse) return { ...node, op: inverse };
      const range = RANGE_INVERSE[node.op] as LeafOperator;
      const flipped: FilterNode = { ...node, op: range };
      if (!nullable(node.column)) return flipped;
      return join('or', [
        flipped,
        { type: 'leaf', column: node.column, columnType: node.columnType, op: 'isNull' },
      ]);
    }
  }
}

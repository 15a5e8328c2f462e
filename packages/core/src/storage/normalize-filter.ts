import { fromZodError, SellkitError, validationError } from '../errors/sellkit-error.js';
import { isPlainObject } from '../kit/is-plain-object.js';
import { fieldValueSchema } from '../model/field-schema.js';
import type { FieldKind } from '../model/fields.js';
import { Money } from '../money/money.js';
import type { FilterNode, LeafOperator } from './driver.js';
import { join, MATCH_ALL, MATCH_NONE, negate } from './filter-node.js';
import { moneyAmount } from './flatten.js';
import type { ColumnLayout } from './layout.js';
import type { FieldInfo, ModelInfo } from './model-info.js';
import { FILTER_OPERATORS, type FilterOperator } from './query.js';

/** The longest list `in`/`notIn` accept. */
export const MAX_IN_VALUES = 10_000;
const MAX_DEPTH = 32;

const RANGE: readonly FilterOperator[] = ['lt', 'lte', 'gt', 'gte'];
const EQUALITY: readonly FilterOperator[] = ['eq', 'ne', 'in', 'notIn', 'isNull'];

/** Which operators each kind of field supports. */
export const OPERATORS_BY_KIND: Readonly<Record<FieldKind, readonly FilterOperator[]>> = {
  text: [...EQUALITY, ...RANGE, 'contains', 'startsWith'],
  integer: [...EQUALITY, ...RANGE],
  decimal: [...EQUALITY, ...RANGE],
  date: [...EQUALITY, ...RANGE],
  timestamp: [...EQUALITY, ...RANGE],
  money: ['eq', 'ne', ...RANGE, 'isNull'],
  boolean: EQUALITY,
  enum: EQUALITY,
  reference: EQUALITY,
  json: ['isNull'],
  textList: ['contains', 'isNull'],
};

function isMoneyLiteral(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && 'amount' in value && 'currency' in value;
}

interface Context {
  readonly info: ModelInfo;
  readonly model: string;
}

function leaf(column: ColumnLayout, op: LeafOperator, value?: unknown): FilterNode {
  return value === undefined
    ? { type: 'leaf', column: column.name, columnType: column.type, op }
    : { type: 'leaf', column: column.name, columnType: column.type, op, value };
}

/** One value coerced like a stored value of the field (type, scale, enum), or VALIDATION_FAILED. */
function coerce(ctx: Context, found: FieldInfo, value: unknown, path: string): unknown {
  const schema =
    found.definition.kind === 'textList'
      ? fieldValueSchema({ ...found.definition, kind: 'text' }, 'filter')
      : fieldValueSchema(found.definition, 'filter');
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, { model: ctx.model }, path);
  return result.data;
}

function flatValue(value: unknown): unknown {
  return value instanceof Money ? moneyAmount(value) : value;
}

function moneyLeaf(found: FieldInfo, op: LeafOperator, money: Money): FilterNode {
  const currency = found.currency as ColumnLayout;
  const amount = leaf(found.column, op === 'ne' ? 'eq' : op, moneyAmount(money));
  const same = join('and', [amount, leaf(currency, 'eq', money.currency)]);
  // ne is "not (same amount and same currency)", which is true on null like every ne.
  return op === 'ne' ? negate(same, () => true) : same;
}

function operatorLeaf(
  ctx: Context,
  found: FieldInfo,
  op: FilterOperator,
  value: unknown,
  path: string,
): FilterNode {
  const column = found.column;
  switch (op) {
    case 'isNull':
      if (typeof value !== 'boolean')
        throw validationError(path, 'must be true or false', 'invalid_type', { model: ctx.model });
      return leaf(column, value ? 'isNull' : 'isNotNull');
    case 'in':
    case 'notIn': {
      if (!Array.isArray(value))
        throw validationError(path, 'must be a list', 'invalid_type', { model: ctx.model });
      if (value.length > MAX_IN_VALUES) {
        throw validationError(path, `must have at most ${MAX_IN_VALUES} values`, 'too_big', {
          model: ctx.model,
        });
      }
      if (value.length === 0) return op === 'in' ? MATCH_NONE : MATCH_ALL;
      const values = value.map((item, index) =>
        flatValue(coerce(ctx, found, item, `${path}.${index}`)),
      );
      return leaf(column, op, values);
    }
    case 'contains':
    case 'startsWith': {
      if (typeof value !== 'string') {
        throw validationError(path, 'must be a string', 'invalid_type', { model: ctx.model });
      }
      const text = coerce(ctx, found, value, path);
      return leaf(column, op, text);
    }
    default: {
      if (value === null && (op === 'eq' || op === 'ne')) {
        return leaf(column, op === 'eq' ? 'isNull' : 'isNotNull');
      }
      const coerced = coerce(ctx, found, value, path);
      if (coerced instanceof Money) return moneyLeaf(found, op, coerced);
      return leaf(column, op, coerced);
    }
  }
}

function fieldCondition(
  ctx: Context,
  found: FieldInfo,
  condition: unknown,
  path: string,
): FilterNode {
  const allowed = OPERATORS_BY_KIND[found.definition.kind];
  const check = (op: FilterOperator, at: string) => {
    if (!allowed.includes(op)) {
      throw validationError(
        at,
        `${op} does not apply to ${found.definition.kind} field ${found.name} (allowed: ${allowed.join(', ')})`,
        'unsupported_operator',
        { model: ctx.model },
      );
    }
  };
  if (condition === null) return leaf(found.column, 'isNull');
  const isOperators =
    isPlainObject(condition) && !(found.definition.kind === 'money' && isMoneyLiteral(condition));
  if (!isOperators) {
    check('eq', path);
    return operatorLeaf(ctx, found, 'eq', condition, path);
  }
  const nodes: FilterNode[] = [];
  for (const key of Object.keys(condition)) {
    const value = condition[key];
    const at = `${path}.${key}`;
    if (!(FILTER_OPERATORS as readonly string[]).includes(key)) {
      throw validationError(at, `unknown operator ${key}`, 'unknown_operator', {
        model: ctx.model,
      });
    }
    if (value === undefined) continue;
    check(key as FilterOperator, at);
    nodes.push(operatorLeaf(ctx, found, key as FilterOperator, value, at));
  }
  return join('and', nodes);
}

function nullableOf(ctx: Context): (column: string) => boolean {
  const columns = new Map(ctx.info.layout.columns.map((column) => [column.name, column.nullable]));
  return (column) => columns.get(column) ?? true;
}

function build(ctx: Context, where: unknown, path: string, depth: number): FilterNode {
  if (depth > MAX_DEPTH) {
    throw validationError(path, `nests deeper than ${MAX_DEPTH} levels`, 'too_deep', {
      model: ctx.model,
    });
  }
  if (!isPlainObject(where)) {
    throw validationError(path, 'must be an object of field conditions', 'invalid_type', {
      model: ctx.model,
    });
  }
  const nodes: FilterNode[] = [];
  for (const key of Object.keys(where)) {
    const value = where[key];
    if (value === undefined) continue;
    const at = `${path}.${key}`;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) {
        throw validationError(at, 'must be a list of filters', 'invalid_type', {
          model: ctx.model,
        });
      }
      const children = value.map((child, index) => build(ctx, child, `${at}.${index}`, depth + 1));
      nodes.push(join(key, children));
    } else if (key === 'not') {
      nodes.push(negate(build(ctx, value, at, depth + 1), nullableOf(ctx)));
    } else {
      const found = ctx.info.fields.get(key);
      if (!found) {
        throw validationError(at, `model ${ctx.model} has no field ${key}`, 'unknown_field', {
          model: ctx.model,
        });
      }
      nodes.push(fieldCondition(ctx, found, value, at));
    }
  }
  return join('and', nodes);
}

/**
 * Turns a public {@link Where} into the driver's {@link FilterNode}: field names, operators and
 * values checked (VALIDATION_FAILED naming the path, e.g. `where.or.1.employees.gtx`), money
 * split into amount and currency conditions, and `not` pushed down to the leaves.
 */
export function normalizeWhere(info: ModelInfo, where: unknown, path = 'where'): FilterNode {
  if (where === undefined || where === null) return MATCH_ALL;
  const ctx: Context = { info, model: info.model.name };
  try {
    return build(ctx, where, path, 0);
  } catch (error) {
    if (error instanceof SellkitError) throw error;
    throw validationError(path, 'is not a valid filter', 'invalid_type', { model: ctx.model });
  }
}

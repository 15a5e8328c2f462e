import { validationError } from '../errors/sellkit-error.js';
import { isPlainObject } from '../kit/is-plain-object.js';
import type { DriverAggregate, DriverGroupKey, DriverMeasure } from './driver.js';
import type { ColumnLayout } from './layout.js';
import type { FieldInfo, ModelInfo } from './model-info.js';
import { normalizeWhere } from './normalize-filter.js';
import type { AggregateFunction, SortDirection, TimeBucket } from './query.js';

/** The most groups one aggregate may return. */
export const MAX_AGGREGATE_LIMIT = 100_000;

const BUCKETS: readonly TimeBucket[] = ['day', 'week', 'month', 'quarter', 'year'];
const FUNCTIONS: readonly AggregateFunction[] = ['sum', 'count', 'avg', 'min', 'max'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const GROUPABLE = new Set([
  'text',
  'integer',
  'decimal',
  'boolean',
  'date',
  'timestamp',
  'enum',
  'reference',
]);
const SUMMABLE = new Set(['integer', 'decimal', 'money']);
const ORDERED = new Set(['integer', 'decimal', 'money', 'date', 'timestamp', 'text']);

/** A validated group key. */
export interface GroupPlan {
  readonly name: string;
  readonly alias: string;
  readonly field: FieldInfo;
  readonly column: ColumnLayout;
  readonly kind: 'value' | 'bucket' | 'currency';
  readonly bucket?: TimeBucket;
}

/** A validated measure and the driver aliases it reads. */
export interface MeasurePlan {
  readonly name: string;
  readonly fn: AggregateFunction;
  readonly field?: FieldInfo;
  /** sum/min/max/count alias. */
  readonly main: string;
  /** avg: the count of non-null values. */
  readonly count?: string;
  /** money: aliases of the smallest and largest currency of the group. */
  readonly currencyMin?: string;
  readonly currencyMax?: string;
}

/** A normalised aggregate plus what the kernel still does after the driver answered. */
export interface AggregatePlan {
  readonly driver: DriverAggregate;
  readonly groups: readonly GroupPlan[];
  readonly measures: readonly MeasurePlan[];
  /** Set when the order involves averages: the kernel sorts and cuts after computing them. */
  readonly kernelOrder?: readonly { readonly name: string; readonly direction: SortDirection }[];
  readonly kernelLimit?: number;
}

function onlyKeys(
  value: Record<string, unknown>,
  keys: readonly string[],
  path: string,
  model: string,
): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key))
      throw validationError(`${path}.${key}`, `unknown field ${key}`, 'unknown_field', { model });
  }
}

/** The field a group key or measure names at `at`, or `VALIDATION_FAILED` (`unknown_field`). */
function namedField(info: ModelInfo, name: unknown, at: string, model: string): FieldInfo {
  const found = typeof name === 'string' ? info.fields.get(name) : undefined;
  if (!found)
    throw validationError(at, `model ${model} has no field ${String(name)}`, 'unknown_field', {
      model,
    });
  return found;
}

function planGroups(info: ModelInfo, groupBy: unknown, model: string): GroupPlan[] {
  if (groupBy === undefined) return [];
  if (!Array.isArray(groupBy))
    throw validationError('groupBy', 'must be a list of group keys', 'invalid_type', { model });
  const groups: GroupPlan[] = [];
  groupBy.forEach((key: unknown, index) => {
    const at = `groupBy.${index}`;
    let plan: GroupPlan;
    if (typeof key === 'string') {
      const currency = key.endsWith('.currency') ? key.slice(0, -'.currency'.length) : null;
      const found = info.fields.get(currency ?? key);
      if (!found)
        throw validationError(at, `model ${model} has no field ${key}`, 'unknown_field', { model });
      if (currency !== null) {
        if (!found.currency)
          throw validationError(at, `${currency} is not a money field`, 'invalid_group', { model });
        plan = {
          name: key,
          alias: `g${index}`,
          field: found,
          column: found.currency,
          kind: 'currency',
        };
      } else {
        if (!GROUPABLE.has(found.definition.kind)) {
          throw validationError(
            at,
            `cannot group by ${found.definition.kind} field ${key}${found.currency ? ` (group by ${key}.currency)` : ''}`,
            'invalid_group',
            { model },
          );
        }
        plan = { name: key, alias: `g${index}`, field: found, column: found.column, kind: 'value' };
      }
    } else if (isPlainObject(key)) {
      onlyKeys(key, ['field', 'bucket', 'as'], at, model);
      const found = namedField(info, key.field, `${at}.field`, model);
      if (found.definition.kind !== 'date' && found.definition.kind !== 'timestamp') {
        throw validationError(
          `${at}.field`,
          'time buckets apply to date and timestamp fields only',
          'invalid_group',
          { model },
        );
      }
      if (!BUCKETS.includes(key.bucket as TimeBucket)) {
        throw validationError(
          `${at}.bucket`,
          `must be one of ${BUCKETS.join(', ')}`,
          'invalid_value',
          { model },
        );
      }
      const name = key.as === undefined ? found.name : key.as;
      if (typeof name !== 'string' || !NAME.test(name)) {
        throw validationError(
          `${at}.as`,
          'must be a name of letters, digits and _',
          'invalid_value',
          { model },
        );
      }
      plan = {
        name,
        alias: `g${index}`,
        field: found,
        column: found.column,
        kind: 'bucket',
        bucket: key.bucket as TimeBucket,
      };
    } else {
      throw validationError(at, 'must be a field name or { field, bucket, as }', 'invalid_type', {
        model,
      });
    }
    groups.push(plan);
  });
  const names = new Set<string>();
  for (const [index, group] of groups.entries()) {
    if (names.has(group.name))
      throw validationError(`groupBy.${index}`, `${group.name} is grouped twice`, 'duplicate', {
        model,
      });
    names.add(group.name);
  }
  return groups;
}

interface MeasureBuilder {
  readonly measures: DriverMeasure[];
  readonly byKey: Map<string, string>;
}

function driverMeasure(
  builder: MeasureBuilder,
  fn: DriverMeasure['fn'],
  column?: ColumnLayout,
): string {
  const key = `${fn}:${column?.name ?? '*'}`;
  const existing = builder.byKey.get(key);
  if (existing) return existing;
  const alias = `m${builder.measures.length}`;
  builder.measures.push(
    column ? { alias, fn, column: column.name, columnType: column.type } : { alias, fn },
  );
  builder.byKey.set(key, alias);
  return alias;
}

function planMeasures(
  info: ModelInfo,
  measures: unknown,
  groups: readonly GroupPlan[],
  model: string,
  builder: MeasureBuilder,
): MeasurePlan[] {
  if (!isPlainObject(measures))
    throw validationError('measures', 'must be an object of named measures', 'invalid_type', {
      model,
    });
  const plans: MeasurePlan[] = [];
  const groupNames = new Set(groups.map((group) => group.name));
  for (const name of Object.keys(measures)) {
    const at = `measures.${name}`;
    const measure = measures[name];
    if (!NAME.test(name))
      throw validationError(at, 'a measure name is letters, digits and _', 'invalid_value', {
        model,
      });
    if (groupNames.has(name))
      throw validationError(at, `${name} is already a group key`, 'duplicate', { model });
    if (!isPlainObject(measure))
      throw validationError(at, 'must be { fn, field }', 'invalid_type', { model });
    onlyKeys(measure, ['fn', 'field'], at, model);
    const fn = measure.fn as AggregateFunction;
    if (!FUNCTIONS.includes(fn))
      throw validationError(`${at}.fn`, `must be one of ${FUNCTIONS.join(', ')}`, 'invalid_value', {
        model,
      });
    let found: FieldInfo | undefined;
    if (measure.field !== undefined) {
      found = namedField(info, measure.field, `${at}.field`, model);
    }
    if (!found) {
      if (fn !== 'count')
        throw validationError(`${at}.field`, `${fn} needs a field`, 'required', { model });
      plans.push({ name, fn, main: driverMeasure(builder, 'count') });
      continue;
    }
    const kind = found.definition.kind;
    const allowed =
      fn === 'count' ? true : fn === 'sum' || fn === 'avg' ? SUMMABLE.has(kind) : ORDERED.has(kind);
    if (!allowed)
      throw validationError(
        `${at}.field`,
        `${fn} does not apply to ${kind} field ${found.name}`,
        'unsupported_measure',
        { model },
      );
    const column = found.column;
    const currency =
      found.currency && fn !== 'count'
        ? {
            currencyMin: driverMeasure(builder, 'min', found.currency),
            currencyMax: driverMeasure(builder, 'max', found.currency),
          }
        : {};
    if (fn === 'avg') {
      plans.push({
        name,
        fn,
        field: found,
        main: driverMeasure(builder, 'sum', column),
        count: driverMeasure(builder, 'count', column),
        ...currency,
      });
    } else {
      plans.push({ name, fn, field: found, main: driverMeasure(builder, fn, column), ...currency });
    }
  }
  return plans;
}

function planLimit(limit: unknown, model: string): number | undefined {
  if (limit === undefined) return undefined;
  if (
    typeof limit !== 'number' ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > MAX_AGGREGATE_LIMIT
  ) {
    throw validationError(
      'limit',
      `must be an integer from 1 to ${MAX_AGGREGATE_LIMIT}`,
      'invalid_value',
      { model },
    );
  }
  return limit;
}

/** Validates a public aggregate query and turns it into the driver's form. */
export function planAggregate(info: ModelInfo, query: unknown): AggregatePlan {
  const model = info.model.name;
  if (!isPlainObject(query))
    throw validationError('', 'an aggregate query must be an object', 'invalid_type', { model });
  onlyKeys(query, ['where', 'groupBy', 'measures', 'orderBy', 'limit'], '', model);
  const where = normalizeWhere(info, query.where);
  const groups = planGroups(info, query.groupBy, model);
  const builder: MeasureBuilder = { measures: [], byKey: new Map() };
  const measures = planMeasures(info, query.measures, groups, model, builder);
  const limit = planLimit(query.limit, model);
  const order: { name: string; direction: SortDirection }[] = [];
  const orderBy = query.orderBy ?? [];
  if (!Array.isArray(orderBy))
    throw validationError('orderBy', 'must be a list of { key, direction }', 'invalid_type', {
      model,
    });
  orderBy.forEach((item: unknown, index) => {
    const at = `orderBy.${index}`;
    if (!isPlainObject(item))
      throw validationError(at, 'must be { key, direction }', 'invalid_type', { model });
    onlyKeys(item, ['key', 'direction'], at, model);
    const direction = item.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc')
      throw validationError(`${at}.direction`, 'must be asc or desc', 'invalid_value', { model });
    const known =
      groups.some((group) => group.name === item.key) ||
      measures.some((measure) => measure.name === item.key);
    if (typeof item.key !== 'string' || !known) {
      throw validationError(
        `${at}.key`,
        `${String(item.key)} is neither a group key nor a measure`,
        'unknown_field',
        { model },
      );
    }
    if (!order.some((entry) => entry.name === item.key)) order.push({ name: item.key, direction });
  });
  // Remaining group keys ascending make the order total, so results never shuffle.
  for (const group of groups) {
    if (!order.some((entry) => entry.name === group.name))
      order.push({ name: group.name, direction: 'asc' });
  }
  const byAverage = order.some((entry) =>
    measures.some((measure) => measure.name === entry.name && measure.fn === 'avg'),
  );
  const aliasOf = (name: string) =>
    groups.find((group) => group.name === name)?.alias ??
    (measures.find((measure) => measure.name === name) as MeasurePlan).main;
  const groupBy: DriverGroupKey[] = groups.map((group) => {
    const bucket = group.bucket;
    return {
      alias: group.alias,
      column: group.column.name,
      columnType: group.column.type,
      ...(bucket ? { bucket } : {}),
    };
  });
  const driver: DriverAggregate = {
    where,
    groupBy,
    measures: builder.measures,
    orderBy: byAverage
      ? []
      : order.map((entry) => ({ alias: aliasOf(entry.name), direction: entry.direction })),
    ...(limit !== undefined && !byAverage ? { limit } : {}),
  };
  return {
    driver,
    groups,
    measures,
    ...(byAverage
      ? { kernelOrder: order, ...(limit !== undefined ? { kernelLimit: limit } : {}) }
      : {}),
  };
}

import {
  type AggregateRow,
  type AnyModel,
  type EventMap,
  isSellkitError,
  type ModuleScope,
  Money,
  type TenantCalendar,
  toDecimal,
  validationError,
  type Where,
} from '@sellkit/core';
import type { KpiMeasure } from './kpi-definition.js';

/** One aggregate row of a measure: a rep's (by user id) total in one segment of the period. */
export interface SegmentTotal {
  /** The segment's first day: the organisation on that day holds for the whole segment. */
  readonly day: string;
  readonly userId: string | null;
  /** The currency of a money sum, null otherwise. */
  readonly currency: string | null;
  readonly value: ReturnType<typeof toDecimal>;
}

/** The model of a measure, and checks of its fields (`VALIDATION_FAILED` naming `path`). */
export function measureModel<E extends EventMap>(
  scope: ModuleScope<E>,
  measure: KpiMeasure,
  path: string,
): { model: AnyModel; dateKind: 'date' | 'timestamp'; money: boolean } {
  let model: AnyModel;
  try {
    model = scope.model(measure.model);
  } catch (error) {
    if (isSellkitError(error, 'CONFIGURATION_INVALID')) {
      throw validationError(
        `${path}.model`,
        `no model ${measure.model} is composed`,
        'unknown_model',
      );
    }
    throw error;
  }
  const fields = model.fields as Readonly<Record<string, { readonly kind: string } | undefined>>;
  const dateKind = fields[measure.dateField]?.kind;
  if (dateKind !== 'date' && dateKind !== 'timestamp') {
    throw validationError(
      `${path}.dateField`,
      `must be a date or timestamp field of ${model.name}`,
      'unknown_field',
    );
  }
  const repKind = fields[measure.repField]?.kind;
  if (repKind !== 'text' && repKind !== 'reference') {
    throw validationError(
      `${path}.repField`,
      `must be a text field of ${model.name}`,
      'unknown_field',
    );
  }
  let money = false;
  if (measure.fn === 'sum') {
    const kind = measure.field === undefined ? undefined : fields[measure.field]?.kind;
    if (kind !== 'integer' && kind !== 'decimal' && kind !== 'money') {
      throw validationError(
        `${path}.field`,
        `must be a number or money field of ${model.name}`,
        'unknown_field',
      );
    }
    money = kind === 'money';
  }
  return { model, dateKind, money };
}

function decimalOf(raw: unknown) {
  if (raw === null || raw === undefined) return toDecimal(0);
  if (Money.isMoney(raw)) return toDecimal(raw.toDecimal());
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'bigint')
    return toDecimal(raw);
  return toDecimal(0);
}

/**
 * Totals of a measure per rep and segment, one storage aggregate per segment (grouped by the
 * credited rep field, and by currency for money sums), read through the actor's records so
 * their access scope applies (`whole`: every record, for leaderboards). `currencyField` groups a
 * count by another measure's currency.
 */
export async function measureTotals<E extends EventMap>(
  scope: ModuleScope<E>,
  calendar: TenantCalendar,
  measure: KpiMeasure,
  boundaries: readonly string[],
  path: string,
  currencyField?: string,
  whole = false,
): Promise<SegmentTotal[]> {
  const { model, dateKind, money } = measureModel(scope, measure, path);
  const currencyKey = money
    ? `${measure.field}.currency`
    : currencyField
      ? `${currencyField}.currency`
      : null;
  const totals: SegmentTotal[] = [];
  for (let i = 0; i + 1 < boundaries.length; i += 1) {
    const from = boundaries[i] as string;
    const to = boundaries[i + 1] as string;
    const range =
      dateKind === 'date'
        ? { gte: from, lt: to }
        : { gte: calendar.instantOf(from), lt: calendar.instantOf(to) };
    const inPeriod: Where = { [measure.dateField]: range };
    const where: Where = measure.where ? { and: [measure.where, inPeriod] } : inPeriod;
    const rows: AggregateRow[] = await (whole
      ? // internal: a leaderboard ranks every rep of its scope, whoever looks at it
        scope.internal(model)
      : scope.records(model)
    ).aggregate({
      where,
      groupBy: currencyKey ? [measure.repField, currencyKey] : [measure.repField],
      measures: {
        value:
          measure.fn === 'count' ? { fn: 'count' } : { fn: 'sum', field: measure.field as string },
      },
    });
    for (const row of rows) {
      const user = row[measure.repField];
      const currency = currencyKey ? row[currencyKey] : null;
      totals.push({
        day: from,
        userId: typeof user === 'string' ? user : null,
        currency: typeof currency === 'string' ? currency : null,
        value: decimalOf(row.value),
      });
    }
  }
  return totals;
}

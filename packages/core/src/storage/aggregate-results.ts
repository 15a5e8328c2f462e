import { Decimal } from 'decimal.js';
import { SellkitError } from '../errors/sellkit-error.js';
import { canonicalDecimal } from '../model/value-checks.js';
import { currencyExponent } from '../money/currencies.js';
import { divideRounded, powerOfTen, toScaledInteger } from '../money/exact.js';
import { Money } from '../money/money.js';
import { compareValues } from './compare-values.js';
import type { FlatRow } from './driver.js';
import { readFlat } from './flatten.js';
import type { AggregatePlan, GroupPlan, MeasurePlan } from './normalize-aggregate.js';
import type { AggregateRow } from './query.js';

function failure(message: string, details: Record<string, unknown> = {}): SellkitError {
  return new SellkitError('STORAGE_FAILURE', message, details);
}

function toDecimalValue(value: unknown, alias: string): Decimal {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') {
    try {
      return new Decimal(value.toString());
    } catch {
      // fall through to the failure below
    }
  }
  throw failure(`the driver returned a non-numeric value for ${alias}`, { alias });
}

function count(value: unknown, alias: string): number {
  if (value === null || value === undefined) return 0;
  const number = Number(
    typeof value === 'bigint' ? value : toDecimalValue(value, alias).toFixed(0),
  );
  if (!Number.isSafeInteger(number)) throw failure(`count ${alias} is out of range`, { alias });
  return number;
}

function groupValue(group: GroupPlan, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (group.kind === 'bucket' || group.kind === 'currency') {
    if (typeof value !== 'string')
      throw failure(`the driver returned a non-text label for ${group.name}`);
    return value;
  }
  return readFlat(group.column, value);
}

/** A single currency for the group, or CURRENCY_MISMATCH; null when the group has no amount. */
function currencyOf(
  measure: MeasurePlan,
  row: FlatRow,
  groupKey: Record<string, unknown>,
): string | null {
  const low = row[measure.currencyMin as string];
  const high = row[measure.currencyMax as string];
  if (low === null || low === undefined) return null;
  if (low !== high) {
    throw new SellkitError(
      'CURRENCY_MISMATCH',
      `${measure.name}: the group mixes ${String(low)} and ${String(high)}; group by ${measure.field?.name}.currency`,
      {
        measure: measure.name,
        field: measure.field?.name,
        currencies: [low, high],
        group: groupKey,
      },
    );
  }
  return String(low);
}

/** sum / count rounded half-even to `scale` decimals, computed exactly on bigints. */
function average(sum: Decimal, items: number, scale: number): string {
  const exact = toScaledInteger(sum);
  const numerator =
    scale >= exact.scale ? exact.units * powerOfTen(scale - exact.scale) : exact.units;
  const denominator = BigInt(items) * (scale >= exact.scale ? 1n : powerOfTen(exact.scale - scale));
  const units = divideRounded(numerator, denominator, 'half-even');
  return canonicalDecimal(new Decimal(`${units}e-${scale}`), scale);
}

function measureValue(
  measure: MeasurePlan,
  row: FlatRow,
  groupKey: Record<string, unknown>,
): unknown {
  const raw = row[measure.main];
  if (measure.fn === 'count') return count(raw, measure.name);
  const found = measure.field;
  if (!found) return null;
  const kind = found.definition.kind;
  const currency = found.currency ? currencyOf(measure, row, groupKey) : null;
  if (raw === null || raw === undefined) return null;
  if (measure.fn === 'avg') {
    const items = count(row[measure.count as string], measure.name);
    if (items === 0) return null;
    const scale =
      kind === 'integer'
        ? 4
        : kind === 'money'
          ? (currencyExponent(currency ?? '') ?? 4) + 4
          : (found.column.scale ?? 0) + 4;
    return average(toDecimalValue(raw, measure.main), items, scale);
  }
  if (measure.fn === 'sum') {
    const sum = toDecimalValue(raw, measure.main);
    if (kind === 'integer') {
      const number = Number(sum.toFixed(0));
      if (!Number.isSafeInteger(number)) {
        throw failure(`${measure.name}: the integer sum is beyond the safe integer range`, {
          measure: measure.name,
        });
      }
      return number;
    }
    if (kind === 'money')
      return Money.of(sum.toFixed(), currency as string, { rounding: 'half-even' });
    return canonicalDecimal(sum, found.column.scale ?? 0);
  }
  const value = readFlat(found.column, raw);
  if (kind === 'money')
    return Money.of(value as string, currency as string, { rounding: 'half-even' });
  return value;
}

/** Turns driver rows into public aggregate rows (Money, exact averages, labels), sorting them when the driver could not. */
export function finishAggregate(plan: AggregatePlan, rows: readonly FlatRow[]): AggregateRow[] {
  const results = rows.map((row) => {
    const result: AggregateRow = {};
    for (const group of plan.groups) result[group.name] = groupValue(group, row[group.alias]);
    for (const measure of plan.measures)
      result[measure.name] = measureValue(measure, row, { ...result });
    return result;
  });
  if (!plan.kernelOrder) return results;
  const decimalNames = new Set<string>();
  for (const group of plan.groups) {
    if (group.kind === 'value' && group.field.definition.kind === 'decimal')
      decimalNames.add(group.name);
  }
  for (const measure of plan.measures) {
    if (
      measure.fn === 'avg' ||
      (measure.fn !== 'count' && measure.field?.definition.kind === 'decimal')
    ) {
      decimalNames.add(measure.name);
    }
  }
  const order = plan.kernelOrder.map((entry) => ({
    ...entry,
    decimal: decimalNames.has(entry.name),
  }));
  results.sort((a, b) => {
    for (const entry of order) {
      const compared = compareValues(a[entry.name], b[entry.name], entry.decimal);
      if (compared !== 0) return entry.direction === 'asc' ? compared : -compared;
    }
    return 0;
  });
  return plan.kernelLimit === undefined ? results : results.slice(0, plan.kernelLimit);
}

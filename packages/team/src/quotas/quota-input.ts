import {
  currencyExponent,
  type EventMap,
  isCurrencyCode,
  type ModuleScope,
  toDecimal,
  validationError,
} from '@sellkit/core';
import { requireObject } from '@sellkit/core/module';
import { toDate } from '../shared/dates.js';
import { unknownReference } from '../shared/errors.js';
import { teamModels } from '../shared/models.js';
import { type QuotaMeasure, type ResolvedPerformanceOptions, requireMeasure } from './measures.js';
import { type PeriodBounds, periodBounds } from './period-keys.js';
import { QUOTA_SUBJECTS, type QuotaSubjectType } from './quota-model.js';

/** What setting a quota takes. */
export interface QuotaInput {
  readonly subjectType: QuotaSubjectType;
  readonly subjectId: string;
  /** A measure id: `won-revenue`, `won-deals`, `new-customers`, `interactions` or a plugin's. */
  readonly measure: string;
  /** A tenant calendar period key: `2026-03`, `2026-Q1`, `2026`, `FY2026-Q1`, `FY2026`. */
  readonly periodKey: string;
  /** The target: an exact decimal string (or an integer), 0 or more. */
  readonly target: string | number;
  /** Money measures: the target's currency (the configured currency when left out). */
  readonly currency?: string | null;
  /** Rep quotas: percentages due in the 1st, 2nd... month since hire (`['25', '50', '75']`). */
  readonly ramp?: readonly string[];
  /** The first day the version is in force (default today). */
  readonly effectiveFrom?: string | Date;
  readonly note?: string;
}

/** A quota input after every check, ready to write. */
export interface CheckedQuota {
  readonly subjectType: QuotaSubjectType;
  readonly subjectId: string;
  readonly measure: QuotaMeasure;
  readonly bounds: PeriodBounds;
  readonly target: string;
  readonly currency: string | null;
  readonly ramp: string[];
  readonly effectiveFrom: string;
  readonly note: string | null;
}

/** Decimals a target of a measure in a currency may have. */
export function targetScale(measure: QuotaMeasure, currency: string | null): number {
  if (measure.kind === 'money' && currency) return currencyExponent(currency) ?? 4;
  return measure.kind === 'count' ? 0 : 4;
}

/** Checks a money measure's currency against the options (`VALIDATION_FAILED` on `currency`). */
export function checkCurrency(
  options: ResolvedPerformanceOptions,
  measure: QuotaMeasure,
  given: unknown,
): string | null {
  if (measure.kind !== 'money') {
    if (given !== undefined && given !== null) {
      throw validationError(
        'currency',
        `${measure.id} is not a money measure`,
        'unexpected_currency',
      );
    }
    return null;
  }
  const currency = given ?? options.currency;
  if (!isCurrencyCode(currency)) {
    throw validationError('currency', 'must be an ISO 4217 currency code', 'invalid_currency');
  }
  if (options.currency && currency !== options.currency) {
    throw validationError(
      'currency',
      `must be ${options.currency}, the currency of quotas and plans`,
      'currency_mismatch',
      { expected: options.currency, given: currency },
    );
  }
  return currency;
}

/** Checks a target: a decimal, 0 or more, with no more decimals than the measure allows. */
export function checkTarget(value: unknown, scale: number, path = 'target'): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw validationError(path, 'must be a decimal string', 'invalid_type');
  }
  const target = toDecimal(value, path);
  if (target.isNegative()) throw validationError(path, 'must be 0 or more', 'too_small');
  if (target.decimalPlaces() > scale) {
    throw validationError(path, `must have at most ${scale} decimals`, 'invalid_decimal');
  }
  if (target.precision(true) > 20) throw validationError(path, 'is too large', 'too_big');
  return target.toFixed(scale);
}

function checkRamp(value: unknown, subjectType: QuotaSubjectType): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 36) {
    throw validationError('ramp', 'must be a list of at most 36 percentages', 'invalid_type');
  }
  if (value.length > 0 && subjectType !== 'rep') {
    throw validationError('ramp', 'applies to rep quotas only', 'invalid_ramp');
  }
  return value.map((step, index) => {
    const path = `ramp.${index}`;
    if (typeof step !== 'string' && typeof step !== 'number') {
      throw validationError(path, 'must be a percentage', 'invalid_type');
    }
    const percent = toDecimal(step, path);
    if (percent.isNegative() || percent.gt(100) || percent.decimalPlaces() > 4) {
      throw validationError(path, 'must be a percentage from 0 to 100', 'invalid_percentage');
    }
    return percent.toString();
  });
}

/** Checks that a quota's subject exists (`VALIDATION_FAILED` on `subjectId`). */
export async function checkSubject<E extends EventMap>(
  scope: ModuleScope<E>,
  subjectType: unknown,
  subjectId: unknown,
): Promise<void> {
  if (!QUOTA_SUBJECTS.includes(subjectType as QuotaSubjectType)) {
    throw validationError('subjectType', 'must be rep, team or territory', 'invalid_enum');
  }
  const models = teamModels(scope);
  const model =
    subjectType === 'rep'
      ? models.rep
      : subjectType === 'team'
        ? models.salesTeam
        : models.territory;
  // internal: a reference check; the subject may be outside the actor's reach
  const found = typeof subjectId === 'string' ? await scope.internal(model).get(subjectId) : null;
  if (!found) throw unknownReference('subjectId', model.name, subjectId);
}

/**
 * Checks a quota input fully (nothing is written before): subject, measure, period key,
 * target, currency, ramp and effective date.
 */
export async function checkQuotaInput<E extends EventMap>(
  scope: ModuleScope<E>,
  options: ResolvedPerformanceOptions,
  input: unknown,
): Promise<CheckedQuota> {
  const data = requireObject(input, 'a quota', 'quota');
  const measure = requireMeasure(options, data.measure);
  const bounds = periodBounds(await scope.calendar(), data.periodKey);
  const currency = checkCurrency(options, measure, data.currency);
  const target = checkTarget(data.target, targetScale(measure, currency));
  const subjectType = data.subjectType as QuotaSubjectType;
  const ramp = checkRamp(data.ramp, subjectType);
  if (
    data.note !== undefined &&
    data.note !== null &&
    (typeof data.note !== 'string' || data.note.length > 500)
  ) {
    throw validationError('note', 'must be text of at most 500 characters', 'invalid_type');
  }
  const effectiveFrom = await toDate(scope, data.effectiveFrom, 'effectiveFrom');
  await checkSubject(scope, subjectType, data.subjectId);
  return {
    subjectType,
    subjectId: data.subjectId as string,
    measure,
    bounds,
    target,
    currency,
    ramp,
    effectiveFrom,
    note: typeof data.note === 'string' ? data.note : null,
  };
}

import { isCurrencyCode, toDecimal, validationError, type Where } from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';

/**
 * What a KPI counts or sums: records of `model` matching `where`, placed in a period by
 * `dateField` (a date or timestamp field) and credited to the rep whose user id is in
 * `repField` (an owner field).
 */
export interface KpiMeasure {
  readonly model: string;
  readonly fn: 'count' | 'sum';
  /** The field summed (`sum` only): an integer, decimal or money field. */
  readonly field?: string;
  readonly where?: Where;
  readonly dateField: string;
  readonly repField: string;
}

/** One band of attainment, in percent: `from` inclusive, `to` exclusive; open ends left out. */
export interface KpiBand {
  readonly name: string;
  readonly from?: string;
  readonly to?: string;
}

/** Where a KPI's target comes from: the quota on a measure, or a fixed value. */
export type KpiTarget = { readonly quota: string } | { readonly fixed: string };

/**
 * A KPI as data: a measure (or a ratio of two), a target and bands of attainment.
 * `actual = measure / per` when `per` is given (win rate, average deal size).
 */
export interface KpiDefinition {
  /** A lower-case id (`won-revenue`, `demo-calls`). */
  readonly key: string;
  readonly name: string;
  readonly measure: KpiMeasure;
  /** The denominator of a ratio KPI. */
  readonly per?: KpiMeasure;
  /** Ratio KPIs: show the ratio in percent (`measure / per × 100`), e.g. a win rate. */
  readonly percent?: boolean;
  /** Money sums: the currency counted (records in others are left out and reported). */
  readonly currency?: string;
  readonly target?: KpiTarget;
  /** `lower` when less is better (cycle length): attainment is then target / actual. */
  readonly better?: 'higher' | 'lower';
  /** Bands of attainment from lowest to highest, contiguous (default below 80 / on track / above 110). */
  readonly bands?: readonly KpiBand[];
}

/** The default bands: below 80 %, on track, above 110 %. */
export const DEFAULT_BANDS: readonly KpiBand[] = Object.freeze([
  { name: 'below', to: '80' },
  { name: 'on-track', from: '80', to: '110' },
  { name: 'above', from: '110' },
]);

const KEY = /^[a-z][a-z0-9-]{0,63}$/;
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function text(value: unknown, path: string, pattern: RegExp, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw validationError(path, `must be ${what}`, 'invalid_type');
  }
  return value;
}

function checkMeasure(value: unknown, path: string): KpiMeasure {
  if (!isPlainObject(value)) throw validationError(path, 'must be an object', 'invalid_type');
  const fn = value.fn;
  if (fn !== 'count' && fn !== 'sum')
    throw validationError(`${path}.fn`, 'must be count or sum', 'invalid_enum');
  if (fn === 'sum' && value.field === undefined) {
    throw validationError(`${path}.field`, 'is required for a sum', 'required');
  }
  if (value.where !== undefined && !isPlainObject(value.where)) {
    throw validationError(`${path}.where`, 'must be a filter object', 'invalid_type');
  }
  return {
    model: text(value.model, `${path}.model`, FIELD, 'a model name'),
    fn,
    ...(value.field === undefined
      ? {}
      : { field: text(value.field, `${path}.field`, FIELD, 'a field name') }),
    ...(value.where === undefined ? {} : { where: value.where as Where }),
    dateField: text(value.dateField, `${path}.dateField`, FIELD, 'a field name'),
    repField: text(value.repField, `${path}.repField`, FIELD, 'a field name'),
  };
}

function percent(value: unknown, path: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw validationError(path, 'must be a percentage', 'invalid_type');
  }
  const parsed = toDecimal(value, path);
  if (parsed.isNegative()) throw validationError(path, 'must be 0 or more', 'too_small');
  return parsed.toString();
}

/**
 * Checks bands: from lowest to highest, the first open below (or from 0), the last open above,
 * each starting where the one before ends: overlaps and gaps are `VALIDATION_FAILED`
 * (reasons `band_overlap`, `band_gap`).
 *
 * @example
 * ```ts
 * checkBands([{ name: 'below', to: '80' }, { name: 'on-track', from: '80' }]); // ok
 * checkBands([{ name: 'below', to: '80' }, { name: 'on-track', from: '90' }]); // VALIDATION_FAILED, band_gap
 * ```
 */
export function checkBands(value: unknown, path = 'bands'): KpiBand[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 20) {
    throw validationError(path, 'must be a list of 1 to 20 bands', 'invalid_type');
  }
  const names = new Set<string>();
  const bands = value.map((band: unknown, index): KpiBand => {
    const at = `${path}.${index}`;
    if (!isPlainObject(band)) throw validationError(at, 'must be an object', 'invalid_type');
    const name = text(band.name, `${at}.name`, KEY, 'a lower-case name');
    if (names.has(name)) throw validationError(`${at}.name`, 'is used twice', 'duplicate');
    names.add(name);
    const from = band.from === undefined ? undefined : percent(band.from, `${at}.from`);
    const to = band.to === undefined ? undefined : percent(band.to, `${at}.to`);
    if (from !== undefined && to !== undefined && toDecimal(from).gte(toDecimal(to))) {
      throw validationError(`${at}.to`, 'must be above from', 'band_overlap');
    }
    return { name, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  });
  bands.forEach((band, index) => {
    const at = `${path}.${index}`;
    if (index === 0) {
      if (band.from !== undefined && !toDecimal(band.from).isZero()) {
        throw validationError(
          `${at}.from`,
          'the first band must start at 0 or be open below',
          'band_gap',
        );
      }
      return;
    }
    const before = bands[index - 1];
    if (before?.to === undefined || band.from === undefined) {
      throw validationError(
        `${at}.from`,
        'bands must follow each other (only the last is open above)',
        'band_overlap',
      );
    }
    const cmp = toDecimal(band.from).cmp(toDecimal(before.to));
    if (cmp < 0)
      throw validationError(
        `${at}.from`,
        `overlaps the band before (ends at ${before.to})`,
        'band_overlap',
      );
    if (cmp > 0) throw validationError(`${at}.from`, `leaves a gap after ${before.to}`, 'band_gap');
  });
  if (bands[bands.length - 1]?.to !== undefined) {
    throw validationError(
      `${path}.${bands.length - 1}.to`,
      'the last band must be open above',
      'band_gap',
    );
  }
  return bands;
}

/**
 * The band an attainment (percent) falls in, or null when none covers it.
 *
 * @example
 * ```ts
 * bandOf(DEFAULT_BANDS, '95.5000'); // 'on-track'
 * ```
 */
export function bandOf(bands: readonly KpiBand[], attainment: string): string | null {
  const value = toDecimal(attainment);
  for (const band of bands) {
    if (band.from !== undefined && value.lt(toDecimal(band.from))) continue;
    if (band.to !== undefined && value.gte(toDecimal(band.to))) continue;
    return band.name;
  }
  return null;
}

function checkTargetSpec(value: unknown): KpiTarget | undefined {
  if (value === undefined) return undefined;
  if (isPlainObject(value) && typeof value.quota === 'string' && value.fixed === undefined) {
    return { quota: value.quota };
  }
  if (isPlainObject(value) && value.fixed !== undefined && value.quota === undefined) {
    const fixed = percent(value.fixed, 'target.fixed');
    return { fixed };
  }
  throw validationError(
    'target',
    'must be { quota: measure } or { fixed: decimal }',
    'invalid_type',
  );
}

/**
 * Checks a KPI definition's shape (models and fields are checked against the kernel when it
 * is defined or evaluated). Bad input is `VALIDATION_FAILED` naming the path.
 *
 * @example
 * ```ts
 * const kpi = checkKpiDefinition({
 *   key: 'demo-calls', name: 'Demo calls',
 *   measure: { model: 'interaction', fn: 'count', where: { type: 'call' }, dateField: 'occurredAt', repField: 'ownerId' },
 *   target: { fixed: '40' },
 * });
 * ```
 */
export function checkKpiDefinition(value: unknown): KpiDefinition {
  if (!isPlainObject(value)) throw validationError('', 'a KPI must be an object', 'invalid_type');
  const key = text(value.key, 'key', KEY, 'a lower-case id');
  if (typeof value.name !== 'string' || value.name.length === 0 || value.name.length > 200) {
    throw validationError('name', 'must be a name of 1 to 200 characters', 'invalid_type');
  }
  if (value.currency !== undefined && !isCurrencyCode(value.currency)) {
    throw validationError('currency', 'must be an ISO 4217 currency code', 'invalid_currency');
  }
  if (value.better !== undefined && value.better !== 'higher' && value.better !== 'lower') {
    throw validationError('better', 'must be higher or lower', 'invalid_enum');
  }
  const target = checkTargetSpec(value.target);
  if (value.percent !== undefined && typeof value.percent !== 'boolean') {
    throw validationError('percent', 'must be true or false', 'invalid_type');
  }
  return {
    key,
    name: value.name,
    measure: checkMeasure(value.measure, 'measure'),
    ...(value.per === undefined ? {} : { per: checkMeasure(value.per, 'per') }),
    ...(value.percent === true ? { percent: true } : {}),
    ...(value.currency === undefined ? {} : { currency: value.currency as string }),
    ...(target ? { target } : {}),
    ...(value.better === undefined ? {} : { better: value.better as 'higher' | 'lower' }),
    bands: value.bands === undefined ? [...DEFAULT_BANDS] : checkBands(value.bands),
  };
}

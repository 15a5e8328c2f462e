import { type FieldIssue, SellkitError } from '../errors/sellkit-error.js';

/** The first day of a week: 0 = Sunday, 1 = Monday (the default), ... 6 = Saturday. */
export type WeekStartsOn = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A tenant's calendar settings, as the kernel uses them once checked.
 *
 * - `timeZone`: an IANA zone (`Asia/Shanghai`, `America/New_York`); `UTC` by default. "Today",
 *   the start of a day or month, and every report bucket are computed in it.
 * - `weekStartsOn`: the first day of a week (0 Sunday ... 6 Saturday); Monday by default.
 * - `fiscalYearStartMonth`: 1 (January, the default) to 12. A fiscal year is named after the
 *   calendar year it ends in: with April (4), April 2026 to March 2027 is `FY2027`.
 * - `locale` (a BCP 47 tag, canonicalised) and `country` (ISO 3166-1 alpha-2) are carried for
 *   modules that format or validate by region; the calendar itself does not read them.
 */
export interface TenantSettings {
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
  readonly fiscalYearStartMonth: number;
  readonly locale?: string;
  readonly country?: string;
}

/** What a host returns for a tenant: every field is optional and falls back to its default. */
export interface TenantSettingsInput {
  readonly timeZone?: string;
  readonly weekStartsOn?: number;
  readonly fiscalYearStartMonth?: number;
  readonly locale?: string;
  readonly country?: string;
}

/**
 * Tells the kernel a tenant's settings. Called at most once per tenant and kernel (the result
 * is cached; `crm.forgetTenantSettings(tenantId)` drops it). `undefined` means all defaults.
 *
 * @example
 * ```ts
 * const tenantSettings: TenantSettingsResolver = async (tenantId) =>
 *   tenantId === 'acme-cn' ? { timeZone: 'Asia/Shanghai', locale: 'zh-CN', country: 'CN' } : undefined;
 * ```
 */
export type TenantSettingsResolver = (
  tenantId: string,
) => TenantSettingsInput | undefined | Promise<TenantSettingsInput | undefined>;

/** The settings of a tenant the host says nothing about. */
export const DEFAULT_TENANT_SETTINGS: TenantSettings = Object.freeze({
  timeZone: 'UTC',
  weekStartsOn: 1,
  fiscalYearStartMonth: 1,
});

const COUNTRY = /^[A-Z]{2}$/;

/**
 * The canonical name of an IANA time zone (`utc` → `UTC`), or undefined when the runtime does
 * not know the zone.
 *
 * @example
 * ```ts
 * canonicalTimeZone('asia/shanghai'); // 'Asia/Shanghai'
 * canonicalTimeZone('Mars/Olympus'); // undefined
 * ```
 */
export function canonicalTimeZone(value: string): string | undefined {
  if (value.length === 0 || value.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function canonicalLocale(value: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical;
  } catch {
    return undefined;
  }
}

function isWeekStart(value: number): value is WeekStartsOn {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}

/**
 * Checks a host's settings and fills in the defaults. Anything wrong is `CONFIGURATION_INVALID`
 * with one issue per field (an unknown time zone, a week start outside 0-6, a fiscal start
 * month outside 1-12, a malformed locale or country).
 *
 * @example
 * ```ts
 * resolveTenantSettings({ timeZone: 'Europe/Berlin', fiscalYearStartMonth: 4 });
 * // { timeZone: 'Europe/Berlin', weekStartsOn: 1, fiscalYearStartMonth: 4 }
 * ```
 */
export function resolveTenantSettings(input: unknown, tenantId?: string): TenantSettings {
  if (input === undefined || input === null) return DEFAULT_TENANT_SETTINGS;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new SellkitError('CONFIGURATION_INVALID', 'tenant settings must be an object', {
      ...(tenantId === undefined ? {} : { tenantId }),
    });
  }
  const raw = input as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  const known = new Set(['timeZone', 'weekStartsOn', 'fiscalYearStartMonth', 'locale', 'country']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      issues.push({ path: key, message: `unknown setting ${key}`, reason: 'unknown_field' });
  }
  let timeZone = DEFAULT_TENANT_SETTINGS.timeZone;
  if (raw.timeZone !== undefined) {
    const zone = typeof raw.timeZone === 'string' ? canonicalTimeZone(raw.timeZone) : undefined;
    if (zone === undefined) {
      issues.push({
        path: 'timeZone',
        message: `${String(raw.timeZone).slice(0, 64)} is not a known IANA time zone`,
        reason: 'invalid_time_zone',
      });
    } else timeZone = zone;
  }
  let weekStartsOn: WeekStartsOn = DEFAULT_TENANT_SETTINGS.weekStartsOn;
  if (raw.weekStartsOn !== undefined) {
    if (typeof raw.weekStartsOn === 'number' && isWeekStart(raw.weekStartsOn))
      weekStartsOn = raw.weekStartsOn;
    else
      issues.push({
        path: 'weekStartsOn',
        message: 'must be an integer from 0 (Sunday) to 6 (Saturday)',
        reason: 'out_of_range',
      });
  }
  let fiscalYearStartMonth = DEFAULT_TENANT_SETTINGS.fiscalYearStartMonth;
  if (raw.fiscalYearStartMonth !== undefined) {
    const month = raw.fiscalYearStartMonth;
    if (typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12)
      fiscalYearStartMonth = month;
    else
      issues.push({
        path: 'fiscalYearStartMonth',
        message: 'must be an integer from 1 (January) to 12 (December)',
        reason: 'out_of_range',
      });
  }
  let locale: string | undefined;
  if (raw.locale !== undefined) {
    locale =
      typeof raw.locale === 'string' && raw.locale.length <= 64
        ? canonicalLocale(raw.locale)
        : undefined;
    if (locale === undefined)
      issues.push({ path: 'locale', message: 'must be a BCP 47 language tag', reason: 'invalid' });
  }
  if (raw.country !== undefined && (typeof raw.country !== 'string' || !COUNTRY.test(raw.country)))
    issues.push({
      path: 'country',
      message: 'must be an ISO 3166-1 alpha-2 code (2 upper-case letters)',
      reason: 'invalid',
    });
  if (issues.length > 0) {
    const [first] = issues;
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `tenant settings${tenantId === undefined ? '' : ` of ${tenantId}`}: ${first?.path}: ${first?.message}`,
      { issues, ...(tenantId === undefined ? {} : { tenantId }) },
    );
  }
  return Object.freeze({
    timeZone,
    weekStartsOn,
    fiscalYearStartMonth,
    ...(locale === undefined ? {} : { locale }),
    ...(typeof raw.country === 'string' ? { country: raw.country } : {}),
  });
}

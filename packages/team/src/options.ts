import { SellkitError, type Where } from '@sellkit/core';
import type { CreditSource } from './commissions/credit-source.js';
import type { QuotaLookup } from './commissions/quota.js';
import {
  type PerformanceOptions,
  type ResolvedPerformanceOptions,
  resolvePerformanceOptions,
} from './quotas/measures.js';
import { DEFAULT_SENIORITY_LEVELS, type SeniorityLevels } from './reps/rep-model.js';

/** Options of the `team()` module. */
export interface TeamOptions {
  /** The tenant's seniority levels, least senior first (default junior, senior, lead). */
  seniorityLevels?: SeniorityLevels;
  /**
   * Per model, the filter of its "open" records: what counts towards a rep's capacity and what
   * a handover moves by default, e.g. `{ company: { lifecycleStage: { ne: 'churned' } } }`.
   * A model without an entry counts all records its rep owns.
   */
  openRecords?: Readonly<Record<string, Where>>;
  /** Capacity of a rep when neither the rep nor the rule set says (default: unlimited). */
  defaultCapacity?: number;
  /** Quotas and KPIs: the currency of money quotas, and plugin measures. */
  performance?: PerformanceOptions;
  /**
   * Days before a certification's expiry at which `certification.expiring` is emitted, one
   * event per window (default 30 and 7). An empty list turns the reminders off.
   */
  certificationReminderDays?: readonly number[];
  /**
   * Commissions: extra credit sources (orders, billing and plugins add theirs beside the
   * built-in `deal-won`) and, for tests or hosts with their own quotas, the quota lookup.
   */
  commissions?: {
    creditSources?: readonly CreditSource[];
    quotaLookup?: QuotaLookup;
  };
}

/** Options after defaults and checks. */
export interface ResolvedTeamOptions {
  readonly seniorityLevels: SeniorityLevels;
  readonly openRecords: Readonly<Record<string, Where>>;
  readonly defaultCapacity: number | null;
  readonly performance: ResolvedPerformanceOptions;
  readonly certificationReminderDays: readonly number[];
}

/** Checks options once, when the module is built. */
export function resolveTeamOptions(options: TeamOptions = {}): ResolvedTeamOptions {
  const levels = options.seniorityLevels ?? DEFAULT_SENIORITY_LEVELS;
  if (
    !Array.isArray(levels) ||
    levels.length === 0 ||
    levels.some((level) => typeof level !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(level)) ||
    new Set(levels).size !== levels.length
  ) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'team: seniorityLevels must be distinct lower-case names (letters, digits, dashes)',
    );
  }
  const capacity = options.defaultCapacity;
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 0)) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'team: defaultCapacity must be a non-negative integer',
    );
  }
  const reminderDays = options.certificationReminderDays ?? [30, 7];
  if (
    !Array.isArray(reminderDays) ||
    reminderDays.some((days) => !Number.isInteger(days) || days < 0 || days > 3660) ||
    new Set(reminderDays).size !== reminderDays.length
  ) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'team: certificationReminderDays must be distinct whole numbers of days, 0 to 3660',
    );
  }
  return {
    certificationReminderDays: reminderDays,
    seniorityLevels: levels,
    openRecords: options.openRecords ?? {},
    defaultCapacity: capacity ?? null,
    performance: resolvePerformanceOptions(options.performance),
  };
}

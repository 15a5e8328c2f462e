import { type EventMap, type ModuleScope, type ScoringRegistry, SellkitError } from '@sellkit/core';
import { resolveSizeThresholds, type SizeThresholds } from './classification/size-class.js';
import { LIFECYCLE_STAGES, type LifecycleStage } from './companies/company-model.js';
import { DEFAULT_FREE_MAIL_DOMAINS } from './duplicates/normalize.js';
import { countryCode } from './shared/country.js';

/**
 * Checks whether an id exists in the host's organisation: the team module's directory, or
 * the host's own user store. Plugged in so customers never depends on `@sellkit/team`.
 *
 * @example
 * ```ts
 * const users = new Set(['u-1', 'u-7']); // the host's user directory
 * const owners: IdDirectory = { exists: async (_scope, id) => users.has(id) };
 * customers({ owners });
 * ```
 */
export interface IdDirectory {
  /** `scope` is the calling module's (any module's events: the directory serves them all). */
  exists(scope: ModuleScope<EventMap>, id: string): Promise<boolean>;
}

/** A reference another module keeps to companies, re-pointed by `merge`. */
export interface MergeReference {
  /** The model name, e.g. `opportunity`. */
  readonly model: string;
  /** The field holding a company id, e.g. `companyId`. */
  readonly field: string;
}

/** Reminder settings of the scheduler job. */
export interface ReminderOptions {
  /** Birthdays and work anniversaries within this many days (today included). Default 7. */
  readonly withinDays?: number;
  /** Customers with no interaction for this many days. Default 90. */
  readonly inactiveDays?: number;
  /** Lifecycle stages watched for inactivity. Default: every stage but `churned`. */
  readonly inactiveStages?: readonly LifecycleStage[];
  readonly birthdays?: boolean;
  readonly anniversaries?: boolean;
  readonly inactivity?: boolean;
}

/** Options of `customers()`. */
export interface CustomersOptions {
  /** Validates owner ids (`ownerId`, `repIds`); unknown ones are `VALIDATION_FAILED`. */
  readonly owners?: IdDirectory;
  /** Validates territory ids; unknown ones are `VALIDATION_FAILED`. */
  readonly territories?: IdDirectory;
  /**
   * The rule set (scoring engine JSON) that computes purchase potential. Its bands must be
   * labelled `high`, `medium` and `low`. Without it, potential is only ever set by hand.
   */
  readonly classification?: unknown;
  /** Operators and computed facts the classification rule set may use beyond the built-ins. */
  readonly scoringRegistry?: ScoringRegistry;
  /** Employee thresholds of the size classes (default EU: 50 and 250). */
  readonly sizeClasses?: Partial<SizeThresholds>;
  /** Known industries; import reports values outside this list. */
  readonly industries?: readonly string[];
  /** Refuse industries outside `industries` (default false: accept and report). */
  readonly strictIndustries?: boolean;
  readonly reminders?: ReminderOptions;
  /** Other modules' references to companies that `merge` re-points in its transaction. */
  readonly mergeReferences?: readonly MergeReference[];
  /** E-mail domains that say nothing about an employer (added to the built-in list). */
  readonly freeMailDomains?: readonly string[];
  /**
   * The country national phone numbers (`010-12345678`, `(534) 997-7624`) are read in, as an
   * ISO 3166-1 alpha-2 code or a country name (`CN`, `China`). An import's own
   * `defaultCountry` comes first, then the tenant's country (once the kernel keeps one), then
   * this. Without any, phone numbers must carry their country code (`+86 ...`).
   */
  readonly defaultCountry?: string;
}

/** The industries known by default. */
export const DEFAULT_INDUSTRIES: readonly string[] = Object.freeze([
  'agriculture',
  'automotive',
  'construction',
  'education',
  'employment',
  'energy',
  'entertainment',
  'finance',
  'government',
  'healthcare',
  'hospitality',
  'insurance',
  'logistics',
  'manufacturing',
  'marketing',
  'media',
  'medical',
  'nonprofit',
  'real estate',
  'retail',
  'services',
  'software',
  'technology',
  'telecommunications',
  'transport',
  'utilities',
  'wholesale',
]);

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly owners?: IdDirectory;
  readonly territories?: IdDirectory;
  readonly sizeThresholds: SizeThresholds;
  readonly industries: ReadonlySet<string>;
  readonly strictIndustries: boolean;
  readonly reminders: Required<Omit<ReminderOptions, 'inactiveStages'>> & {
    readonly inactiveStages: readonly LifecycleStage[];
  };
  readonly mergeReferences: readonly MergeReference[];
  readonly freeMailDomains: ReadonlySet<string>;
  /** ISO 3166-1 alpha-2. */
  readonly defaultCountry?: string;
}

/** A country option as its code (`CONFIGURATION_INVALID` when it is none). */
export function countryOption(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  const country = countryCode(value);
  if ('code' in country) return country.code;
  throw new SellkitError('CONFIGURATION_INVALID', `${name}: ${country.message}`);
}

function positiveDays(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 3660) {
    throw new SellkitError('CONFIGURATION_INVALID', `reminders.${name} must be 0 to 3660 days`);
  }
  return value;
}

/** Fills in defaults and checks options (`CONFIGURATION_INVALID` on nonsense). */
export function resolveOptions(options: CustomersOptions = {}): ResolvedOptions {
  if (options === null || typeof options !== 'object') {
    throw new SellkitError('CONFIGURATION_INVALID', 'customers() options must be an object');
  }
  for (const [name, directory] of [
    ['owners', options.owners],
    ['territories', options.territories],
  ] as const) {
    if (directory !== undefined && typeof directory?.exists !== 'function') {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        `${name} must have an exists(scope, id) method`,
      );
    }
  }
  const reminders = options.reminders ?? {};
  const stages =
    reminders.inactiveStages ?? LIFECYCLE_STAGES.filter((stage) => stage !== 'churned');
  for (const stage of stages) {
    if (!(LIFECYCLE_STAGES as readonly string[]).includes(stage)) {
      throw new SellkitError('CONFIGURATION_INVALID', `unknown lifecycle stage ${String(stage)}`);
    }
  }
  for (const reference of options.mergeReferences ?? []) {
    if (typeof reference?.model !== 'string' || typeof reference.field !== 'string') {
      throw new SellkitError('CONFIGURATION_INVALID', 'mergeReferences need { model, field }');
    }
  }
  const country = countryOption(options.defaultCountry, 'defaultCountry');
  return Object.freeze({
    ...(options.owners ? { owners: options.owners } : {}),
    ...(country ? { defaultCountry: country } : {}),
    ...(options.territories ? { territories: options.territories } : {}),
    sizeThresholds: resolveSizeThresholds(options.sizeClasses),
    industries: new Set(
      (options.industries ?? DEFAULT_INDUSTRIES).map((value) => value.toLowerCase()),
    ),
    strictIndustries: options.strictIndustries === true,
    reminders: Object.freeze({
      withinDays: positiveDays(reminders.withinDays, 'withinDays', 7),
      inactiveDays: positiveDays(reminders.inactiveDays, 'inactiveDays', 90),
      inactiveStages: Object.freeze([...stages]),
      birthdays: reminders.birthdays !== false,
      anniversaries: reminders.anniversaries !== false,
      inactivity: reminders.inactivity !== false,
    }),
    mergeReferences: Object.freeze([...(options.mergeReferences ?? [])]),
    freeMailDomains: new Set([
      ...DEFAULT_FREE_MAIL_DOMAINS,
      ...(options.freeMailDomains ?? []).map((domain) => domain.toLowerCase()),
    ]),
  });
}

import {
  createScoringRegistry,
  defineRuleSet,
  isCurrencyCode,
  isSellkitError,
  type RuleSet,
  type ScoringRegistry,
  SellkitError,
} from '@sellkit/core';
import type { TaxRounding } from './pricing/pricing-types.js';

/** Who approves at one approval level, found by walking up the owner's reports-to chain. */
export interface ApprovalLevel {
  /** The level's name: the `tag` approval rules give (`manager`, `director`...). */
  readonly level: string;
  /**
   * How far up to look: `up: 1` is the owner's manager, `up: 2` the manager's manager;
   * `seniority` takes the first rep above the owner with one of these seniority levels.
   */
  readonly up?: number;
  readonly seniority?: readonly string[];
}

/** Options of approval (see `docs/orders.md`, "Approval"). */
export interface ApprovalOptions {
  /**
   * A scoring-engine rule set evaluated on submit over `{ order }` facts. Every rule that fires
   * and carries a `tag` naming one of the `levels` makes the order need that level's approval.
   */
  readonly ruleSet: RuleSet;
  /** The levels, from the lowest to the highest (default manager: up 1, director: up 2). */
  readonly levels?: readonly ApprovalLevel[];
  /** A registry with extra operators or facts for the rule set. */
  readonly registry?: ScoringRegistry;
}

/** A value fixed for every tenant, or chosen per tenant. */
export type PerTenant<T> = T | ((tenantId: string) => T | undefined);

/** Options of `orders()`. */
export interface OrdersOptions {
  /**
   * How tax is rounded (see `docs/orders-pricing.md`): `per-line` (default) or `per-document`.
   * A function chooses it per tenant.
   */
  readonly taxRounding?: PerTenant<TaxRounding>;
  /** The tax jurisdiction when a document names none and its company has no country (e.g. `CN`). */
  readonly jurisdiction?: PerTenant<string>;
  /** The currency of documents that name none (default: the catalog's, else required). */
  readonly currency?: string;
  /** Days a quote stays valid when it names no date (default 30). */
  readonly quoteValidityDays?: number;
  /** Approval rules; without them no order needs approval. */
  readonly approval?: ApprovalOptions;
  /** Log order milestones on the company's interaction timeline (default true). */
  readonly timeline?: boolean;
}

/** The resolved approval setup. */
export interface ResolvedApproval {
  readonly ruleSet: RuleSet;
  readonly levels: readonly ApprovalLevel[];
  readonly registry: ScoringRegistry;
}

/** Options with defaults filled in. */
export interface ResolvedOrdersOptions {
  readonly taxRounding: (tenantId: string) => TaxRounding;
  readonly jurisdiction: (tenantId: string) => string | null;
  readonly currency: string | null;
  readonly quoteValidityDays: number;
  readonly approval: ResolvedApproval | null;
  readonly timeline: boolean;
}

/** The default approval levels: the owner's manager, then the manager's manager. */
export const DEFAULT_APPROVAL_LEVELS: readonly ApprovalLevel[] = Object.freeze([
  { level: 'manager', up: 1 },
  { level: 'director', up: 2 },
]);

function invalid(message: string, cause?: unknown): SellkitError {
  return new SellkitError('CONFIGURATION_INVALID', `orders(): ${message}`, cause ? { cause } : {});
}

function perTenant<T>(value: PerTenant<T> | undefined, fallback: T) {
  return (tenantId: string): T => {
    if (typeof value === 'function') {
      return (value as (tenantId: string) => T | undefined)(tenantId) ?? fallback;
    }
    return value ?? fallback;
  };
}

function resolveApproval(approval: ApprovalOptions | undefined): ResolvedApproval | null {
  if (approval === undefined) return null;
  const levels = approval.levels ?? DEFAULT_APPROVAL_LEVELS;
  if (levels.length === 0) throw invalid('approval.levels must name at least one level');
  for (const level of levels) {
    if (level.up === undefined && level.seniority === undefined) {
      throw invalid(`approval level ${level.level} needs up or seniority`);
    }
    if (level.up !== undefined && (!Number.isInteger(level.up) || level.up < 1)) {
      throw invalid(`approval level ${level.level}: up must be a whole number of 1 or more`);
    }
  }
  const registry = approval.registry ?? createScoringRegistry();
  try {
    return Object.freeze({
      ruleSet: defineRuleSet(approval.ruleSet, { registry }),
      levels: Object.freeze([...levels]),
      registry,
    });
  } catch (error) {
    if (isSellkitError(error)) throw invalid(`approval rule set: ${error.message}`, error);
    throw error;
  }
}

/** Checks options (`CONFIGURATION_INVALID` on nonsense) and fills in defaults. */
export function resolveOrdersOptions(options: OrdersOptions = {}): ResolvedOrdersOptions {
  if (options === null || typeof options !== 'object') throw invalid('options must be an object');
  if (options.currency !== undefined && !isCurrencyCode(options.currency)) {
    throw invalid(`currency ${String(options.currency)} is not an ISO 4217 code`);
  }
  const rounding = options.taxRounding;
  if (typeof rounding === 'string' && rounding !== 'per-line' && rounding !== 'per-document') {
    throw invalid(`taxRounding must be per-line or per-document, not ${String(rounding)}`);
  }
  const days = options.quoteValidityDays ?? 30;
  if (!Number.isInteger(days) || days < 0)
    throw invalid('quoteValidityDays must be a whole number');
  const jurisdiction = perTenant<string | null>(options.jurisdiction, null);
  return Object.freeze({
    taxRounding: perTenant<TaxRounding>(rounding, 'per-line'),
    jurisdiction,
    currency: options.currency ?? null,
    quoteValidityDays: days,
    approval: resolveApproval(options.approval),
    timeline: options.timeline ?? true,
  });
}

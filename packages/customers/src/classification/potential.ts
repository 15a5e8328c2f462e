import {
  type CompiledRuleSet,
  compileRuleSet,
  defineRuleSet,
  type Explanation,
  Money,
  type RuleSet,
  type ScoringRegistry,
  SellkitError,
  type TenantCalendar,
} from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';
import { PURCHASE_POTENTIALS, type PurchasePotential } from '../companies/company-model.js';

/**
 * Computes purchase potential from a company with a scoring rule set. The rule set reads the
 * company as `company.<field>` (plugin fields included); its bands are the potentials.
 */
export interface PotentialClassifier {
  readonly ruleSet: RuleSet;
  /**
   * The potential the rules give, or null when no band covers the total. Relative dates
   * (`withinLast`) count the days of `calendar`, the tenant's (UTC when left out).
   */
  classify(
    company: Readonly<Record<string, unknown>>,
    now: Date,
    calendar?: TenantCalendar,
  ): PurchasePotential | null;
  /** Every rule, whether it fired, the points it gave and the facts it read. */
  explain(
    company: Readonly<Record<string, unknown>>,
    now: Date,
    calendar?: TenantCalendar,
  ): Explanation;
}

/**
 * The facts a classification rule set sees: `{ company }`, with money as `Money` (a rule
 * compares it exactly with `{ amount, currency }`).
 *
 * @example
 * ```ts
 * const facts = companyFacts({ name: 'Cancity', annualRevenue: { amount: '120000.00', currency: 'EUR' } });
 * facts.company.annualRevenue; // Money 120000.00 EUR, compared exactly by the rules
 * createPotentialClassifier(defaultPotentialRules).explain(facts.company, new Date());
 * ```
 */
export function companyFacts(company: Readonly<Record<string, unknown>>): {
  company: Record<string, unknown>;
} {
  const facts: Record<string, unknown> = { ...company };
  for (const [key, value] of Object.entries(facts)) {
    // Inputs may carry money in its JSON form; the engine compares `Money` exactly.
    if (
      isPlainObject(value) &&
      typeof value.amount === 'string' &&
      typeof value.currency === 'string'
    ) {
      try {
        facts[key] = Money.of(value.amount, value.currency);
      } catch {
        facts[key] = null;
      }
    }
  }
  return { company: facts };
}

/**
 * Validates and compiles a purchase-potential rule set: its bands must be labelled `high`,
 * `medium` or `low`. A bad rule set is `CONFIGURATION_INVALID` when the module is built, so
 * it is never used.
 *
 * @example
 * ```ts
 * const classifier = createPotentialClassifier(defaultPotentialRules);
 * classifier.classify({ sizeClass: 'large', industry: 'manufacturing', tags: [] }, new Date());
 * ```
 */
export function createPotentialClassifier(
  json: unknown,
  registry?: ScoringRegistry,
): PotentialClassifier {
  let compiled: CompiledRuleSet;
  try {
    const ruleSet = defineRuleSet(json, registry ? { registry } : {});
    compiled = compileRuleSet(ruleSet, registry ? { registry } : {});
  } catch (error) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `the classification rule set is invalid: ${(error as Error).message}`,
      { issues: (error as SellkitError).details?.issues ?? [] },
      { cause: error },
    );
  }
  const bad = compiled.ruleSet.bands.filter(
    (band) => !(PURCHASE_POTENTIALS as readonly string[]).includes(band.label),
  );
  if (bad.length > 0) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      `classification bands must be labelled ${PURCHASE_POTENTIALS.join(', ')} (not ${bad.map((band) => band.label).join(', ')})`,
    );
  }
  if (compiled.isAsync) {
    throw new SellkitError(
      'CONFIGURATION_INVALID',
      'the classification rule set may not use asynchronous computed facts',
    );
  }
  return {
    ruleSet: compiled.ruleSet,
    classify(company, now, calendar) {
      const evaluate = calendar === undefined ? { now } : { now, calendar };
      return (
        (compiled.score(companyFacts(company), evaluate).band as PurchasePotential | null) ?? null
      );
    },
    explain(company, now, calendar) {
      return compiled.explain(
        companyFacts(company),
        calendar === undefined ? { now } : { now, calendar },
      );
    },
  };
}

/**
 * A starting rule set for purchase potential: size, revenue, industry fit, key-account tag
 * and recent engagement. Copy and adapt it; pass yours as `customers({ classification })`.
 */
export const defaultPotentialRules = {
  id: 'customers.purchase-potential',
  version: 1,
  description: 'Purchase potential from size, revenue, industry and engagement',
  rules: [
    {
      id: 'large-company',
      description: 'Large companies (250 employees or more) buy more',
      condition: { fact: 'company.sizeClass', operator: 'eq', value: 'large' },
      outcome: { points: 30 },
    },
    {
      id: 'medium-company',
      description: 'Medium companies (50 to 249 employees)',
      condition: { fact: 'company.sizeClass', operator: 'eq', value: 'medium' },
      outcome: { points: 15 },
    },
    {
      id: 'high-revenue',
      description: 'Annual revenue of 100 million USD or more',
      condition: {
        fact: 'company.annualRevenue',
        operator: 'gte',
        value: { amount: '100000000.00', currency: 'USD' },
      },
      outcome: { points: 25 },
    },
    {
      id: 'target-industry',
      description: 'Industries that buy our products most',
      condition: {
        fact: 'company.industry',
        operator: 'in',
        value: ['manufacturing', 'technology', 'medical', 'software'],
      },
      outcome: { points: 20 },
    },
    {
      id: 'key-account',
      description: 'Tagged key account',
      condition: { fact: 'company.tags', operator: 'contains', value: 'key account' },
      outcome: { points: 20 },
    },
    {
      id: 'recent-engagement',
      description: 'An interaction in the last 90 days',
      condition: {
        fact: 'company.lastInteractionAt',
        operator: 'withinLast',
        value: { n: 90, unit: 'day' },
      },
      outcome: { points: 10 },
    },
  ],
  bands: [
    { label: 'high', min: 60, priority: 1 },
    { label: 'medium', min: 30, priority: 2 },
    { label: 'low', priority: 3 },
  ],
} as const;

import { defaultRegistry } from './compile.js';
import type { ScoringRegistry } from './registry.js';
import type { RuleSet } from './schema.js';
import { planRuleSet } from './validate.js';

/**
 * Validates rule-set JSON (structure, operators and their values, computed facts, unique ids,
 * bands) and returns it typed and deeply frozen. Pass the registry when the rule set uses
 * plugin operators or computed facts. Invalid input is `VALIDATION_FAILED` with one issue per
 * problem (`rules.2.condition.all.0.operator: unknown operator "gtt"`).
 *
 * @example
 * ```ts
 * const leadPriority = defineRuleSet({
 *   id: 'lead-priority',
 *   version: 1,
 *   rules: [
 *     {
 *       id: 'big-deal',
 *       description: 'Deals above 100k EUR',
 *       condition: { all: [{ fact: 'opportunity.amount', operator: 'gte', value: { amount: '100000.00', currency: 'EUR' } }] },
 *       outcome: { points: 30 },
 *     },
 *   ],
 *   bands: [{ label: 'hot', min: 30, priority: 1 }, { label: 'cold', priority: 3 }],
 * });
 * ```
 */
export function defineRuleSet(
  json: unknown,
  options: { registry?: ScoringRegistry } = {},
): RuleSet {
  return planRuleSet(json, options.registry ?? defaultRegistry()).ruleSet;
}

import { SellkitError } from '../errors/sellkit-error.js';
import type { PlanLeaf } from './plan.js';
import { describeValue } from './values.js';

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Details every evaluation error carries: where in which rule set it happened. */
function where(ruleSetId: string, leaf: PlanLeaf) {
  return {
    ruleSetId,
    ruleId: leaf.ruleId,
    path: leaf.path,
    fact: leaf.fact.source,
    operator: leaf.operator.name,
  };
}

/** `VALIDATION_FAILED` at a leaf: one issue at its path, with where it happened. */
function leafIssue(ruleSetId: string, leaf: PlanLeaf, message: string, reason: string) {
  return new SellkitError(
    'VALIDATION_FAILED',
    `rule "${short(leaf.ruleId)}" at ${leaf.path}: ${message}`,
    {
      ...where(ruleSetId, leaf),
      issues: [{ path: leaf.path, message, reason }],
    },
  );
}

/** A fact of a kind the operator does not accept: `VALIDATION_FAILED` naming rule and path. */
export function factTypeError(ruleSetId: string, leaf: PlanLeaf, value: unknown): SellkitError {
  const accepted = leaf.accepts === 'any' ? 'any value' : [...leaf.accepts].join(', ');
  const message = `fact ${leaf.fact.source} is ${describeValue(value)}; ${leaf.operator.name} accepts ${accepted}`;
  return leafIssue(ruleSetId, leaf, message, 'invalid_type');
}

/** A fact refused by the operator itself (`context.invalid`). */
export function factValueError(ruleSetId: string, leaf: PlanLeaf, reason: string): SellkitError {
  const message = `fact ${leaf.fact.source} ${short(reason)}`;
  return leafIssue(ruleSetId, leaf, message, 'invalid_value');
}

/** A plugin operator that threw something other than a SellkitError. */
export function operatorFailure(ruleSetId: string, leaf: PlanLeaf, cause: unknown): SellkitError {
  return new SellkitError(
    'CONFIGURATION_INVALID',
    `rule "${short(leaf.ruleId)}" at ${leaf.path}: operator ${leaf.operator.name} failed`,
    where(ruleSetId, leaf),
    { cause },
  );
}

import type { AssignmentRule } from './rule-schema.js';

/** The record (or facts about it) being assigned. */
export interface AssignmentInput {
  /** The model of the record: `company`, `lead`... (must have an owner field). */
  readonly model: string;
  /** The record's territory, for `territoryOf: 'record'` and `territoryWithin`. */
  readonly territoryId?: string | null;
  /** E.g. `high` for deals that should go to senior reps. */
  readonly priority?: string | null;
  readonly segment?: string | null;
  /** Any other attribute a rule's `when` may test. */
  readonly [attribute: string]: unknown;
}

type Condition = NonNullable<AssignmentRule['when']>[string];

function equals(expected: Condition, actual: unknown): boolean {
  const options = Array.isArray(expected) ? expected : [expected];
  return options.some((option) => option === actual);
}

/**
 * True when every condition of the rule's `when` holds for the input. `territoryWithin` holds
 * when the record's territory is one of the listed ones or lies beneath one of them.
 */
export function ruleMatches(
  rule: AssignmentRule,
  input: AssignmentInput,
  /** The record's territory and its ancestors, nearest first (empty without a territory). */
  territoryLineage: readonly string[],
): boolean {
  for (const [attribute, expected] of Object.entries(rule.when ?? {})) {
    if (attribute === 'territoryWithin') {
      if (!territoryLineage.some((id) => equals(expected, id))) return false;
      continue;
    }
    if (!equals(expected, input[attribute])) return false;
  }
  return true;
}

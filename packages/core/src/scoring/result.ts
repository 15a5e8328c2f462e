import type { Plan } from './plan.js';
import { bandFor } from './runtime.js';

/** What scoring one set of facts gives. */
export interface ScoreResult {
  /** The rule set's id and the version that produced this result (never changes later). */
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  /** The sum of the points of every fired rule (an exact integer). */
  readonly total: number;
  /** The band the total falls into, or null when no band covers it. */
  readonly band: string | null;
  readonly priority: number | null;
  /** Tags of fired rules, in rule order, without repeats. */
  readonly tags: readonly string[];
  /** Ids of the rules that fired, in rule order. */
  readonly fired: readonly string[];
}

const NO_TAGS: readonly string[] = Object.freeze([]);

/** Builds results for a plan from a total, the fired rule ids and the tags (maybe null). */
export function resultBuilder(plan: Plan) {
  const { id, version } = plan.ruleSet;
  const bands = plan.bands;
  return (total: number, fired: string[], tags: string[] | null): ScoreResult => {
    const band = bandFor(bands, total);
    return {
      ruleSetId: id,
      ruleSetVersion: version,
      total,
      band: band ? band.label : null,
      priority: band ? band.priority : null,
      tags: tags === null ? NO_TAGS : tags.length > 1 ? [...new Set(tags)] : tags,
      fired,
    };
  };
}

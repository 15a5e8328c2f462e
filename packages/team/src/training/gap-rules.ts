import {
  compileRuleSet,
  createRuleSetStore,
  defineRuleSet,
  type EventMap,
  type ModuleScope,
  type RuleSet,
  type StoredRuleSet,
  validationError,
} from '@sellkit/core';
import { isSkill } from './skills.js';

/** The id the tenant's skill-gap rule set is stored under. */
export const SKILL_GAP_RULE_SET_ID = 'team-skill-gaps';

/**
 * The skill-gap rules the module ships: each rule is a gap, its `tag` lists the skills that
 * close it (comma-separated). Facts are per rep and period (see `docs/team.md`): `winRate`,
 * `cycleDays`, `activities`, `weakestProduct` and `weakestStage` each carry the rep's figure (`rep`), the
 * team's (`team`) and a comparison (`ratioPct` = rep / team × 100, `gapPoints` = team − rep in
 * percentage points); `sample.closedDeals.rep` and `sample.wonDeals.rep` guard small samples.
 *
 * @example
 * ```ts
 * const rules = defaultSkillGapRuleSet();
 * console.log(rules.rules.map((rule) => `${rule.id}: ${rule.outcome.tag}`));
 * // ['low-win-rate: closing,negotiation', 'long-cycle: pipeline-management', ...]
 * ```
 */
export function defaultSkillGapRuleSet(): RuleSet {
  return defineRuleSet({
    id: SKILL_GAP_RULE_SET_ID,
    version: 1,
    description: "Skill gaps from a rep's results against the team's, per period.",
    rules: [
      {
        id: 'low-win-rate',
        description: "Win rate below 80 % of the team's (at least 5 closed deals)",
        condition: {
          all: [
            { fact: 'sample.closedDeals.rep', operator: 'gte', value: 5 },
            { fact: 'winRate.ratioPct', operator: 'lt', value: 80 },
          ],
        },
        outcome: { points: 10, tag: 'closing,negotiation' },
      },
      {
        id: 'long-cycle',
        description: "Won deals take over 125 % of the team's average cycle (at least 3 won)",
        condition: {
          all: [
            { fact: 'sample.wonDeals.rep', operator: 'gte', value: 3 },
            { fact: 'cycleDays.ratioPct', operator: 'gt', value: 125 },
          ],
        },
        outcome: { points: 10, tag: 'pipeline-management' },
      },
      {
        id: 'few-activities',
        description: "Fewer than 70 % of the team's activities per rep",
        condition: { fact: 'activities.ratioPct', operator: 'lt', value: 70 },
        outcome: { points: 10, tag: 'prospecting' },
      },
      {
        id: 'weak-product',
        description: "Win rate on a product 20 points or more below the team's (at least 3 closed)",
        condition: {
          all: [
            { fact: 'weakestProduct.repClosed', operator: 'gte', value: 3 },
            { fact: 'weakestProduct.gapPoints', operator: 'gte', value: 20 },
          ],
        },
        outcome: { points: 10, tag: 'product-knowledge' },
      },
      {
        id: 'weak-stage',
        description:
          "Conversion from a stage 20 points or more below the team's (at least 3 deals left it)",
        condition: {
          all: [
            { fact: 'weakestStage.repExits', operator: 'gte', value: 3 },
            { fact: 'weakestStage.gapPoints', operator: 'gte', value: 20 },
          ],
        },
        outcome: { points: 10, tag: 'objection-handling' },
      },
    ],
    bands: [],
  });
}

/**
 * The skills a gap rule's tag names (`closing,negotiation` → two skills).
 *
 * @example
 * ```ts
 * skillsOfTag('closing, negotiation'); // ['closing', 'negotiation']
 * ```
 */
export function skillsOfTag(tag: string | undefined): string[] {
  if (tag === undefined) return [];
  return tag
    .split(/[\s,]+/)
    .filter((skill) => skill.length > 0)
    .filter((skill, index, all) => all.indexOf(skill) === index);
}

/**
 * Validates a skill-gap rule set: a valid scoring rule set in which every rule has a tag
 * listing skills. Anything else is `VALIDATION_FAILED`.
 */
function checkGapRules(json: unknown): RuleSet {
  const ruleSet = defineRuleSet(json);
  if (ruleSet.id !== SKILL_GAP_RULE_SET_ID) {
    throw validationError('id', `must be ${SKILL_GAP_RULE_SET_ID}`, 'invalid');
  }
  ruleSet.rules.forEach((rule, index) => {
    const skills = skillsOfTag(rule.outcome.tag);
    if (skills.length === 0 || !skills.every(isSkill)) {
      throw validationError(
        `rules.${index}.outcome.tag`,
        'must list the skills the gap calls for (e.g. "closing,negotiation")',
        'invalid_skill',
      );
    }
  });
  return ruleSet;
}

/** Where the rules in force came from. */
export type GapRuleSource = 'published' | 'default';

/** The tenant's skill-gap rules: drafts, publishing, history (`team.training.gapRules`). */
export interface GapRuleService {
  /** Saves a draft (validated, every rule tagged with skills); nothing is stored when invalid. */
  save(draft: unknown): Promise<StoredRuleSet>;
  /** Publishes the draft as the next version: recommendations use it from now on. */
  publish(): Promise<StoredRuleSet>;
  /** The rules in force: the published version, or the module's default. */
  active(): Promise<{ ruleSet: RuleSet; source: GapRuleSource }>;
  /** Every published or archived version, oldest first. */
  history(): Promise<StoredRuleSet[]>;
}

/**
 * The skill-gap rule service: rule sets as data, stored with the core rule-set store.
 *
 * @example
 * ```ts
 * const gapRules = admin.team.training.gapRules;
 * const rules = defaultSkillGapRuleSet();
 * await gapRules.save({
 *   ...rules,
 *   rules: rules.rules.map((rule) =>
 *     rule.id === 'few-activities'
 *       ? { ...rule, condition: { fact: 'activities.ratioPct', operator: 'lt', value: 50 } }
 *       : rule,
 *   ),
 * });
 * await gapRules.publish();
 * ```
 */
export function createGapRuleService<E extends EventMap>(scope: ModuleScope<E>): GapRuleService {
  // The kernel registers the scoringRuleSet model; rows are reached through scope.internal.
  const store = () => createRuleSetStore(scope, undefined, { clock: scope.clock });
  const admin = () => scope.assertCan('update', scope.model('scoringRuleSet'));
  return {
    async save(draft) {
      const ruleSet = checkGapRules(draft);
      compileRuleSet(ruleSet);
      await admin();
      return store().save(ruleSet);
    },
    async publish() {
      await admin();
      const draft = await store().get(SKILL_GAP_RULE_SET_ID);
      if (draft) checkGapRules(draft.ruleSet);
      return store().publish(SKILL_GAP_RULE_SET_ID);
    },
    async active() {
      const found = await store().active(SKILL_GAP_RULE_SET_ID);
      return found
        ? { ruleSet: found.ruleSet, source: 'published' }
        : { ruleSet: defaultSkillGapRuleSet(), source: 'default' };
    },
    async history() {
      return store().history(SKILL_GAP_RULE_SET_ID);
    },
  };
}

import {
  type CompiledRuleSet,
  compileRuleSet,
  createRuleSetStore,
  type Explanation,
  isSellkitError,
  type ModuleScope,
  type RuleSet,
  type ScoreResult,
  type TenantCalendar,
} from '@sellkit/core';
import type { ScoreExplanation } from '../opportunities/opportunity-model.js';
import { type WinModel, winProbability } from '../predictive/win-model.js';
import { loadWinModel } from '../predictive/win-stats.js';
import type { PipelineScope } from '../shared/context.js';
import { opportunityFacts, type ScorableOpportunity } from './facts.js';
import type { ScoringSetup } from './scoring-setup.js';

/** The score fields written on an opportunity. */
export interface ScoreFields {
  score: number;
  band: string | null;
  priority: number | null;
  scoreExplanation: ScoreExplanation;
  scoredAt: Date;
}

/**
 * Scores deals with one compiled rule set and one snapshot of the win model, in the tenant's
 * calendar (relative dates and `$daysToClose` count the tenant's local days).
 */
export interface Scorer {
  readonly compiled: CompiledRuleSet;
  readonly winModel: WinModel;
  /** Scores a batch at one `now` (`scoreMany` of the engine). */
  scoreMany(deals: readonly ScorableOpportunity[], now: Date): ScoreFields[];
  explain(deal: ScorableOpportunity, now: Date): Explanation;
}

// Compiled rule sets by their JSON: a version's content never changes, and compiling is the
// expensive step. Bounded, since tenants can publish many versions.
const compiledCache = new Map<string, CompiledRuleSet>();
const CACHE_LIMIT = 200;

/** Compiles (or reuses) a rule set with the pipeline's registry. */
export function compiledFor(setup: ScoringSetup, ruleSet: RuleSet): CompiledRuleSet {
  const key = `${setup.mode ?? ''}\u0000${JSON.stringify(ruleSet)}`;
  const known = compiledCache.get(key);
  if (known) return known;
  const compiled = compileRuleSet(ruleSet, {
    registry: setup.registry,
    ...(setup.mode ? { mode: setup.mode } : {}),
  });
  if (compiledCache.size >= CACHE_LIMIT) compiledCache.clear();
  compiledCache.set(key, compiled);
  return compiled;
}

/** True when the kernel stores rule sets (the `scoringRuleSet` model is registered). */
export function storesRuleSets(scope: Pick<ModuleScope, 'model'>): boolean {
  try {
    scope.model('scoringRuleSet');
    return true;
  } catch (error) {
    if (isSellkitError(error, 'CONFIGURATION_INVALID')) return false;
    throw error;
  }
}

type ScoringScope = Pick<
  PipelineScope,
  'model' | 'internal' | 'transaction' | 'inTransaction' | 'clock' | 'calendar'
>;

/** Where the rule set that scored a deal came from. */
export type RuleSetSource = ScoreExplanation['source'];

/** The tenant's published priority rule set, or the module's default. */
export async function activeRuleSet(
  scope: ScoringScope,
  setup: ScoringSetup,
): Promise<{ ruleSet: RuleSet; source: RuleSetSource }> {
  if (!storesRuleSets(scope)) return { ruleSet: setup.defaultRuleSet, source: 'default' };
  const store = createRuleSetStore(scope, setup.registry, { clock: scope.clock });
  const active = await store.active(setup.ruleSetId);
  return active
    ? { ruleSet: active.ruleSet, source: 'published' }
    : { ruleSet: setup.defaultRuleSet, source: 'default' };
}

function describe(compiled: CompiledRuleSet): Map<string, { points: number; text: string }> {
  return new Map(
    compiled.ruleSet.rules.map((rule) => [
      rule.id,
      { points: rule.outcome.points ?? 0, text: rule.description ?? rule.id },
    ]),
  );
}

/** Turns an engine result into the fields stored on the deal. */
export function scoreFields(
  result: ScoreResult,
  rules: ReadonlyMap<string, { points: number; text: string }>,
  probability: number | null,
  now: Date,
  source: RuleSetSource,
): ScoreFields {
  const reasons = result.fired.map((id) => {
    const rule = rules.get(id) ?? { points: 0, text: id };
    return { rule: id, points: rule.points, text: rule.text };
  });
  return {
    score: result.total,
    band: result.band,
    priority: result.priority,
    scoreExplanation: {
      ruleSetId: result.ruleSetId,
      ruleSetVersion: result.ruleSetVersion,
      source,
      total: result.total,
      band: result.band,
      reasons,
      winProbability: probability === null ? null : Math.round(probability * 10_000) / 10_000,
    },
    scoredAt: now,
  };
}

/** A scorer for an explicit rule set (what-if) or the tenant's active one. */
export function createScorer(
  compiled: CompiledRuleSet,
  winModel: WinModel,
  source: RuleSetSource,
  calendar?: TenantCalendar,
): Scorer {
  const inCalendar = calendar === undefined ? {} : { calendar };
  const rules = describe(compiled);
  const facts = (deal: ScorableOpportunity) => opportunityFacts(deal, winModel);
  return {
    compiled,
    winModel,
    scoreMany(deals, now) {
      const list = deals.map(facts);
      // An asynchronous rule set is refused here by the engine (UNSUPPORTED): priority
      // scoring runs in bulk and must stay synchronous.
      const results = compiled.scoreMany(list, { now, ...inCalendar });
      return results.map((result, index) =>
        scoreFields(
          result,
          rules,
          // The facts already hold the deal's feature values: no second pass over the deal.
          winProbability(winModel, (list[index] as { features: Record<string, string> }).features),
          now,
          source,
        ),
      );
    },
    explain: (deal, now) => compiled.explain(facts(deal), { now, ...inCalendar }),
  };
}

/** Loads the tenant's active rule set and win model. */
export async function loadScorer(scope: ScoringScope, setup: ScoringSetup): Promise<Scorer> {
  const { ruleSet, source } = await activeRuleSet(scope, setup);
  const compiled = compiledFor(setup, ruleSet);
  const model = await loadWinModel(scope, setup.features, setup.smoothing);
  return createScorer(compiled, model, source, await scope.calendar());
}

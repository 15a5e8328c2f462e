import {
  createRuleSetStore,
  type RuleSet,
  SellkitError,
  type StoredRuleSet,
  validationError,
} from '@sellkit/core';
import { isPlainObject } from '@sellkit/core/module';
import { type RebuildReport, rebuildWinModel } from '../predictive/rebuild.js';
import { featureValues, winProbability } from '../predictive/win-model.js';
import { loadWinModel } from '../predictive/win-stats.js';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { type RescoreOptions, type RescoreProgress, rescoreAll } from './rescore.js';
import { activeRuleSet, storesRuleSets } from './scorer.js';
import { type WhatIfOptions, type WhatIfReport, whatIf } from './what-if.js';

/**
 * The priority rule set (draft, publish, history), what-if runs, bulk re-scoring and the
 * learned win model. Rule-set changes are for admins (the `scoringRuleSet` model's grants).
 */
export interface ScoringService {
  /** The rule set deals are scored with now (the published one, else the module's default). */
  activeRuleSet(): Promise<RuleSet>;
  /** Saves a draft of the priority rule set (validated first; an invalid one is never stored). */
  saveDraft(ruleSet: unknown): Promise<StoredRuleSet>;
  /** Publishes the draft as the next version. Call `rescoreAll` to apply it to stored deals. */
  publish(): Promise<StoredRuleSet>;
  /** Published versions, oldest first. */
  history(): Promise<StoredRuleSet[]>;
  /** What a draft would change, before publishing it. Writes nothing. */
  whatIf(draft: unknown, options?: WhatIfOptions): Promise<WhatIfReport>;
  rescoreAll(options?: RescoreOptions): Promise<RescoreProgress>;
  /** Recounts the win model from every closed deal. */
  rebuildWinModel(options?: {
    batchSize?: number;
    onProgress?: (progress: { deals: number }) => void;
  }): Promise<RebuildReport>;
  /** The learned win probability of one deal (null without history). */
  winProbability(id: string): Promise<number | null>;
}

/** Creates the scoring service of one context. */
export function createScoringService(ctx: PipelineContext): ScoringService {
  const { scope } = ctx;
  const setup = ctx.options.scoring;
  const store = () => {
    if (!storesRuleSets(scope)) {
      throw new SellkitError(
        'CONFIGURATION_INVALID',
        'rule sets are not stored: the scoringRuleSet model is not registered with the kernel',
      );
    }
    return createRuleSetStore(scope, setup.registry, { clock: scope.clock });
  };
  const admin = async () => scope.assertCan('update', scope.model('scoringRuleSet'));
  return {
    activeRuleSet: async () => (await activeRuleSet(scope, setup)).ruleSet,
    async saveDraft(ruleSet) {
      if (!isPlainObject(ruleSet))
        throw validationError('', 'a rule set must be an object', 'invalid_type');
      if (ruleSet.id !== setup.ruleSetId) {
        throw validationError('id', `the priority rule set's id is ${setup.ruleSetId}`, 'wrong_id');
      }
      const rules = store();
      await admin();
      return rules.save(ruleSet);
    },
    async publish() {
      const rules = store();
      await admin();
      return rules.publish(setup.ruleSetId);
    },
    history: () => store().history(setup.ruleSetId),
    whatIf: (draft, options) => whatIf(ctx, draft, options),
    rescoreAll: (options) => rescoreAll(ctx, options),
    rebuildWinModel: (options) => rebuildWinModel(ctx, options),
    async winProbability(id) {
      const { opportunity } = pipelineModels(scope);
      const deal = await scope.records(opportunity).get(id);
      const model = await loadWinModel(scope, setup.features, setup.smoothing);
      return winProbability(model, featureValues(deal, model.features));
    },
  };
}

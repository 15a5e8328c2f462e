import type { RuleSet, ScoringRegistry } from '@sellkit/core';
import type { WinFeature } from '../predictive/win-model.js';

/** What the pipeline's scoring needs, fixed per module instance. */
export interface ScoringSetup {
  readonly registry: ScoringRegistry;
  readonly defaultRuleSet: RuleSet;
  readonly ruleSetId: string;
  readonly features: readonly WinFeature[];
  readonly smoothing: number;
  readonly mode: 'function' | 'closures' | undefined;
}

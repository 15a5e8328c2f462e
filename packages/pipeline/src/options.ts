import {
  createScoringRegistry,
  defineRuleSet,
  isSellkitError,
  type ModuleScope,
  type RuleSet,
  type ScoringRegistry,
  SellkitError,
} from '@sellkit/core';
import type { PipelineEvents } from './events.js';
import type { Opportunity } from './opportunities/opportunity-model.js';
import { DEFAULT_PIPELINE } from './pipelines/default-pipeline.js';
import { definePipeline } from './pipelines/define-pipeline.js';
import {
  type DueOffset,
  offsetMs,
  type PipelineDefinition,
  type PipelineInput,
  type StageInput,
} from './pipelines/stage-definition.js';
import { DEFAULT_WIN_FEATURES, WIN_FEATURES, type WinFeature } from './predictive/win-model.js';
import { PIPELINE_FACTS } from './scoring/computed-facts.js';
import {
  type DefaultRuleSetOptions,
  defaultPriorityRuleSet,
  PRIORITY_RULE_SET_ID,
} from './scoring/default-rule-set.js';
import type { ScoringSetup } from './scoring/scoring-setup.js';

/**
 * Picks the owner of a high-priority deal: a user id, or null to keep the current owner.
 * Runs inside the transaction that created or changed the deal.
 */
export type RouteFunction = (
  scope: ModuleScope<PipelineEvents>,
  opportunity: Opportunity,
) => Promise<string | null>;

/** Scoring settings of `pipeline()`. */
export interface PipelineScoringOptions extends DefaultRuleSetOptions {
  /** The rule set used until the tenant publishes one (default: `defaultPriorityRuleSet`). */
  readonly ruleSet?: RuleSet;
  /**
   * A registry with the host's and plugins' operators and facts. The pipeline's computed facts
   * (`daysToClose`, `daysSinceActivity`, `winProbability`) are added to it when missing.
   */
  readonly registry?: ScoringRegistry;
  /** Fields the win model learns from (default: source, product, industry, territory, owner). */
  readonly features?: readonly WinFeature[];
  /** Laplace smoothing α of the win model (default 1). */
  readonly smoothing?: number;
  readonly mode?: 'function' | 'closures';
}

/** Options of `pipeline()`. */
export interface PipelineOptions {
  /** Stages of the tenant's default pipeline (key `default`). */
  readonly stages?: readonly StageInput[];
  /** Pipelines every tenant gets (the first is the default); overrides `stages`. */
  readonly pipelines?: readonly (PipelineInput | PipelineDefinition)[];
  readonly scoring?: PipelineScoringOptions;
  /** Routes high-priority deals, e.g. to senior reps (see `teamRouting`). */
  readonly route?: RouteFunction;
  /** Deals scored at this priority or better (lower number) are routed. Default 1. */
  readonly routePriority?: number;
  readonly tasks?: {
    /** A task is overdue this long after it was due (default one day). */
    readonly overdueAfter?: DueOffset;
  };
}

/** Options with defaults filled in and checked. */
export interface ResolvedPipelineOptions {
  readonly pipelines: readonly PipelineDefinition[];
  readonly scoring: ScoringSetup;
  readonly route: RouteFunction | null;
  readonly routePriority: number;
  /** How long after its due time a task is overdue (days are local calendar days). */
  readonly overdueAfter: DueOffset;
  /** The same in milliseconds (24-hour days). */
  readonly overdueAfterMs: number;
}

function invalid(message: string, cause?: unknown): SellkitError {
  return new SellkitError('CONFIGURATION_INVALID', `pipeline(): ${message}`, {}, { cause });
}

function pipelinesOf(options: PipelineOptions): PipelineDefinition[] {
  try {
    if (options.pipelines !== undefined) {
      if (!Array.isArray(options.pipelines) || options.pipelines.length === 0) {
        throw invalid('pipelines must be a non-empty list');
      }
      const list = options.pipelines.map((item) => definePipeline(item));
      if (new Set(list.map((item) => item.key)).size !== list.length) {
        throw invalid('pipeline keys must be unique');
      }
      return list;
    }
    if (options.stages !== undefined) {
      return [definePipeline({ key: 'default', name: 'Sales', stages: options.stages })];
    }
    return [DEFAULT_PIPELINE];
  } catch (error) {
    if (isSellkitError(error, 'VALIDATION_FAILED')) throw invalid(error.message, error);
    throw error;
  }
}

function registryOf(given: ScoringRegistry | undefined): ScoringRegistry {
  const registry = given ?? createScoringRegistry();
  for (const fact of PIPELINE_FACTS) if (!registry.hasFact(fact.name)) registry.fact(fact);
  return registry;
}

/** Checks `pipeline()` options (`CONFIGURATION_INVALID` on nonsense) and fills in defaults. */
export function resolvePipelineOptions(options: PipelineOptions = {}): ResolvedPipelineOptions {
  if (options === null || typeof options !== 'object') throw invalid('options must be an object');
  const scoring = options.scoring ?? {};
  const features = scoring.features ?? DEFAULT_WIN_FEATURES;
  for (const feature of features) {
    if (!(WIN_FEATURES as readonly string[]).includes(feature)) {
      throw invalid(`unknown win-model feature ${String(feature)}`);
    }
  }
  const smoothing = scoring.smoothing ?? 1;
  if (typeof smoothing !== 'number' || !(smoothing > 0) || smoothing > 1000) {
    throw invalid('scoring.smoothing must be a number above 0');
  }
  const registry = registryOf(scoring.registry);
  let defaultRuleSet: RuleSet;
  try {
    defaultRuleSet = defineRuleSet(scoring.ruleSet ?? defaultPriorityRuleSet(scoring), {
      registry,
    });
  } catch (error) {
    if (isSellkitError(error)) throw invalid(`scoring rule set: ${error.message}`, error);
    throw error;
  }
  const routePriority = options.routePriority ?? 1;
  if (!Number.isInteger(routePriority) || routePriority < 0) {
    throw invalid('routePriority must be a non-negative integer');
  }
  if (options.route !== undefined && typeof options.route !== 'function') {
    throw invalid('route must be a function (scope, opportunity) => ownerId | null');
  }
  const overdueAfter: DueOffset = Object.freeze({
    ...(options.tasks?.overdueAfter ?? { days: 1 }),
  });
  const overdueAfterMs = offsetMs(overdueAfter);
  if (!Number.isFinite(overdueAfterMs) || overdueAfterMs < 0) {
    throw invalid('tasks.overdueAfter must be a non-negative offset');
  }
  return Object.freeze({
    pipelines: Object.freeze(pipelinesOf(options)),
    scoring: Object.freeze({
      registry,
      defaultRuleSet,
      ruleSetId: defaultRuleSet.id ?? PRIORITY_RULE_SET_ID,
      features: Object.freeze([...features]),
      smoothing,
      mode: scoring.mode,
    }),
    route: options.route ?? null,
    routePriority,
    overdueAfter,
    overdueAfterMs,
  });
}

import { defineRuleSet, type Where } from '@sellkit/core';
import type { Opportunity } from '../opportunities/opportunity-model.js';
import { loadWinModel } from '../predictive/win-stats.js';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import type { ScorableOpportunity } from './facts.js';
import { compiledFor, createScorer, type ScoreFields } from './scorer.js';

/** Options of `whatIf`. */
export interface WhatIfOptions {
  /** Which deals (default: open ones, within the actor's reach). */
  where?: Where<Opportunity>;
  pageSize?: number;
  /** The most changes listed one by one (all are counted). Default 1,000. */
  maxListed?: number;
  onProgress?: (progress: { evaluated: number; changed: number }) => void;
}

/** How one deal's priority would change. */
export interface PriorityChange {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string | null;
  readonly before: {
    readonly score: number | null;
    readonly band: string | null;
    readonly priority: number | null;
  };
  readonly after: {
    readonly score: number;
    readonly band: string | null;
    readonly priority: number | null;
  };
  /** The draft's rules that gave points, in words. */
  readonly reasons: readonly string[];
}

/** What a draft rule set would do to the stored open deals. Nothing is written. */
export interface WhatIfReport {
  readonly ruleSetId: string;
  readonly ruleSetVersion: number;
  readonly evaluated: number;
  /** Deals whose priority would change. */
  readonly changed: number;
  /** Deals whose priority would go up (a lower number) or down. */
  readonly raised: number;
  readonly lowered: number;
  /** Counts by band move, e.g. `{ 'cold→hot': 3 }`. */
  readonly moves: Readonly<Record<string, number>>;
  readonly changes: readonly PriorityChange[];
  /** True when more changes exist than `maxListed`. */
  readonly truncated: boolean;
}

/**
 * Evaluates a draft rule set against the stored open deals, page by page with cursors, and
 * reports whose priority would change (compared with what sellers see now), before anyone
 * publishes it. A draft that fails validation is `VALIDATION_FAILED`.
 *
 * @example
 * ```ts
 * const draft = defaultPriorityRuleSet({ largeDeal: '25000' });
 * const report = await admin.pipeline.scoring.whatIf(draft, { onProgress: console.log });
 * report.raised; // deals that would become more urgent
 * ```
 */
export async function whatIf(
  ctx: PipelineContext,
  draft: unknown,
  options: WhatIfOptions = {},
): Promise<WhatIfReport> {
  const { scope } = ctx;
  const setup = ctx.options.scoring;
  const ruleSet = defineRuleSet(draft, { registry: setup.registry });
  const scorer = createScorer(
    compiledFor(setup, ruleSet),
    await loadWinModel(scope, setup.features, setup.smoothing),
    'draft',
    await scope.calendar(),
  );
  const { opportunity } = pipelineModels(scope);
  const pageSize = Math.min(Math.max(options.pageSize ?? 1000, 1), 10_000);
  const maxListed = options.maxListed ?? 1000;
  const moves: Record<string, number> = {};
  const changes: PriorityChange[] = [];
  let evaluated = 0;
  let changed = 0;
  let raised = 0;
  let lowered = 0;
  let after: string | undefined;
  do {
    const page = await scope.records(opportunity).find({
      where: options.where ?? { status: 'open' },
      orderBy: [{ field: 'id', direction: 'asc' }],
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
    });
    const scores = scorer.scoreMany(page.rows as ScorableOpportunity[], scope.clock.now());
    page.rows.forEach((row, index) => {
      const next = scores[index] as ScoreFields;
      evaluated += 1;
      if (row.priority === next.priority) return;
      changed += 1;
      const rank = (value: number | null) => value ?? Number.POSITIVE_INFINITY;
      if (rank(next.priority) < rank(row.priority)) raised += 1;
      else lowered += 1;
      const move = `${row.band ?? 'none'}→${next.band ?? 'none'}`;
      moves[move] = (moves[move] ?? 0) + 1;
      if (changes.length < maxListed) {
        changes.push({
          id: row.id,
          title: row.title,
          ownerId: row.ownerId,
          before: { score: row.score, band: row.band, priority: row.priority },
          after: { score: next.score, band: next.band, priority: next.priority },
          reasons: next.scoreExplanation.reasons.map(
            (reason) => `${reason.points >= 0 ? '+' : ''}${reason.points} ${reason.text}`,
          ),
        });
      }
    });
    options.onProgress?.({ evaluated, changed });
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return {
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    evaluated,
    changed,
    raised,
    lowered,
    moves,
    changes,
    truncated: changed > changes.length,
  };
}

import {
  diffRecords,
  type Explanation,
  type FindQuery,
  type Page,
  SellkitError,
  type Where,
  type WriteOptions,
} from '@sellkit/core';
import { issueList, requireObject, withRetry } from '@sellkit/core/module';
import {
  type LoseOptions,
  lose,
  type ReopenOptions,
  reopen,
  type WinOptions,
  win,
} from '../closing/close.js';
import type { ScorableOpportunity } from '../scoring/facts.js';
import { maybeRoute } from '../scoring/routing.js';
import { loadScorer } from '../scoring/scorer.js';
import { type PipelineContext, pipelineModels, within } from '../shared/context.js';
import { readStageHistory, type StageStay, stageStays } from '../stages/history.js';
import { type MoveOptions, moveStage } from '../stages/move-stage.js';
import type { StageChange } from '../stages/stage-change-model.js';
import type { Task } from '../tasks/task-model.js';
import { createDeal } from './create-deal.js';
import type { OpportunityLine } from './line-model.js';
import { deleteLines, type LineInput, readLines } from './lines.js';
import { loadForUpdate } from './load-deal.js';
import {
  type OpportunityInput,
  type OpportunityPatch,
  prepareUpdate,
} from './opportunity-input.js';
import type { Opportunity } from './opportunity-model.js';
import { updateDeal } from './write-deal.js';

/** What {@link deleteAll} needs of a model's rows: a deal's history or its tasks. */
interface DealRows<R extends { id: string; version: number }> {
  find(query: { where: { opportunityId: string }; limit: number }): Promise<Page<R>>;
  delete(id: string, options: { current: R }): Promise<void>;
}

/** Deletes every row of a deal, page by page (the deal itself is being deleted). */
async function deleteAll<R extends { id: string; version: number }>(
  rows: DealRows<R>,
  opportunityId: string,
): Promise<void> {
  for (;;) {
    const page = await rows.find({ where: { opportunityId }, limit: 1000 });
    if (page.rows.length === 0) return;
    for (const row of page.rows) await rows.delete(row.id, { current: row });
  }
}

/** Leads and opportunities: create, read, change, move, close, reopen, explain. */
export interface OpportunityService {
  /**
   * Creates an opportunity in the default (or given) pipeline.
   *
   * @example
   * ```ts
   * const cancity = await rep.customers.companies.create({ name: 'Cancity' });
   * const deal = await rep.pipeline.opportunities.create({
   *   title: 'Cancity: 20 GTX Pro',
   *   companyId: cancity.id,
   *   source: 'trade show',
   *   lines: [{ product: 'GTX Pro', quantity: 20 }],
   *   expectedCloseDate: '2026-04-30',
   * });
   * deal.amount?.toString(); // '96420.00 USD'
   * deal.band;               // 'hot' | 'warm' | 'cold'
   * ```
   */
  create(input: OpportunityInput): Promise<Opportunity>;
  /** Creates a lead (a company is optional). */
  createLead(input: Omit<OpportunityInput, 'kind'>): Promise<Opportunity>;
  /** Turns a lead into an opportunity; it needs a company by then. */
  convertLead(
    id: string,
    changes?: { companyId?: string; contactId?: string; title?: string },
  ): Promise<Opportunity>;
  get(id: string): Promise<Opportunity>;
  maybeGet(id: string): Promise<Opportunity | null>;
  find(query?: FindQuery<Opportunity>): Promise<Page<Opportunity>>;
  count(where?: Where<Opportunity>): Promise<number>;
  /** Changes fields (and lines); re-scores. A stale `expectedVersion` is `CONFLICT`. */
  update(id: string, patch: OpportunityPatch, options?: WriteOptions): Promise<Opportunity>;
  /** Deletes a deal with its lines, stage history and tasks. */
  delete(id: string, options?: WriteOptions): Promise<void>;
  lines(id: string): Promise<OpportunityLine[]>;
  /** Replaces the lines; the amount follows them unless it was set by hand. */
  setLines(id: string, lines: readonly LineInput[], options?: WriteOptions): Promise<Opportunity>;
  moveStage(id: string, stage: string, options?: MoveOptions): Promise<Opportunity>;
  win(id: string, options?: WinOptions): Promise<Opportunity>;
  lose(id: string, options: LoseOptions): Promise<Opportunity>;
  reopen(id: string, options: ReopenOptions): Promise<Opportunity>;
  /** Stage history, oldest first: who moved it, when, from, to. */
  history(id: string): Promise<StageChange[]>;
  /** How long the deal spent in each stage (the current stay runs until now). */
  timeInStages(id: string): Promise<StageStay[]>;
  /** Every rule of the active rule set, whether it fired, the points and the facts it read. */
  explainScore(id: string): Promise<Explanation>;
  /** Scores the deal again (after time passed, or a new rule set). */
  rescore(id: string): Promise<Opportunity>;
}

/** Creates the opportunity service of one context. */
export function createOpportunityService(ctx: PipelineContext): OpportunityService {
  const { scope } = ctx;
  const { opportunity, stageChange, task } = pipelineModels(scope);
  const records = () => scope.records(opportunity);

  async function update(
    id: string,
    patch: unknown,
    options: WriteOptions = {},
  ): Promise<Opportunity> {
    const raw = requireObject(patch, 'a patch', 'opportunity');
    return withRetry(scope, async (tx) => {
      const inner = within(ctx, tx);
      const { before, pipeline } = await loadForUpdate(tx, id);
      const issues = issueList();
      const prepared = await prepareUpdate(inner, before, pipeline, raw, issues);
      issues.throwIfAny({ model: 'opportunity', id });
      const { after } = await updateDeal(inner, before, prepared.data, {
        ...options,
        lines: prepared.lines,
      });
      const routed = await maybeRoute(inner, before, after);
      const changed = Object.keys(diffRecords(before, routed)).filter(
        (name) => !['scoredAt', 'scoreExplanation'].includes(name),
      );
      if (changed.length > 0)
        await tx.emit('opportunity.updated', { opportunity: routed, changed });
      return routed;
    });
  }

  return {
    create: (input) => createDeal(ctx, input, undefined),
    createLead: (input) => createDeal(ctx, input, 'lead'),
    async convertLead(id, changes = {}) {
      const raw = requireObject(changes, 'changes', 'opportunity');
      return scope.transaction(async (tx) => {
        const inner = within(ctx, tx);
        const { before, pipeline } = await loadForUpdate(tx, id);
        if (before.kind !== 'lead') {
          throw new SellkitError(
            'INVALID_TRANSITION',
            `${before.title} is already an opportunity`,
            {
              model: 'opportunity',
              id,
            },
          );
        }
        const issues = issueList();
        const prepared = await prepareUpdate(inner, before, pipeline, raw, issues);
        if (!(raw.companyId ?? before.companyId)) {
          issues.add('companyId', 'an opportunity needs a company', 'required');
        }
        issues.throwIfAny({ model: 'opportunity', id });
        const { after } = await updateDeal(inner, before, {
          ...prepared.data,
          kind: 'opportunity',
        });
        await tx.emit('lead.converted', { opportunity: after });
        return after;
      });
    },
    get: (id) => records().get(id),
    maybeGet: (id) => records().maybeGet(id),
    find: (query = {}) => records().find(query),
    count: (where) => records().count(where),
    update,
    async delete(id, options = {}) {
      await scope.transaction(async (tx) => {
        const deal = await tx.records(opportunity).get(id);
        await tx.assertCan('delete', opportunity, deal);
        await deleteLines(tx, id);
        // internal: the deal's history and tasks go with it, whoever they belong to
        await deleteAll<StageChange>(tx.internal(stageChange), id);
        await deleteAll<Task>(tx.internal(task), id);
        await tx.records(opportunity).delete(id, options);
      });
    },
    async lines(id) {
      await records().get(id);
      return readLines(scope, id);
    },
    setLines: (id, lines, options) => update(id, { lines }, options),
    moveStage: (id, stage, options) => moveStage(ctx, id, stage, options),
    win: (id, options) => win(ctx, id, options),
    lose: (id, options) => lose(ctx, id, options),
    reopen: (id, options) => reopen(ctx, id, options),
    async history(id) {
      await records().get(id);
      return readStageHistory(scope, id);
    },
    async timeInStages(id) {
      await records().get(id);
      return stageStays(await readStageHistory(scope, id), scope.clock.now());
    },
    async explainScore(id) {
      const deal = await records().get(id);
      const scorer = await loadScorer(scope, ctx.options.scoring);
      return scorer.explain(deal as ScorableOpportunity, scope.clock.now());
    },
    rescore: (id) => update(id, {}),
  };
}

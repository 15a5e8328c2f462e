import type { InferCreate } from '@sellkit/core';
import { issueList, requireObject } from '@sellkit/core/module';
import type { ScorableOpportunity } from '../scoring/facts.js';
import { maybeRoute } from '../scoring/routing.js';
import { type PipelineContext, pipelineModels, within } from '../shared/context.js';
import { recordStageChange } from '../stages/history.js';
import { runPlaybook } from '../tasks/playbook.js';
import { writeLines } from './lines.js';
import { prepareCreate } from './opportunity-input.js';
import type { Opportunity, opportunity } from './opportunity-model.js';
import { scoreDeal } from './write-deal.js';

/**
 * Creates a lead or opportunity: checks it (pipeline, open stage and its required fields,
 * lines against the catalog, dates), scores it, stores it with its lines, records its first
 * stage, runs the stage's playbook, routes it when it is high priority, and emits
 * `opportunity.created`. All in one transaction.
 */
export async function createDeal(
  ctx: PipelineContext,
  input: unknown,
  kind: 'lead' | 'opportunity' | undefined,
): Promise<Opportunity> {
  const raw = requireObject(input, 'an opportunity', 'opportunity');
  return ctx.scope.transaction(async (tx) => {
    const inner = within(ctx, tx);
    const issues = issueList();
    const prepared = await prepareCreate(
      inner,
      kind === undefined ? raw : { ...raw, kind },
      issues,
    );
    issues.throwIfAny({ model: 'opportunity' });
    // Checked input (prepareCreate), with the defaults storage gives what it leaves out.
    const draft: Record<string, unknown> = {
      kind: 'opportunity',
      competitors: [],
      productIds: [],
      budgetConfirmed: false,
      ...prepared.data,
    };
    const score = await scoreDeal(inner, draft as ScorableOpportunity);
    const { opportunity: model } = pipelineModels(tx);
    const created = await tx
      .records(model)
      .create({ ...prepared.data, ...score } as InferCreate<typeof opportunity>);
    const lines = prepared.lines ? await writeLines(tx, created.id, prepared.lines) : [];
    const routed = await maybeRoute(inner, null, created);
    const now = tx.clock.now();
    await recordStageChange(tx, null, routed, 'create', now);
    await runPlaybook(tx, prepared.stage, routed, now);
    await tx.emit('opportunity.created', { opportunity: routed, lines });
    return routed;
  });
}

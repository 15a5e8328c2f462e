import type { Opportunity } from '../opportunities/opportunity-model.js';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { reassignOpenTasks } from '../tasks/playbook.js';

/**
 * Routes a deal that just became high priority (priority at or above `routePriority`, having
 * been below it, or new): the configured `route` picks an owner, and the deal (with its open
 * tasks) moves to them. Routing is the system's decision, not the actor's, so it is written
 * past the actor's access and audited as `route`.
 */
export async function maybeRoute(
  ctx: PipelineContext,
  before: Opportunity | null,
  after: Opportunity,
): Promise<Opportunity> {
  const { route, routePriority } = ctx.options;
  if (
    !route ||
    after.status !== 'open' ||
    after.priority === null ||
    after.priority > routePriority
  ) {
    return after;
  }
  if (before && before.priority !== null && before.priority <= routePriority) return after;
  const owner = await route(ctx.scope, after);
  if (owner === null || owner === after.ownerId) return after;
  const { opportunity } = pipelineModels(ctx.scope);
  // internal: routing is the system's decision, handing the deal to an owner the actor may
  // not reach (the write is audited as an update, and as `route` below)
  const routed = await ctx.scope
    .internal(opportunity)
    .update(after.id, { ownerId: owner }, { current: after });
  await ctx.scope.audit({
    model: opportunity.name,
    recordId: after.id,
    action: 'route',
    changes: { ownerId: { before: after.ownerId, after: owner } },
  });
  await reassignOpenTasks(ctx.scope, after.id, owner);
  await ctx.scope.emit('opportunity.routed', {
    opportunity: routed,
    from: after.ownerId,
    to: owner,
    priority: routed.priority,
  });
  return routed;
}

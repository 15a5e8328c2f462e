import { defineModule } from '@sellkit/core';
import type { PipelineEvents } from './events.js';
import { opportunityLine } from './opportunities/line-model.js';
import { opportunity } from './opportunities/opportunity-model.js';
import { type PipelineOptions, resolvePipelineOptions } from './options.js';
import { salesPipeline } from './pipelines/pipeline-model.js';
import { winStat } from './predictive/win-stat-model.js';
import { PIPELINE_FACTS } from './scoring/computed-facts.js';
import { createPipelineService } from './service.js';
import { stageChange } from './stages/stage-change-model.js';
import { runTaskJob } from './tasks/task-job.js';
import { task } from './tasks/task-model.js';

/**
 * The pipeline module: leads and opportunities in pipelines of ordered stages, scoring and
 * priority, a learned win probability, follow-up playbooks and tasks, won/lost, and reports.
 * It needs the `catalog` and `customers` modules installed beside it.
 *
 * @example
 * ```ts
 * import { createSellkit, Money } from '@sellkit/core';
 * import { catalog } from '@sellkit/catalog';
 * import { customers } from '@sellkit/customers';
 * import { sqlite } from '@sellkit/storage-kysely';
 * const stages = [
 *   { key: 'qualify', probability: 20 },
 *   { key: 'proposal', probability: 60 },
 *   { key: 'won', kind: 'won', probability: 100 },
 *   { key: 'lost', kind: 'lost', probability: 0 },
 * ] as const;
 * const crm = await createSellkit({
 *   storage: sqlite({ file: 'crm.db' }),
 *   modules: [customers(), catalog({ currency: 'USD' }), pipeline({ stages })],
 * });
 * const rep = crm.as({ tenantId: 'acme', actor: { id: 'u-7', roles: ['sales-rep'] } });
 * const deal = await rep.pipeline.opportunities.create({ title: 'Cancity renewal' });
 * await rep.pipeline.opportunities.moveStage(deal.id, 'proposal', {
 *   set: { amount: Money.of('12000', 'USD') },
 * });
 * crm.events.on('opportunity.won', ({ opportunity, lines }) => console.log(opportunity.id, lines));
 * ```
 */
export function pipeline(options: PipelineOptions = {}) {
  const resolved = resolvePipelineOptions(options);
  return defineModule({
    id: 'pipeline',
    models: { salesPipeline, opportunity, opportunityLine, stageChange, task, winStat },
    events: {} as PipelineEvents,
    scoring: { facts: PIPELINE_FACTS },
    services: (scope) => createPipelineService(scope, resolved),
    jobs: {
      tasks: (scope, now) => runTaskJob(scope, now, resolved),
    },
  });
}

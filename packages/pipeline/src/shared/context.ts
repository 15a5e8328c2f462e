import type { ModuleScope } from '@sellkit/core';
import type { PipelineEvents } from '../events.js';
import { opportunityLine } from '../opportunities/line-model.js';
import { opportunity } from '../opportunities/opportunity-model.js';
import type { ResolvedPipelineOptions } from '../options.js';
import { salesPipeline } from '../pipelines/pipeline-model.js';
import { winStat } from '../predictive/win-stat-model.js';
import { stageChange } from '../stages/stage-change-model.js';
import { task } from '../tasks/task-model.js';

/** The scope every pipeline service works in. */
export type PipelineScope = ModuleScope<PipelineEvents>;

/** What every pipeline service works with: one scope (maybe a transaction) and the options. */
export interface PipelineContext {
  readonly scope: PipelineScope;
  readonly options: ResolvedPipelineOptions;
}

/** The same context bound to another scope (a transaction). */
export function within(ctx: PipelineContext, scope: PipelineScope): PipelineContext {
  return { ...ctx, scope };
}

/** The pipeline's models as composed by the kernel (plugin fields included). */
export function pipelineModels(scope: Pick<ModuleScope, 'model'>) {
  return {
    opportunity: scope.model(opportunity.name) as typeof opportunity,
    opportunityLine: scope.model(opportunityLine.name) as typeof opportunityLine,
    salesPipeline: scope.model(salesPipeline.name) as typeof salesPipeline,
    stageChange: scope.model(stageChange.name) as typeof stageChange,
    task: scope.model(task.name) as typeof task,
    winStat: scope.model(winStat.name) as typeof winStat,
  };
}

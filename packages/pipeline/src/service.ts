import type { PipelineEvents } from './events.js';
import {
  type MavenImportOptions,
  type MavenImportReport,
  runMavenImport,
} from './import/maven-crm.js';
import {
  createOpportunityService,
  type OpportunityService,
} from './opportunities/opportunity-service.js';
import type { ResolvedPipelineOptions } from './options.js';
import {
  createPipelineDefinitionService,
  type PipelineDefinitionService,
} from './pipelines/pipeline-service.js';
import { createReportService, type ReportService } from './reports/report-service.js';
import { createScoringService, type ScoringService } from './scoring/scoring-service.js';
import type { PipelineScope } from './shared/context.js';
import { createTaskService, type TaskService } from './tasks/task-service.js';

/** What `crm.as(ctx).pipeline` offers. */
export interface PipelineService {
  readonly pipelines: PipelineDefinitionService;
  readonly opportunities: OpportunityService;
  readonly tasks: TaskService;
  readonly scoring: ScoringService;
  readonly reports: ReportService;
  /** Imports the Maven CRM sample data set from a folder; see `importMavenCrm`. */
  importMavenCrm(dir: string, options?: MavenImportOptions): Promise<MavenImportReport>;
}

/** Builds the pipeline services for one scope. */
export function createPipelineService(
  scope: PipelineScope,
  options: ResolvedPipelineOptions,
): PipelineService {
  const ctx = { scope, options };
  return {
    pipelines: createPipelineDefinitionService(ctx),
    opportunities: createOpportunityService(ctx),
    tasks: createTaskService(ctx),
    scoring: createScoringService(ctx),
    reports: createReportService(ctx),
    importMavenCrm: (dir, importOptions) => runMavenImport(ctx, dir, importOptions),
  };
}

export type { PipelineEvents };

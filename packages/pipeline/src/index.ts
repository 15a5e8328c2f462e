/**
 * Sellkit pipeline: leads and opportunities, pipelines and stages, scoring and priority,
 * predictive win probability, follow-up playbooks and tasks, won/lost, reports and import.
 *
 * @packageDocumentation
 * @module @sellkit/pipeline
 */
export type { LoseOptions, ReopenOptions, WinOptions } from './closing/close.js';
export type {
  OpportunityLostEvent,
  OpportunityReopenedEvent,
  OpportunityWonEvent,
  PipelineEvents,
  StageChangedEvent,
} from './events.js';
export { pipelineHandle } from './handle.js';
export { importMavenCrm } from './import/import-maven-crm.js';
export type {
  AgentPlacement,
  AgentResolver,
  MavenAgent,
  TeamServicesForImport,
} from './import/maven-agents.js';
export { slugAgentResolver } from './import/maven-agents.js';
export type { MavenDealReport } from './import/maven-batch.js';
export type {
  MavenImportOptions,
  MavenImportProgress,
  MavenImportReport,
} from './import/maven-crm.js';
export { MAVEN_PIPELINE, MAVEN_PRODUCT_ALIASES, MAVEN_STAGES } from './import/maven-pipeline.js';
export { pipeline } from './module.js';
export { PIPELINE_COMPANY_REFERENCES } from './opportunities/company-references.js';
export type { OpportunityLine } from './opportunities/line-model.js';
export { opportunityLine } from './opportunities/line-model.js';
export type { LineInput } from './opportunities/lines.js';
export type { OpportunityInput, OpportunityPatch } from './opportunities/opportunity-input.js';
export type {
  Opportunity,
  OpportunityStatus,
  ScoreExplanation,
} from './opportunities/opportunity-model.js';
export {
  DERIVED_OPPORTUNITY_FIELDS,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_STATUSES,
  opportunity,
} from './opportunities/opportunity-model.js';
export type { OpportunityService } from './opportunities/opportunity-service.js';
export type {
  PipelineOptions,
  PipelineScoringOptions,
  RouteFunction,
} from './options.js';
export { DEFAULT_PIPELINE } from './pipelines/default-pipeline.js';
export { definePipeline } from './pipelines/define-pipeline.js';
export type { SalesPipeline } from './pipelines/pipeline-model.js';
export { salesPipeline } from './pipelines/pipeline-model.js';
export type { PipelineDefinitionService } from './pipelines/pipeline-service.js';
export type {
  DueOffset,
  PipelineDefinition,
  PipelineInput,
  PlaybookAction,
  RequirableField,
  StageDefinition,
  StageInput,
  StageKind,
} from './pipelines/stage-definition.js';
export { REQUIRABLE_FIELDS } from './pipelines/stage-definition.js';
export type { RebuildReport } from './predictive/rebuild.js';
export type { OutcomeCounts, WinFeature, WinModel } from './predictive/win-model.js';
export {
  buildWinModel,
  DEFAULT_WIN_FEATURES,
  featureValues,
  WIN_FEATURES,
  winProbability,
} from './predictive/win-model.js';
export type { WinStat } from './predictive/win-stat-model.js';
export { winStat } from './predictive/win-stat-model.js';
export type { ForecastRow } from './reports/forecast.js';
export type {
  CycleLengthRow,
  ReportFilter,
  ReportService,
  StageReportRow,
  WeightedPipeline,
  WinRateRow,
  WonPeriodRow,
} from './reports/report-service.js';
export type {
  WonPeriodCurrencyRow,
  WonProductRow,
  WonTerritoryRow,
} from './reports/won-groups.js';
export {
  daysSinceActivityFact,
  daysToCloseFact,
  PIPELINE_FACTS,
  winProbabilityFact,
} from './scoring/computed-facts.js';
export type { DefaultRuleSetOptions } from './scoring/default-rule-set.js';
export { defaultPriorityRuleSet, PRIORITY_RULE_SET_ID } from './scoring/default-rule-set.js';
export type { ScorableOpportunity } from './scoring/facts.js';
export { opportunityFacts, SCORABLE_FIELDS } from './scoring/facts.js';
export type { RescoreOptions, RescoreProgress } from './scoring/rescore.js';
export type { ScoringService } from './scoring/scoring-service.js';
export type { TeamAssigner, TeamRoutingOptions } from './scoring/team-routing.js';
export { teamRouting } from './scoring/team-routing.js';
export type { PriorityChange, WhatIfOptions, WhatIfReport } from './scoring/what-if.js';
export type { PipelineService } from './service.js';
export type { StageChangeReason, StageStay } from './stages/history.js';
export { stageStays } from './stages/history.js';
export type { MoveOptions } from './stages/move-stage.js';
export type { StageChange } from './stages/stage-change-model.js';
export { stageChange } from './stages/stage-change-model.js';
export type { Task, TaskStatus } from './tasks/task-model.js';
export { TASK_STATUSES, task } from './tasks/task-model.js';
export type { OverdueByRep, TaskInput, TaskService } from './tasks/task-service.js';

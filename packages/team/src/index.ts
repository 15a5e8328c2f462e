/**
 * Sellkit team: reps, reports-to hierarchy, sales teams, territories with effective dates, access
 * scopes, assignment rules, handover and the sales-teams import.
 *
 * @packageDocumentation
 * @module @sellkit/team
 */
export { teamAccessResolver } from './access/access-resolver.js';
export type {
  AssignmentRuleSetRecord,
  RoundRobinCursor,
} from './assignment/assignment-models.js';
export { assignmentRuleSet, roundRobinCursor } from './assignment/assignment-models.js';
export type {
  AppliedAssignment,
  AssignmentRuleService,
  AssignmentService,
  AssignRecordOptions,
} from './assignment/assignment-service.js';
export type { AssignmentDecision, AssignOptions } from './assignment/engine.js';
export type { AssignmentInput } from './assignment/rule-match.js';
export type {
  AssignmentRule,
  AssignmentRules,
  AssignmentTarget,
} from './assignment/rule-schema.js';
export { assignmentRulesSchema, parseAssignmentRules } from './assignment/rule-schema.js';
export type { PeriodCloseReport } from './commissions/close-period.js';
// commissions
export type {
  CommissionClose,
  CommissionEntry,
  CommissionPlanRecord,
  CommissionStatementRecord,
  CreditSplit,
} from './commissions/commission-models.js';
export {
  commissionClose,
  commissionEntry,
  commissionPlan,
  commissionStatement,
  creditSplit,
} from './commissions/commission-models.js';
export type { CommissionDeps, CommissionService } from './commissions/commission-service.js';
export { createCommissionService } from './commissions/commission-service.js';
export type {
  CreditedRecord,
  OverrideBase,
  StatementInput,
} from './commissions/compute.js';
export { computeStatement } from './commissions/compute.js';
export type {
  CreditLine,
  CreditQuery,
  CreditScope,
  CreditSource,
  CreditState,
  LateCreditQuery,
  SourceCredit,
} from './commissions/credit-source.js';
export { dealWonSource } from './commissions/credit-source.js';
export type { CommissionPeriod } from './commissions/periods.js';
export { commissionPeriod } from './commissions/periods.js';
export type {
  CommissionBonus,
  CommissionPeriodUnit,
  CommissionPlan,
  CommissionPlanInput,
  CommissionRates,
  CommissionTier,
} from './commissions/plan-schema.js';
export {
  COMMISSION_PERIOD_UNITS,
  commissionPlanSchema,
  parseCommissionPlan,
} from './commissions/plan-schema.js';
export type { CommissionQuotaTarget, QuotaLookup } from './commissions/quota.js';
export type { RepShare, SplitInput } from './commissions/splits.js';
export { checkSplits, shareCredit } from './commissions/splits.js';
export type {
  CommissionStatement,
  StatementAdjustment,
  StatementBonus,
  StatementCredit,
  StatementOverride,
  StatementSkip,
} from './commissions/statement-types.js';
export type { TierLine } from './commissions/tiers.js';
export {
  adjustmentFor,
  COMMISSION_ROUNDING,
  marginalTiers,
  steppedTiers,
} from './commissions/tiers.js';
export type { WhatIfRow } from './commissions/what-if.js';
export type { RepsUnderOptions, TeamDirectory } from './directory/team-directory.js';
export { teamDirectory, teamOwners, teamTerritories } from './directory/team-directory.js';
export type { ReassignmentReason, TeamEvents } from './events.js';
export type {
  HandoverModel,
  HandoverMove,
  HandoverOptions,
  HandoverReport,
  HandoverService,
} from './handover/handover.js';
export { nameSlug } from './import/parse-sales-teams.js';
export type {
  ImportCounts,
  PeriodCounts,
  SalesTeamsImportOptions,
  SalesTeamsImportReport,
  SalesTeamsImportService,
} from './import/sales-teams-import.js';
export { regionCode, teamExternalId } from './import/sales-teams-import.js';
// kpis
export type { KpiEvaluation, KpiResult, KpiScope } from './kpis/evaluate-types.js';
export type { KpiBand, KpiDefinition, KpiMeasure, KpiTarget } from './kpis/kpi-definition.js';
export { bandOf, checkBands, checkKpiDefinition, DEFAULT_BANDS } from './kpis/kpi-definition.js';
export type { KpiBandRecord, KpiDefinitionRecord } from './kpis/kpi-models.js';
export { kpiBand, kpiDefinition } from './kpis/kpi-models.js';
export type { KpiService } from './kpis/kpi-service.js';
export { standardKpis } from './kpis/standard-kpis.js';
// leaderboards
export type {
  Leaderboard,
  LeaderboardOptions,
  LeaderboardRow,
  LeaderboardService,
} from './leaderboards/leaderboard-service.js';
export type { RankInput } from './leaderboards/ranking.js';
export { competitionRanks } from './leaderboards/ranking.js';
export type { TeamServices } from './module.js';
export { team, teamHandle } from './module.js';
export type { TeamOptions } from './options.js';
export { allocateExact } from './quotas/allocate.js';
// quotas
export type {
  MeasureKind,
  PerformanceOptions,
  QuotaMeasure,
  ResolvedPerformanceOptions,
} from './quotas/measures.js';
export { resolvePerformanceOptions, STANDARD_MEASURES } from './quotas/measures.js';
export type { PeriodBounds, QuotaPeriodUnit } from './quotas/period-keys.js';
export { periodBounds, previousPeriodKey } from './quotas/period-keys.js';
export type { QuotaInput } from './quotas/quota-input.js';
export type { QuotaTarget, QuotaTargetQuery } from './quotas/quota-lookup.js';
export { quotaTarget, rampedTarget } from './quotas/quota-lookup.js';
export type { Quota, QuotaSubjectType } from './quotas/quota-model.js';
export { QUOTA_SUBJECTS, quota } from './quotas/quota-model.js';
export type { QuotaKey, QuotaService, TeamQuotaOptions } from './quotas/quota-service.js';
export type { Rep, SeniorityLevels } from './reps/rep-model.js';
export { DEFAULT_SENIORITY_LEVELS, defineRepModel, rep } from './reps/rep-model.js';
export type {
  DeactivateOptions,
  Deactivation,
  RepInput,
  RepPatch,
  RepService,
} from './reps/rep-service.js';
export { directoryGuard } from './shared/guard.js';
export type { SalesTeam, TeamMember } from './teams/team-models.js';
export { salesTeam, teamMember } from './teams/team-models.js';
export type { SalesTeamInput, SalesTeamPatch, SalesTeamService } from './teams/team-service.js';
export type { Territory, TerritoryAssignment } from './territories/territory-models.js';
export { territory, territoryAssignment } from './territories/territory-models.js';
export type {
  TerritoryAssignmentInput,
  TerritoryChange,
  TerritoryInput,
  TerritoryPatch,
  TerritoryService,
} from './territories/territory-types.js';
// training
export type {
  CertificationInput,
  CertificationService,
  ExpiringCertification,
  RenewalInput,
} from './training/certifications.js';
export type { CourseInput, CoursePatch, CourseService } from './training/courses.js';
export type {
  CompleteOptions,
  EnrolmentService,
  EnrolOptions,
} from './training/enrolments.js';
export type {
  Comparison,
  GapFacts,
  GapPeriod,
  GapPeriodBounds,
} from './training/gap-facts.js';
export { gapPeriodBounds, skillGapFacts } from './training/gap-facts.js';
export type { GapRuleService, GapRuleSource } from './training/gap-rules.js';
export {
  defaultSkillGapRuleSet,
  SKILL_GAP_RULE_SET_ID,
  skillsOfTag,
} from './training/gap-rules.js';
export type {
  CourseRecommendation,
  GapFigure,
  RecommendationReport,
  RecommendationService,
  RecommendOptions,
  SkillGap,
} from './training/recommendations.js';
export type {
  Certification,
  Course,
  CourseEnrolment,
} from './training/training-models.js';
export {
  certification,
  course,
  courseEnrolment,
  ENROLMENT_STATUSES,
} from './training/training-models.js';
export type { TrainingService } from './training/training-service.js';

import { defineModule } from '@sellkit/core';
import { moduleHandle } from '@sellkit/core/module';
import { teamAccessResolver } from './access/access-resolver.js';
import { assignmentRuleSet, roundRobinCursor } from './assignment/assignment-models.js';
import {
  type AssignmentRuleService,
  type AssignmentService,
  createAssignmentRuleService,
  createAssignmentService,
} from './assignment/assignment-service.js';
import { commissionDeps } from './commissions/commission-deps.js';
import { COMMISSION_MODELS } from './commissions/commission-models.js';
import {
  type CommissionService,
  createCommissionService,
} from './commissions/commission-service.js';
import type { TeamEvents } from './events.js';
import { createHandoverService, type HandoverService } from './handover/handover.js';
import {
  createSalesTeamsImport,
  type SalesTeamsImportService,
} from './import/sales-teams-import.js';
import { kpiBand, kpiDefinition } from './kpis/kpi-models.js';
import { createKpiService, type KpiService } from './kpis/kpi-service.js';
import {
  createLeaderboardService,
  type LeaderboardService,
} from './leaderboards/leaderboard-service.js';
import { resolveTeamOptions, type TeamOptions } from './options.js';
import { quota } from './quotas/quota-model.js';
import { createQuotaService, type QuotaService } from './quotas/quota-service.js';
import { defineRepModel } from './reps/rep-model.js';
import { createRepService, type RepService } from './reps/rep-service.js';
import { directoryGuard } from './shared/guard.js';
import { salesTeam, teamMember } from './teams/team-models.js';
import { createTeamService, type SalesTeamService } from './teams/team-service.js';
import { territory, territoryAssignment } from './territories/territory-models.js';
import { createTerritoryService } from './territories/territory-service.js';
import type { TerritoryService } from './territories/territory-types.js';
import { runCertificationReminders } from './training/certification-job.js';
import { certification, course, courseEnrolment } from './training/training-models.js';
import { createTrainingService, type TrainingService } from './training/training-service.js';

/**
 * The services of the team module (`crm.as(ctx).team`): one service per concept (`reps`,
 * `teams`, `territories`, `rules`), and at module level the operations that span them
 * (assignment of other modules' records, handover, the sales-teams import).
 */
export interface TeamServices extends AssignmentService, HandoverService, SalesTeamsImportService {
  /** Reps: the directory entries behind every owner id, and the reports-to tree. */
  readonly reps: RepService;
  /** Sales teams and their effective-dated memberships. */
  readonly teams: SalesTeamService;
  /** The territory tree and effective-dated territory assignments. */
  readonly territories: TerritoryService;
  /** Versioned assignment rule sets. */
  readonly rules: AssignmentRuleService;
  /** Quotas: effective-dated targets per rep, team or territory and period. */
  readonly quotas: QuotaService;
  /** KPIs as data and their evaluation. */
  readonly kpis: KpiService;
  /** Leaderboards by any KPI, with ties, movement and a privacy rule. */
  readonly leaderboards: LeaderboardService;
  /** Courses, enrolments, certifications, skill-gap rules and course recommendations. */
  readonly training: TrainingService;
  /** Commission plans, credit splits, statements, period close and what-if. */
  readonly commissions: CommissionService;
}

/**
 * The team module: reps, the reports-to hierarchy, sales teams, territories with effective
 * dates, assignment rules, handover and the sales-teams import. It also resolves the kernel's
 * `team` and `territory` access scopes from this directory.
 *
 * @example
 * ```ts
 * import { createSellkit } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * import { sqlite } from '@sellkit/storage-kysely';
 * const crm = await createSellkit({
 *   storage: sqlite({ file: 'crm.db' }),
 *   modules: [team({ openRecords: { company: { lifecycleStage: { ne: 'churned' } } } }), customers()],
 * });
 * const admin = crm.as({ tenantId: 'acme', actor: { id: 'u-1', roles: ['admin'] } });
 * const ana = await admin.team.reps.create({ userId: 'u-17', name: 'Ana Ruiz' });
 * ```
 */
export function team(options: TeamOptions = {}) {
  const resolved = resolveTeamOptions(options);
  const rep = defineRepModel(resolved.seniorityLevels);
  const commissions = commissionDeps(options.commissions);
  return defineModule({
    id: 'team',
    models: {
      rep,
      salesTeam,
      teamMember,
      territory,
      territoryAssignment,
      assignmentRuleSet,
      roundRobinCursor,
      directoryGuard,
      quota,
      kpiDefinition,
      kpiBand,
      course,
      courseEnrolment,
      certification,
      ...COMMISSION_MODELS,
    },
    events: {} as TeamEvents,
    services: (scope): TeamServices => ({
      reps: createRepService(scope, resolved),
      teams: createTeamService(scope),
      territories: createTerritoryService(scope),
      rules: createAssignmentRuleService(scope, resolved),
      quotas: createQuotaService(scope, resolved.performance),
      kpis: createKpiService(scope, resolved.performance),
      leaderboards: createLeaderboardService(
        scope,
        resolved.performance,
        createKpiService(scope, resolved.performance),
      ),
      commissions: createCommissionService(scope, commissions),
      ...createAssignmentService(scope, resolved),
      ...createHandoverService(scope, resolved),
      ...createSalesTeamsImport(scope, resolved),
      training: createTrainingService(scope),
    }),
    jobs: {
      async certificationReminders(scope, now) {
        await runCertificationReminders(scope, resolved.certificationReminderDays, now);
      },
    },
    accessResolver: (scope) => teamAccessResolver(scope),
  });
}

/**
 * A typed handle to the team module, for other modules' services: `scope.use(teamHandle)`
 * (and `scope.has(teamHandle)` when the team module is optional).
 *
 * @example
 * ```ts
 * const directory = scope.has(teamHandle) ? scope.use(teamHandle) : null;
 * const ana = await directory?.reps.byUserId('u-17');
 * ```
 */
export const teamHandle = moduleHandle<TeamServices>('team');

import { defineModule } from '@sellkit/core';
import { teamAccessResolver } from './access/access-resolver.js';
import { assignmentRuleSet, roundRobinCursor } from './assignment/assignment-models.js';
import { createAssignmentService } from './assignment/assignment-service.js';
import type { TeamEvents } from './events.js';
import { createHandoverService } from './handover/handover.js';
import { createSalesTeamsImport } from './import/sales-teams-import.js';
import { resolveTeamOptions, type TeamOptions } from './options.js';
import { defineRepModel } from './reps/rep-model.js';
import { createRepService } from './reps/rep-service.js';
import { directoryGuard } from './shared/guard.js';
import { salesTeam, teamMember } from './teams/team-models.js';
import { createTeamService } from './teams/team-service.js';
import { createTerritoryAssignmentService } from './territories/assignment-periods.js';
import { territory, territoryAssignment } from './territories/territory-models.js';
import { createTerritoryService } from './territories/territory-service.js';

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
 * const ana = await admin.team.createRep({ userId: 'u-17', name: 'Ana Ruiz' });
 * ```
 */
export function team(options: TeamOptions = {}) {
  const resolved = resolveTeamOptions(options);
  const rep = defineRepModel(resolved.seniorityLevels);
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
    },
    events: {} as TeamEvents,
    services: (scope) => ({
      ...createRepService(scope, resolved),
      ...createTeamService(scope),
      ...createTerritoryService(scope),
      ...createTerritoryAssignmentService(scope),
      ...createAssignmentService(scope, resolved),
      ...createHandoverService(scope, resolved),
      ...createSalesTeamsImport(scope, resolved),
    }),
    accessResolver: (scope) => teamAccessResolver(scope),
  });
}

/** The services of the team module (`crm.as(ctx).team`). */
export type TeamServices = ReturnType<NonNullable<ReturnType<typeof team>['services']>>;

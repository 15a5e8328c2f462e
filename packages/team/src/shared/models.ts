import type { EventMap, ModuleScope } from '@sellkit/core';
import { assignmentRuleSet, roundRobinCursor } from '../assignment/assignment-models.js';
import { rep } from '../reps/rep-model.js';
import { salesTeam, teamMember } from '../teams/team-models.js';
import { territory, territoryAssignment } from '../territories/territory-models.js';

/**
 * The team models as composed in this kernel (plugin fields and the tenant's seniority levels
 * included), typed as the module's own definitions.
 */
export function teamModels<E extends EventMap>(scope: ModuleScope<E>) {
  return {
    rep: scope.model(rep.name) as typeof rep,
    salesTeam: scope.model(salesTeam.name) as typeof salesTeam,
    teamMember: scope.model(teamMember.name) as typeof teamMember,
    territory: scope.model(territory.name) as typeof territory,
    territoryAssignment: scope.model(territoryAssignment.name) as typeof territoryAssignment,
    assignmentRuleSet: scope.model(assignmentRuleSet.name) as typeof assignmentRuleSet,
    roundRobinCursor: scope.model(roundRobinCursor.name) as typeof roundRobinCursor,
  };
}

/** The models {@link teamModels} returns. */
export type TeamModels = ReturnType<typeof teamModels>;

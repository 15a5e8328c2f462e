import { isSellkitError } from '@sellkit/core';
import { moduleHandle } from '@sellkit/core/module';
import type { RouteFunction } from '../options.js';

/** The part of the team module's services routing uses (declared here: no dependency on it). */
export interface TeamAssigner {
  assign(
    input: { readonly model: string; readonly [attribute: string]: unknown },
    options?: { ruleSet?: string },
  ): Promise<{ readonly repUserId: string }>;
}

/** The team module, typed with the one service routing uses. */
const teamAssigner = moduleHandle<TeamAssigner>('team');

/** Options of {@link teamRouting}. */
export interface TeamRoutingOptions {
  /** The team module's assignment rule set to use (its default when left out). */
  readonly ruleSet?: string;
  /** The `priority` attribute rules match (default `high`). */
  readonly priority?: string;
}

/**
 * Routes high-priority deals with the team module's assignment rules: the deal is offered to
 * `assign` as `{ model: 'opportunity', priority: 'high', territoryId, source, kind, band }`, so a
 * rule like `{ when: { priority: 'high' }, assignTo: { territoryOf: 'record' }, prefer:
 * { seniority: ['senior', 'lead'] } }` sends it to an experienced rep. When the rules find
 * nobody eligible (or none are published), the deal keeps its owner. The team module must be
 * installed (`CONFIGURATION_INVALID` otherwise).
 *
 * @example
 * ```ts
 * import { catalog } from '@sellkit/catalog';
 * import { createSellkit, memory } from '@sellkit/core';
 * import { customers } from '@sellkit/customers';
 * import { team } from '@sellkit/team';
 * const crm = await createSellkit({
 *   storage: memory(),
 *   modules: [team(), customers(), catalog(), pipeline({ route: teamRouting() })],
 * });
 * await admin.team.rules.publish({
 *   rules: [{ id: 'vip', when: { priority: 'high' }, assignTo: { territoryOf: 'record' }, only: { seniority: ['senior', 'lead'] } }],
 * });
 * ```
 */
export function teamRouting(options: TeamRoutingOptions = {}): RouteFunction {
  return async (scope, deal) => {
    // CONFIGURATION_INVALID when the team module is not installed.
    const team = scope.use(teamAssigner);
    try {
      const decision = await team.assign(
        {
          model: 'opportunity',
          priority: options.priority ?? 'high',
          territoryId: deal.territoryId,
          source: deal.source,
          kind: deal.kind,
          band: deal.band,
        },
        options.ruleSet === undefined ? {} : { ruleSet: options.ruleSet },
      );
      return decision.repUserId;
    } catch (error) {
      // Nobody eligible, or no rules published: routing is advice, the deal keeps its owner.
      if (isSellkitError(error, 'INVALID_STATE') || isSellkitError(error, 'NOT_FOUND')) return null;
      throw error;
    }
  };
}

import { readCsv } from '@sellkit/core';
import { moduleHandle } from '@sellkit/core/module';
import type { PipelineScope } from '../shared/context.js';

/** A sales agent of `sales_teams.csv`. */
export interface MavenAgent {
  readonly name: string;
  readonly manager: string;
  readonly region: string;
}

/** Where an agent's deals go: the owner's user id and the territory id. */
export interface AgentPlacement {
  readonly ownerId: string;
  readonly territoryId: string | null;
}

/**
 * Maps a sales agent to an owner and territory; null rejects the agent's deals. Injected so
 * the pipeline never depends on `@sellkit/team`.
 */
export type AgentResolver = (agent: MavenAgent) => Promise<AgentPlacement | null>;

/**
 * The parts of the team module's services the import uses (see `teamAgentResolver`), declared
 * here so the pipeline does not depend on `@sellkit/team`.
 */
export interface TeamServicesForImport {
  importSalesTeams(source: string, options?: { effectiveFrom?: string }): Promise<unknown>;
  readonly reps: {
    list(query?: { limit?: number; after?: string }): Promise<{
      rows: readonly { name: string; userId: string }[];
      nextCursor: string | null;
    }>;
  };
  readonly territories: {
    of(repUserId: string, at?: string): Promise<string | null>;
  };
}

/** The team module, typed with what the import uses. */
const teamForImport = moduleHandle<TeamServicesForImport>('team');

/** `Darcel Schlecht` → `darcel-schlecht`. */
export function slug(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** Reads `sales_teams.csv`: agent name → agent. */
export async function readAgents(path: string): Promise<Map<string, MavenAgent>> {
  const agents = new Map<string, MavenAgent>();
  for await (const row of readCsv(path, {
    requiredColumns: ['sales_agent', 'manager', 'regional_office'],
  })) {
    const name = row.values.sales_agent ?? '';
    if (name === '') continue;
    agents.set(name, {
      name,
      manager: row.values.manager ?? '',
      region: row.values.regional_office ?? '',
    });
  }
  return agents;
}

/**
 * Without the team module: owner = the agent's name slug, territory = the office's slug.
 *
 * @example
 * ```ts
 * await slugAgentResolver({ name: 'Dustin Brinkmann', manager: 'Cara Losch', region: 'Central' });
 * // { ownerId: 'dustin-brinkmann', territoryId: 'central' }
 * await importMavenCrm(scope, 'examples/data/maven-crm', { resolveAgent: slugAgentResolver });
 * ```
 */
export const slugAgentResolver: AgentResolver = async (agent) => ({
  ownerId: slug(agent.name),
  territoryId: agent.region ? slug(agent.region) : null,
});

/** The team module's services when it is installed, else null. */
export function teamServices(scope: PipelineScope): TeamServicesForImport | null {
  return scope.has(teamForImport) ? scope.use(teamForImport) : null;
}

/**
 * With the team module: owners are the reps its import created (matched by name), territories
 * the ones it assigned them to.
 */
export async function teamAgentResolver(team: TeamServicesForImport): Promise<AgentResolver> {
  const userIds = new Map<string, string>();
  let after: string | undefined;
  do {
    const page = await team.reps.list({ limit: 1000, ...(after === undefined ? {} : { after }) });
    for (const rep of page.rows) userIds.set(rep.name, rep.userId);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  const territories = new Map<string, string | null>();
  return async (agent) => {
    const ownerId = userIds.get(agent.name);
    if (ownerId === undefined) return null;
    if (!territories.has(ownerId)) territories.set(ownerId, await team.territories.of(ownerId));
    return { ownerId, territoryId: territories.get(ownerId) ?? null };
  };
}

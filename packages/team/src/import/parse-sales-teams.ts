import type { Readable } from 'node:stream';
import { readCsv, validationError } from '@sellkit/core';
import { issueList } from '@sellkit/core/module';

/**
 * A person's stable key: their name, lower-cased, accents dropped, words joined by dashes.
 *
 * @example
 * ```ts
 * nameSlug('Dustin Brinkmann'); // 'dustin-brinkmann'
 * nameSlug('  Zoé  Müller-Lind '); // 'zoe-muller-lind'
 * ```
 */
export function nameSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** One person of the file. */
export interface PlannedPerson {
  readonly name: string;
  readonly slug: string;
  /** The slug of their manager, or null for a manager nobody manages. */
  readonly managerSlug: string | null;
  /** Their regional office (a manager's is the office of their first agent). */
  readonly region: string;
  readonly isManager: boolean;
  readonly isAgent: boolean;
}

/** What the file says, checked and de-duplicated. */
export interface SalesTeamsPlan {
  readonly rows: number;
  /** Regional offices in order of first appearance. */
  readonly regions: readonly string[];
  /** Managers first (in order of appearance), then agents. */
  readonly people: readonly PlannedPerson[];
  /** Manager slug → agent slugs. */
  readonly teams: ReadonlyMap<string, readonly string[]>;
}

const COLUMNS = ['sales_agent', 'manager', 'regional_office'] as const;

/**
 * Reads `sales_agent,manager,regional_office` rows. Every problem is reported at once, with its
 * line, as one `VALIDATION_FAILED`: an org chart is imported whole or not at all.
 */
export async function parseSalesTeams(source: string | Readable): Promise<SalesTeamsPlan> {
  const readable =
    source !== null &&
    typeof source === 'object' &&
    typeof (source as Partial<Readable>).pipe === 'function' &&
    typeof (source as Partial<Readable>).on === 'function';
  if (!(typeof source === 'string' && source.length > 0) && !readable) {
    throw validationError('source', 'must be a file path or a readable stream', 'invalid_type');
  }
  const issues = issueList();
  const regions: string[] = [];
  const agents = new Map<string, { name: string; managerSlug: string; region: string }>();
  const managers = new Map<string, { name: string; region: string }>();
  const teams = new Map<string, string[]>();
  let rows = 0;
  for await (const row of readCsv(source, { requiredColumns: COLUMNS })) {
    rows += 1;
    const [agent, manager, region] = COLUMNS.map((column) => row.values[column] ?? '');
    let ok = true;
    COLUMNS.forEach((column, index) => {
      const value = [agent, manager, region][index] ?? '';
      if (value.length === 0 || value.length > 200 || nameSlug(value) === '') {
        issues.add(
          `lines.${row.line}.${column}`,
          value.length > 200 ? 'is longer than 200 characters' : 'is empty',
          value.length > 200 ? 'too_big' : 'missing',
        );
        ok = false;
      }
    });
    if (!ok) continue;
    const agentSlug = nameSlug(agent as string);
    const managerSlug = nameSlug(manager as string);
    if (agentSlug === managerSlug) {
      issues.add(`lines.${row.line}.manager`, 'an agent cannot be their own manager', 'cycle');
      continue;
    }
    if (agents.has(agentSlug)) {
      issues.add(`lines.${row.line}.sales_agent`, `${agent} appears twice`, 'duplicate');
      continue;
    }
    if (!regions.includes(region as string)) regions.push(region as string);
    agents.set(agentSlug, { name: agent as string, managerSlug, region: region as string });
    if (!managers.has(managerSlug)) {
      managers.set(managerSlug, { name: manager as string, region: region as string });
    }
    teams.set(managerSlug, [...(teams.get(managerSlug) ?? []), agentSlug]);
  }
  issues.throwIfAny();
  const people: PlannedPerson[] = [];
  for (const [slug, manager] of managers) {
    const asAgent = agents.get(slug);
    people.push({
      name: manager.name,
      slug,
      managerSlug: asAgent?.managerSlug ?? null,
      region: asAgent?.region ?? manager.region,
      isManager: true,
      isAgent: asAgent !== undefined,
    });
  }
  for (const [slug, agent] of agents) {
    if (managers.has(slug)) continue;
    people.push({ ...agent, slug, isManager: false, isAgent: true });
  }
  return { rows, regions, people, teams };
}

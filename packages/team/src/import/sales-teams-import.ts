import type { Readable } from 'node:stream';
import { type ModuleScope, validationError } from '@sellkit/core';
import { type ImportCounts, importCounts, transactionOrDryRun } from '@sellkit/core/module';
import type { TeamEvents } from '../events.js';
import type { ResolvedTeamOptions } from '../options.js';
import type { Rep } from '../reps/rep-model.js';
import { createRepService } from '../reps/rep-service.js';
import { toDate } from '../shared/dates.js';
import { optionsOf } from '../shared/errors.js';
import { loadAll } from '../shared/load-all.js';
import { teamModels } from '../shared/models.js';
import { createTeamService } from '../teams/team-service.js';
import { createTerritoryService } from '../territories/territory-service.js';
import { nameSlug, parseSalesTeams } from './parse-sales-teams.js';

/** Options of `team.importSalesTeams`. */
export interface SalesTeamsImportOptions {
  /** The day new memberships and territory assignments start (default today). */
  effectiveFrom?: string | Date;
  /** The host user id of a new rep (default: the name slug, which is also the external id). */
  userIdFor?: (person: { name: string; slug: string }) => string;
  /** Check and count everything, then roll back. */
  dryRun?: boolean;
}

/** Created / updated / unchanged counts of one kind of record (the core import counts). */
export type { ImportCounts };

/** Created / ended / unchanged counts of effective-dated links. */
export interface PeriodCounts {
  created: number;
  ended: number;
  unchanged: number;
}

/** What an import of the sales-teams file did (or would do, in a dry run). */
export interface SalesTeamsImportReport {
  rows: number;
  reps: ImportCounts;
  teams: ImportCounts;
  territories: ImportCounts;
  memberships: PeriodCounts;
  territoryAssignments: PeriodCounts;
  dryRun: boolean;
}

const periods = (): PeriodCounts => ({ created: 0, ended: 0, unchanged: 0 });

/**
 * Territory code of a regional office: `Central` → `CENTRAL`.
 *
 * @example
 * ```ts
 * regionCode('Central'); // 'CENTRAL'
 * regionCode('West Coast'); // 'WEST-COAST'
 * ```
 */
export function regionCode(region: string): string {
  return nameSlug(region).toUpperCase();
}

/**
 * Team external id of a manager: `team:dustin-brinkmann`.
 *
 * @example
 * ```ts
 * teamExternalId(nameSlug('Dustin Brinkmann')); // 'team:dustin-brinkmann'
 * ```
 */
export function teamExternalId(managerSlug: string): string {
  return `team:${managerSlug}`;
}

/** The sales-teams import (`crm.as(ctx).team.importSalesTeams`). */
export interface SalesTeamsImportService {
  /**
   * Imports `sales_teams.csv`: one rep per agent and per manager (managers at the top
   * seniority, reporting to nobody), one team per manager, one territory per regional office,
   * agents in their manager's team, everyone assigned to their office from `effectiveFrom`.
   * Re-importing is idempotent (reps are matched by external id = name slug); a changed row
   * updates the rep and moves memberships and territories with effective dates. All in one
   * transaction.
   *
   * @example
   * ```ts
   * const report = await admin.team.importSalesTeams('data/sales_teams.csv');
   * report.reps; // { created: 41, updated: 0, unchanged: 0 }
   * ```
   */
  importSalesTeams(
    source: string | Readable,
    options?: SalesTeamsImportOptions,
  ): Promise<SalesTeamsImportReport>;
}

/** The import of `sales_teams.csv` (sales_agent, manager, regional_office). */
export function createSalesTeamsImport(
  scope: ModuleScope<TeamEvents>,
  options: ResolvedTeamOptions,
): SalesTeamsImportService {
  const models = teamModels(scope);

  async function run(
    tx: ModuleScope<TeamEvents>,
    plan: Awaited<ReturnType<typeof parseSalesTeams>>,
    input: SalesTeamsImportOptions,
  ): Promise<SalesTeamsImportReport> {
    const reps = createRepService(tx, options);
    const teams = createTeamService(tx);
    const territories = createTerritoryService(tx);
    // An import matches the whole directory by code and external id (a bulk job), so it reads
    // past the actor's reach; every write below goes through the checked, audited services.
    const stored = {
      // internal: the territories matched by code
      territories: tx.internal(models.territory),
      // internal: the reps matched by external id
      reps: tx.internal(models.rep),
      // internal: the teams matched by external id
      teams: tx.internal(models.salesTeam),
      // internal: the memberships compared with the file
      memberships: tx.internal(models.teamMember),
      // internal: the territory periods compared with the file
      periods: tx.internal(models.territoryAssignment),
    };
    const on = await toDate(tx, input.effectiveFrom, 'effectiveFrom');
    const report: SalesTeamsImportReport = {
      rows: plan.rows,
      reps: importCounts(),
      teams: importCounts(),
      territories: importCounts(),
      memberships: periods(),
      territoryAssignments: periods(),
      dryRun: input.dryRun === true,
    };

    const territoryOf = new Map<string, string>();
    for (const region of plan.regions) {
      const code = regionCode(region);
      const found = (await stored.territories.find({ where: { code }, limit: 1 })).rows[0];
      if (!found) {
        territoryOf.set(region, (await territories.create({ name: region, code })).id);
        report.territories.created += 1;
      } else {
        territoryOf.set(region, found.id);
        if (found.name !== region) {
          await territories.update(found.id, { name: region });
          report.territories.updated += 1;
        } else report.territories.unchanged += 1;
      }
    }

    // Pass 1: everyone exists. Pass 2: reports-to links, once every manager has an id.
    const bySlug = new Map<string, Rep>();
    const changed = new Set<string>();
    const created = new Set<string>();
    const top = options.seniorityLevels[options.seniorityLevels.length - 1] as string;
    for (const person of plan.people) {
      const found = (await stored.reps.find({ where: { externalId: person.slug }, limit: 1 }))
        .rows[0];
      if (!found) {
        const userId = input.userIdFor?.({ name: person.name, slug: person.slug }) ?? person.slug;
        bySlug.set(
          person.slug,
          await reps.create({
            userId,
            name: person.name,
            externalId: person.slug,
            ...(person.isManager ? { seniority: top } : {}),
          }),
        );
        created.add(person.slug);
      } else if (found.name !== person.name) {
        bySlug.set(person.slug, await reps.update(found.id, { name: person.name }));
        changed.add(person.slug);
      } else bySlug.set(person.slug, found);
    }
    for (const person of plan.people) {
      const self = bySlug.get(person.slug) as Rep;
      const manager = person.managerSlug === null ? null : (bySlug.get(person.managerSlug) ?? null);
      const wanted = manager?.id ?? null;
      if (self.reportsToId !== wanted) {
        bySlug.set(person.slug, await reps.update(self.id, { reportsToId: wanted }));
        changed.add(person.slug);
      }
    }
    report.reps.created = created.size;
    report.reps.updated = [...changed].filter((slug) => !created.has(slug)).length;
    report.reps.unchanged = plan.people.length - report.reps.created - report.reps.updated;

    const teamOf = new Map<string, string>();
    for (const [managerSlug, agentSlugs] of plan.teams) {
      const manager = bySlug.get(managerSlug) as Rep;
      const firstAgent = plan.people.find((person) => person.slug === agentSlugs[0]);
      const wanted = {
        name: `${manager.name} team`,
        managerRepId: manager.id,
        territoryId: firstAgent ? (territoryOf.get(firstAgent.region) ?? null) : null,
      };
      const externalId = teamExternalId(managerSlug);
      const found = (await stored.teams.find({ where: { externalId }, limit: 1 })).rows[0];
      if (!found) {
        teamOf.set(managerSlug, (await teams.create({ ...wanted, externalId })).id);
        report.teams.created += 1;
      } else {
        teamOf.set(managerSlug, found.id);
        const same =
          found.name === wanted.name &&
          found.managerRepId === wanted.managerRepId &&
          found.territoryId === wanted.territoryId;
        if (same) report.teams.unchanged += 1;
        else {
          await teams.update(found.id, wanted);
          report.teams.updated += 1;
        }
      }
    }

    const importedTeams = new Set(teamOf.values());
    for (const person of plan.people) {
      if (!person.isAgent || person.managerSlug === null) continue;
      const self = bySlug.get(person.slug) as Rep;
      const wantedTeam = teamOf.get(person.managerSlug) as string;
      // Someone who left keeps their history as it is.
      if (!self.active) {
        report.memberships.unchanged += 1;
        continue;
      }
      const current = await loadAll(stored.memberships, {
        repId: self.id,
        joinedOn: { lte: on },
        or: [{ leftOn: null }, { leftOn: { gt: on } }],
      });
      if (current.some((row) => row.teamId === wantedTeam)) {
        report.memberships.unchanged += 1;
        continue;
      }
      for (const row of current) {
        if (!importedTeams.has(row.teamId)) continue;
        await teams.removeMember(row.teamId, self.id, { on });
        report.memberships.ended += 1;
      }
      await teams.addMember(wantedTeam, self.id, { from: on });
      report.memberships.created += 1;
    }

    const importedTerritories = [...territoryOf.values()];
    for (const person of plan.people) {
      const self = bySlug.get(person.slug) as Rep;
      const wanted = territoryOf.get(person.region) as string;
      if (!self.active) {
        report.territoryAssignments.unchanged += 1;
        continue;
      }
      const current = await loadAll(stored.periods, {
        repId: self.id,
        validFrom: { lte: on },
        or: [{ validTo: null }, { validTo: { gt: on } }],
      });
      if (current.some((row) => row.territoryId === wanted)) {
        report.territoryAssignments.unchanged += 1;
        continue;
      }
      const change = await territories.moveRep(self.id, wanted, {
        on,
        leaving: importedTerritories,
      });
      report.territoryAssignments.ended += change.ended.length;
      report.territoryAssignments.created += 1;
    }
    return report;
  }

  return {
    async importSalesTeams(source, given) {
      const input = optionsOf(given);
      if (input.userIdFor !== undefined && typeof input.userIdFor !== 'function') {
        throw validationError('userIdFor', 'must be a function', 'invalid_type');
      }
      const plan = await parseSalesTeams(source);
      return transactionOrDryRun(scope, input, (tx) => run(tx, plan, input));
    },
  };
}

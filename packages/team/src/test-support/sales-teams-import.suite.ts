import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { teamDirectory } from '../directory/team-directory.js';
import { nameSlug } from '../import/parse-sales-teams.js';
import type { NamedAdapter } from './adapters.js';
import { closeAll, expectError, setup } from './harness.js';

const CSV = new URL('../../../../examples/data/maven-crm/sales_teams.csv', import.meta.url);

/** The figures, computed from the file with plain code. */
function expected() {
  const lines = readFileSync(CSV, 'utf8').trim().split(/\r?\n/).slice(1);
  const rows = lines.map((line) => {
    const [agent, manager, region] = line.split(',').map((cell) => cell.trim());
    return { agent: agent as string, manager: manager as string, region: region as string };
  });
  const agents = new Set(rows.map((row) => row.agent));
  const managers = new Set(rows.map((row) => row.manager));
  const regions = new Set(rows.map((row) => row.region));
  return { rows, agents, managers, regions, people: new Set([...agents, ...managers]) };
}

function copyWith(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sellkit-team-'));
  const file = join(dir, 'sales_teams.csv');
  writeFileSync(file, edit(readFileSync(CSV, 'utf8')));
  return file;
}

export function importSuite(adapter: NamedAdapter) {
  describe(`sales-teams import (${adapter.name})`, () => {
    afterEach(closeAll);

    it('imports 35 reps, their 6 managers, 6 teams and the Central / East / West territories', async () => {
      const h = await setup(adapter.create);
      const facts = expected();
      expect(facts.rows).toHaveLength(35);
      expect(facts.managers.size).toBe(6);
      expect([...facts.regions].sort()).toEqual(['Central', 'East', 'West']);
      const report = await h.team.importSalesTeams(CSV.pathname);
      expect(report).toEqual({
        rows: facts.rows.length,
        reps: { created: facts.people.size, updated: 0, unchanged: 0 },
        teams: { created: facts.managers.size, updated: 0, unchanged: 0 },
        territories: { created: facts.regions.size, updated: 0, unchanged: 0 },
        memberships: { created: facts.agents.size, ended: 0, unchanged: 0 },
        territoryAssignments: { created: facts.people.size, ended: 0, unchanged: 0 },
        dryRun: false,
      });
      const reps = (await h.team.reps.list({ limit: 1000 })).rows;
      expect(reps).toHaveLength(41);
      const byName = new Map(reps.map((rep) => [rep.name, rep]));
      for (const manager of facts.managers) {
        expect(byName.get(manager)).toMatchObject({
          seniority: 'lead',
          reportsToId: null,
          externalId: nameSlug(manager),
        });
      }
      for (const row of facts.rows) {
        const agent = byName.get(row.agent);
        expect(agent?.reportsToId).toBe(byName.get(row.manager)?.id);
        expect(agent?.userId).toBe(nameSlug(row.agent));
      }
      // Each manager has their agents beneath them, and a team of exactly those agents.
      const directory = teamDirectory(h.admin.scope);
      for (const manager of facts.managers) {
        const mine = facts.rows
          .filter((row) => row.manager === manager)
          .map((row) => row.agent)
          .sort();
        expect(
          (await directory.repsUnder(nameSlug(manager))).map((rep) => rep.name).sort(),
        ).toEqual(mine);
      }
      const teams = (await h.team.teams.list()).rows;
      expect(teams).toHaveLength(6);
      for (const team of teams) {
        const manager = reps.find((rep) => rep.id === team.managerRepId)?.name as string;
        const mine = facts.rows
          .filter((row) => row.manager === manager)
          .map((row) => row.agent)
          .sort();
        expect((await h.team.teams.members(team.id)).map((rep) => rep.name).sort()).toEqual(mine);
      }
      const territories = (await h.team.territories.list()).rows;
      expect(territories.map((t) => `${t.name}:${t.code}`)).toEqual([
        'Central:CENTRAL',
        'East:EAST',
        'West:WEST',
      ]);
      for (const row of facts.rows) {
        const territoryId = await h.team.territories.of(nameSlug(row.agent));
        expect(territories.find((t) => t.id === territoryId)?.name).toBe(row.region);
      }
      expect(await h.seen('rep.created')).toHaveLength(41);
      expect(await h.seen('rep.territoryChanged')).toHaveLength(41);
    });

    it('re-importing changes nothing', async () => {
      const h = await setup(adapter.create);
      await h.team.importSalesTeams(CSV.pathname);
      const again = await h.team.importSalesTeams(CSV.pathname);
      expect(again).toEqual({
        rows: 35,
        reps: { created: 0, updated: 0, unchanged: 41 },
        teams: { created: 0, updated: 0, unchanged: 6 },
        territories: { created: 0, updated: 0, unchanged: 3 },
        memberships: { created: 0, ended: 0, unchanged: 35 },
        territoryAssignments: { created: 0, ended: 0, unchanged: 41 },
        dryRun: false,
      });
      expect((await h.team.reps.list({ limit: 1000 })).rows).toHaveLength(41);
    });

    it('a moved agent gets a new manager, team and territory, with history', async () => {
      const h = await setup(adapter.create);
      await h.team.importSalesTeams(CSV.pathname, { effectiveFrom: '2025-01-01' });
      const moved = copyWith((text) =>
        text.replace('Anna Snelling,Dustin Brinkmann,Central', 'Anna Snelling,Cara Losch,East'),
      );
      const report = await h.team.importSalesTeams(moved, { effectiveFrom: '2026-02-01' });
      expect(report.reps).toEqual({ created: 0, updated: 1, unchanged: 40 });
      expect(report.memberships).toEqual({ created: 1, ended: 1, unchanged: 34 });
      expect(report.territoryAssignments).toEqual({ created: 1, ended: 1, unchanged: 40 });
      expect(report.teams.unchanged).toBe(6);
      const directory = teamDirectory(h.admin.scope);
      const central = (await h.team.territories.list({ where: { code: 'CENTRAL' } })).rows[0];
      const east = (await h.team.territories.list({ where: { code: 'EAST' } })).rows[0];
      expect(await directory.territoryOf('anna-snelling', '2026-01-31')).toBe(central?.id);
      expect(await directory.territoryOf('anna-snelling', '2026-02-01')).toBe(east?.id);
      expect((await directory.repsUnder('cara-losch')).map((rep) => rep.name)).toContain(
        'Anna Snelling',
      );
      expect((await directory.repsUnder('dustin-brinkmann')).map((rep) => rep.name)).not.toContain(
        'Anna Snelling',
      );
    });

    it('a dry run reports without writing; a bad file writes nothing', async () => {
      const h = await setup(adapter.create);
      const dry = await h.team.importSalesTeams(CSV.pathname, { dryRun: true });
      expect(dry.reps.created).toBe(41);
      expect(dry.dryRun).toBe(true);
      expect((await h.team.reps.list()).rows).toHaveLength(0);
      expect(await h.seen('rep.created')).toEqual([]);
      const broken = copyWith(
        (text) => `${text.trimEnd()}\nAnna Snelling,Cara Losch,East\n,Nobody,West\n`,
      );
      const error = await expectError(h.team.importSalesTeams(broken), 'VALIDATION_FAILED');
      expect(error.details.issues?.map((issue) => issue.path)).toEqual([
        'lines.37.sales_agent',
        'lines.38.sales_agent',
      ]);
      await expectError(h.team.importSalesTeams('/nowhere/sales_teams.csv'), 'NOT_FOUND');
      await expectError(
        h.team.importSalesTeams(CSV.pathname, { effectiveFrom: 'yesterday' }),
        'VALIDATION_FAILED',
        'effectiveFrom',
      );
      expect((await h.team.reps.list()).rows).toHaveLength(0);
    });
  });
}

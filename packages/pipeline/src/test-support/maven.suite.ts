import { catalog } from '@sellkit/catalog';
import { createSellkit, createTestClock } from '@sellkit/core';
import { customers } from '@sellkit/customers';
import { team } from '@sellkit/team';
import { describe, expect, it } from 'vitest';
import { pipeline } from '../module.js';
import { ADMIN, type AdapterFactory, freshTenant, MAVEN_DIR } from './harness.js';
import { mavenFigures } from './maven-figures.js';

const STAGE_NAMES: Record<string, string> = {
  prospecting: 'Prospecting',
  engaging: 'Engaging',
  won: 'Won',
  lost: 'Lost',
};

/**
 * The Maven CRM import, checked against figures computed independently from the CSV files.
 * With `withTeam`, owners and territories come from the team module's own import.
 */
export function mavenSuite(name: string, factory: AdapterFactory, withTeam: boolean): void {
  describe(`Maven CRM import on ${name}${withTeam ? ' with the team module' : ''}`, () => {
    it('imports all 8,800 deals and its reports match the CSV files', {
      timeout: 180_000,
    }, async () => {
      const expected = mavenFigures(MAVEN_DIR);
      const crm = await createSellkit({
        storage: await factory(),
        modules: [
          ...(withTeam ? [team()] : []),
          customers(),
          catalog({ currency: 'USD' }),
          pipeline(),
        ],
        clock: createTestClock('2018-01-02T00:00:00Z'),
      });
      const admin = crm.as({ tenantId: freshTenant(), actor: ADMIN.actor });
      const phases = new Set<string>();
      const report = await admin.pipeline.importMavenCrm(MAVEN_DIR, {
        onProgress: (progress) => phases.add(progress.phase),
      });
      expect([...phases]).toEqual(['products', 'teams', 'accounts', 'opportunities', 'learning']);
      const deals = report.opportunities;
      expect(deals.total).toBe(expected.rows);
      expect(deals.total).toBe(8800);
      expect(deals.created + deals.updated + deals.unchanged + deals.rejected.length).toBe(
        deals.total,
      );
      expect(deals.rejected).toEqual([]);
      expect(deals.leads).toBe(expected.leads);
      expect(deals.leads).toBe(1425);
      expect(deals.aliased).toEqual({ GTXPro: expected.aliased });
      expect(report.aliasesAdded).toEqual(['GTXPro']);
      expect(report.products.created).toBe(7);
      expect(report.accounts.total).toBe(85);
      expect(report.accounts.rejected).toEqual([]);
      expect(report.learned).toEqual({ won: 4238, lost: 2473 });

      const stages = await admin.pipeline.reports.stages({ pipeline: 'maven' });
      for (const row of stages) {
        const figures = expected.byStage[STAGE_NAMES[row.stage] ?? ''];
        expect(row.count, row.stage).toBe(figures?.count);
        expect(row.amounts.map(String), row.stage).toEqual(
          row.kind === 'open' ? [] : [figures?.amount],
        );
      }
      const revenue = await admin.pipeline.reports.wonRevenue({ pipeline: 'maven' });
      expect(revenue.revenue.map(String)).toEqual([expected.wonRevenue]);

      const owners = await admin.pipeline.reports.winRates('owner', { pipeline: 'maven' });
      const names = new Map<string, string>();
      if (withTeam) {
        const reps = await admin.team.reps.list({ limit: 1000 });
        for (const rep of reps.rows) names.set(rep.userId, rep.name);
      }
      // Won and lost per group, keyed by name when the team module names the keys.
      const countsBy = (rows: typeof owners, labels: Map<string, string>) =>
        Object.fromEntries(
          rows.map((row) => [
            withTeam ? labels.get(row.key ?? '') : row.key,
            { won: row.won, lost: row.lost },
          ]),
        );
      const byAgent = countsBy(owners, names);
      const slugged = Object.fromEntries(
        Object.entries(expected.byAgent).map(([agent, counts]) => [
          withTeam ? agent : agent.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          counts,
        ]),
      );
      expect(byAgent).toEqual(slugged);
      for (const row of owners) expect(row.winRate).toBeCloseTo(row.won / (row.won + row.lost), 12);

      const territories = await admin.pipeline.reports.winRates('territory', { pipeline: 'maven' });
      const codes = new Map<string, string>();
      if (withTeam) {
        const list = await admin.team.territories.list({ limit: 100 });
        for (const territory of list.rows) codes.set(territory.id, territory.name);
      }
      const byRegion = countsBy(territories, codes);
      expect(byRegion).toEqual(
        Object.fromEntries(
          Object.entries(expected.byRegion).map(([region, counts]) => [
            withTeam ? region : region.toLowerCase(),
            counts,
          ]),
        ),
      );
      const cycle = await admin.pipeline.reports.cycleLength(undefined, { pipeline: 'maven' });
      expect(cycle[0]?.averageDays?.slice(0, 6)).toBe(expected.averageCycleDays.slice(0, 6));

      // Leads have no company; every closed deal kept its account.
      expect(
        await admin.pipeline.opportunities.count({ kind: 'lead', companyId: { isNull: false } }),
      ).toBe(0);
      // Open deals were re-scored with the learned win model.
      const open = await admin.pipeline.opportunities.find({ where: { status: 'open' }, limit: 5 });
      for (const deal of open.rows) expect(deal.scoreExplanation?.winProbability).not.toBeNull();

      const again = await admin.pipeline.importMavenCrm(MAVEN_DIR);
      expect(again.opportunities).toMatchObject({
        total: 8800,
        created: 0,
        updated: 0,
        unchanged: 8800,
      });
      expect(again.aliasesAdded).toEqual([]);
      expect(await admin.pipeline.opportunities.count()).toBe(8800);
    });
  });
}

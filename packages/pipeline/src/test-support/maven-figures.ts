import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';

/** Figures of the Maven CRM data set, computed from the CSV files with plain code and decimal.js. */
export interface MavenFigures {
  readonly rows: number;
  readonly byStage: Record<string, { count: number; amount: string }>;
  readonly wonRevenue: string;
  readonly leads: number;
  readonly aliased: number;
  /** agent → won / lost */
  readonly byAgent: Record<string, { won: number; lost: number }>;
  /** regional office → won / lost */
  readonly byRegion: Record<string, { won: number; lost: number }>;
  readonly averageCycleDays: string;
}

function table(path: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

/** Computes the expected report figures straight from the files. */
export function mavenFigures(dir: string): MavenFigures {
  const deals = table(join(dir, 'sales_pipeline.csv'));
  const offices = new Map(
    table(join(dir, 'sales_teams.csv')).map((row) => [row.sales_agent, row.regional_office]),
  );
  const byStage: Record<string, { count: number; amount: Decimal }> = {};
  const byAgent: Record<string, { won: number; lost: number }> = {};
  const byRegion: Record<string, { won: number; lost: number }> = {};
  let won = new Decimal(0);
  let leads = 0;
  let aliased = 0;
  let cycleTotal = new Decimal(0);
  let cycleDeals = 0;
  for (const deal of deals) {
    const stage = deal.deal_stage ?? '';
    const entry = byStage[stage] ?? { count: 0, amount: new Decimal(0) };
    entry.count += 1;
    if (deal.close_value) entry.amount = entry.amount.plus(deal.close_value);
    byStage[stage] = entry;
    if (stage === 'Won') won = won.plus(deal.close_value ?? 0);
    if ((stage === 'Prospecting' || stage === 'Engaging') && !deal.account) leads += 1;
    if (deal.product === 'GTXPro') aliased += 1;
    if (stage === 'Won' || stage === 'Lost') {
      const outcome = stage === 'Won' ? 'won' : 'lost';
      const agentName = deal.sales_agent ?? '';
      const agent = byAgent[agentName] ?? { won: 0, lost: 0 };
      agent[outcome] += 1;
      byAgent[agentName] = agent;
      const office = offices.get(agentName) ?? '';
      const region = byRegion[office] ?? { won: 0, lost: 0 };
      region[outcome] += 1;
      byRegion[office] = region;
      if (stage === 'Won' && deal.engage_date && deal.close_date) {
        const days = (Date.parse(deal.close_date) - Date.parse(deal.engage_date)) / 86_400_000;
        cycleTotal = cycleTotal.plus(days);
        cycleDeals += 1;
      }
    }
  }
  return {
    rows: deals.length,
    byStage: Object.fromEntries(
      Object.entries(byStage).map(([stage, entry]) => [
        stage,
        { count: entry.count, amount: entry.amount.toFixed(2) },
      ]),
    ),
    wonRevenue: won.toFixed(2),
    leads,
    aliased,
    byAgent,
    byRegion,
    averageCycleDays: cycleTotal.div(cycleDeals).toFixed(4),
  };
}

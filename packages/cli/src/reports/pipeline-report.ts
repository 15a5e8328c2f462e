import type { ModuleScope, Money } from '@sellkit/core';
import type { PipelineService } from '@sellkit/pipeline';
import type { CellValue, Report, ReportSection } from '../output/report.js';
import { addMoney, byCurrency, moneyText } from './money-rows.js';
import { keyText, ownerNames, productNames, territoryNames } from './names.js';

type Row = Record<string, CellValue>;

/** One row per currency of a group's totals (a group without amounts still gets one row). */
function currencyRows(base: Row, totals: readonly Money[], field = 'amount'): Row[] {
  if (totals.length === 0) return [{ ...base, [field]: null, currency: null }];
  return totals.map((money) => ({ ...base, [field]: money.toString(), currency: money.currency }));
}

/** Groups of won deals: a key field (and the currency), count and revenue, in SQL. */
async function wonBy(scope: ModuleScope, groupBy: unknown) {
  return scope.records(scope.model('opportunity')).aggregate({
    where: { status: 'won' },
    groupBy: [groupBy, 'amount.currency'] as never,
    measures: { deals: { fn: 'count' }, revenue: { fn: 'sum', field: 'amount' } },
  });
}

/**
 * Won revenue per product from the lines of won deals (a deal with several products counts
 * each line for its product). Line amounts are summed by the database, a page of won deals at
 * a time, and the pages are added up exactly.
 */
async function wonByProduct(scope: ModuleScope) {
  const deals = scope.records(scope.model('opportunity'));
  const lines = scope.records(scope.model('opportunityLine'));
  const totals = new Map<string, { lines: number; revenue: Map<string, Money> }>();
  let after: string | undefined;
  do {
    const page = await deals.find({
      where: { status: 'won' },
      limit: 5_000,
      ...(after ? { after } : {}),
    });
    after = page.nextCursor ?? undefined;
    if (page.rows.length === 0) break;
    const groups = await lines.aggregate({
      where: { opportunityId: { in: page.rows.map((row) => String(row.id)) } },
      groupBy: ['productId', 'amount.currency'],
      measures: { lines: { fn: 'count' }, revenue: { fn: 'sum', field: 'amount' } },
    });
    for (const group of groups) {
      const key = String(group.productId);
      const entry = totals.get(key) ?? { lines: 0, revenue: new Map() };
      entry.lines += Number(group.lines);
      addMoney(entry.revenue, group.revenue);
      totals.set(key, entry);
    }
  } while (after);
  return totals;
}

function sortByRevenue<T extends { revenue: readonly Money[] }>(rows: T[]): T[] {
  // Largest first; rows in another currency than the first keep their relative order.
  return rows.sort((a, b) => {
    const x = a.revenue[0];
    const y = b.revenue[0];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.currency === y.currency ? y.compare(x) : x.currency < y.currency ? -1 : 1;
  });
}

/**
 * The pipeline report: count and amount per stage (with the weighted amount of open stages),
 * won revenue by territory, by product and by close month, and win rate per owner. Every
 * figure is a storage aggregate (pushed down to SQL on SQL adapters); amounts are exact.
 */
export async function buildPipelineReport(
  scope: ModuleScope,
  options: { readonly tenantId: string },
): Promise<Report> {
  const pipeline = scope.service<PipelineService>('pipeline');
  const [pipelines, winRates, won] = await Promise.all([
    pipeline.pipelines.list(),
    pipeline.reports.winRates('owner'),
    pipeline.reports.wonRevenue(),
  ]);
  // Every pipeline with deals (a tenant may have several: the default and imported ones).
  const stageRows: Row[] = [];
  const weightedTotal = new Map<string, Money>();
  for (const definition of pipelines) {
    const [stages, weighted] = await Promise.all([
      pipeline.reports.stages({ pipeline: definition.key }),
      pipeline.reports.weighted({ pipeline: definition.key }),
    ]);
    const deals = stages.reduce((sum, stage) => sum + stage.count, 0);
    if (deals === 0 && !(definition.isDefault && pipelines.length === 1)) continue;
    for (const money of weighted.total) addMoney(weightedTotal, money);
    const weightedByStage = new Map(weighted.stages.map((entry) => [entry.stage, entry.weighted]));
    for (const stage of stages) {
      for (const row of currencyRows(
        {
          pipeline: definition.name,
          stage: stage.name,
          kind: stage.kind,
          probability: stage.probability,
          deals: stage.count,
          withoutAmount: stage.withoutAmount,
        },
        stage.amounts,
      )) {
        const weightedAmount = weightedByStage
          .get(stage.stage)
          ?.find((money) => money.currency === row.currency);
        stageRows.push({ ...row, weighted: weightedAmount ? weightedAmount.toString() : null });
      }
    }
  }

  const territoryGroups = await wonBy(scope, 'territoryId');
  const territoryName = await territoryNames(
    scope,
    territoryGroups.map((group) => String(group.territoryId ?? '')),
  );
  const territories = new Map<string, { deals: number; revenue: Map<string, Money> }>();
  for (const group of territoryGroups) {
    const id = group.territoryId === null ? null : String(group.territoryId);
    const key = keyText(id === null ? null : (territoryName.get(id) ?? id));
    const entry = territories.get(key) ?? { deals: 0, revenue: new Map() };
    entry.deals += Number(group.deals);
    addMoney(entry.revenue, group.revenue);
    territories.set(key, entry);
  }
  const territoryRows = sortByRevenue(
    [...territories].map(([territory, entry]) => ({
      territory,
      deals: entry.deals,
      revenue: byCurrency(entry.revenue),
    })),
  ).flatMap((entry) =>
    currencyRows({ territory: entry.territory, deals: entry.deals }, entry.revenue, 'revenue'),
  );

  const products = await wonByProduct(scope);
  const productName = await productNames(scope, [...products.keys()]);
  const productRows = sortByRevenue(
    [...products].map(([id, entry]) => ({
      product: productName.get(id) ?? id,
      lines: entry.lines,
      revenue: byCurrency(entry.revenue),
    })),
  ).flatMap((entry) =>
    currencyRows({ product: entry.product, lines: entry.lines }, entry.revenue, 'revenue'),
  );

  const monthGroups = await wonBy(scope, { field: 'closeDate', bucket: 'month', as: 'month' });
  const monthRows = monthGroups
    .map((group) => ({
      month: keyText(group.month),
      deals: Number(group.deals),
      revenue: group.revenue === null ? null : (group.revenue as Money).toString(),
      currency: group.revenue === null ? null : (group.revenue as Money).currency,
    }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));

  const ownerName = await ownerNames(
    scope,
    winRates.map((row) => row.key ?? ''),
  );
  const ownerRows = winRates
    .map((row) => ({
      owner: keyText(row.key === null ? null : (ownerName.get(row.key) ?? row.key)),
      won: row.won,
      lost: row.lost,
      closed: row.won + row.lost,
      winRate: row.winRate,
    }))
    .sort((a, b) => b.winRate - a.winRate || b.closed - a.closed || (a.owner < b.owner ? -1 : 1));

  const money = (key: string, label: string) => ({ key, label, kind: 'money' as const });
  const sections: ReportSection[] = [
    {
      id: 'stages',
      title: 'Deals and amount per stage',
      columns: [
        { key: 'pipeline', label: 'pipeline' },
        { key: 'stage', label: 'stage' },
        { key: 'deals', label: 'deals', kind: 'integer' },
        money('amount', 'amount'),
        money('weighted', 'weighted'),
        { key: 'currency', label: 'currency' },
        { key: 'probability', label: 'prob. %', kind: 'integer' },
        { key: 'kind', label: 'kind' },
        { key: 'withoutAmount', label: 'no amount', kind: 'integer' },
      ],
      rows: stageRows,
    },
    {
      id: 'wonByTerritory',
      title: 'Won revenue by territory',
      columns: [
        { key: 'territory', label: 'territory' },
        { key: 'deals', label: 'deals', kind: 'integer' },
        money('revenue', 'revenue'),
        { key: 'currency', label: 'currency' },
      ],
      rows: territoryRows,
    },
    {
      id: 'wonByProduct',
      title: 'Won revenue by product (from the lines of won deals)',
      columns: [
        { key: 'product', label: 'product' },
        { key: 'lines', label: 'lines', kind: 'integer' },
        money('revenue', 'revenue'),
        { key: 'currency', label: 'currency' },
      ],
      rows: productRows,
    },
    {
      id: 'wonByMonth',
      title: 'Won revenue by close month',
      columns: [
        { key: 'month', label: 'month' },
        { key: 'deals', label: 'deals', kind: 'integer' },
        money('revenue', 'revenue'),
        { key: 'currency', label: 'currency' },
      ],
      rows: monthRows,
    },
    {
      id: 'winRateByOwner',
      title: 'Win rate per owner (won / (won + lost))',
      columns: [
        { key: 'owner', label: 'owner' },
        { key: 'won', label: 'won', kind: 'integer' },
        { key: 'lost', label: 'lost', kind: 'integer' },
        { key: 'winRate', label: 'win rate', kind: 'percent' },
      ],
      rows: ownerRows.map(({ closed: _closed, ...row }) => row),
    },
  ];
  return {
    id: 'pipeline',
    title: 'Pipeline report',
    facts: {
      tenant: options.tenantId,
      'weighted pipeline': moneyText(byCurrency(weightedTotal)),
      'won deals': won.deals,
      'won revenue': moneyText(won.revenue),
    },
    sections,
  };
}

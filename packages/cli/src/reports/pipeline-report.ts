import type { ModuleScope, Money } from '@sellkit/core';
import type { PipelineService } from '@sellkit/pipeline';
import { codeName, pipelineName, stageName } from '../messages/catalogue.js';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';
import type { Report } from '../output/report.js';
import { defineTables, type TableRow } from '../output/table.js';
import { addMoney, byCurrency, moneyText } from './money-rows.js';
import { keyText, ownerNames, productNames, territoryNames } from './names.js';

/** How the report's columns look, declared once for all its tables, labelled in a language. */
function tablesFor(messages: Messages) {
  const label = messages.pipelineReport.columns;
  return defineTables({
    ...Object.fromEntries(Object.entries(label).map(([key, text]) => [key, { label: text }])),
    pipeline: {
      label: label.pipeline,
      display: (value, { messages }) => pipelineName(String(value), messages),
    },
    stage: {
      label: label.stage,
      display: (value, { messages }) => stageName(String(value), messages),
    },
    kind: {
      label: label.kind,
      display: (value, l) => codeName('stageKind', String(value), l.messages),
    },
    deals: { kind: 'integer', label: label.deals },
    amount: { kind: 'money', label: label.amount },
    weighted: { kind: 'money', label: label.weighted },
    probability: { kind: 'integer', label: label.probability },
    withoutAmount: { kind: 'integer', label: label.withoutAmount },
    lines: { kind: 'integer', label: label.lines },
    month: { kind: 'month', label: label.month },
    revenue: { kind: 'money', label: label.revenue },
    won: { kind: 'integer', label: label.won },
    lost: { kind: 'integer', label: label.lost },
    winRate: { kind: 'percent', label: label.winRate },
  });
}

/** A group of won deals (or of their lines): how many, and the revenue per currency. */
interface RevenueGroup {
  count: number;
  readonly revenue: Map<string, Money>;
}

function addToGroup(
  groups: Map<string, RevenueGroup>,
  key: string,
  count: unknown,
  revenue: unknown,
): void {
  const group = groups.get(key) ?? { count: 0, revenue: new Map() };
  group.count += Number(count);
  addMoney(group.revenue, revenue);
  groups.set(key, group);
}

/** One row per currency of a group's totals (a group without amounts still gets one row). */
function currencyRows(base: TableRow, totals: readonly Money[], field = 'amount'): TableRow[] {
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
  const totals = new Map<string, RevenueGroup>();
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
    for (const group of groups)
      addToGroup(totals, String(group.productId), group.lines, group.revenue);
  } while (after);
  return totals;
}

/**
 * Rows of a won-revenue table, `{ [keyField], [countField], revenue, currency }`: largest
 * revenue first (groups in another currency than the first keep their relative order), one
 * row per currency of a group.
 */
function revenueRows(
  keyField: string,
  countField: string,
  groups: readonly (readonly [string, RevenueGroup])[],
): TableRow[] {
  return groups
    .map(([key, group]) => ({ key, count: group.count, revenue: byCurrency(group.revenue) }))
    .sort((a, b) => {
      const x = a.revenue[0];
      const y = b.revenue[0];
      if (!x || !y) return x ? -1 : y ? 1 : 0;
      return x.currency === y.currency ? y.compare(x) : x.currency < y.currency ? -1 : 1;
    })
    .flatMap((entry) =>
      currencyRows({ [keyField]: entry.key, [countField]: entry.count }, entry.revenue, 'revenue'),
    );
}

/**
 * The pipeline report: count and amount per stage (with the weighted amount of open stages),
 * won revenue by territory, by product and by close month, and win rate per owner. Every
 * figure is a storage aggregate (pushed down to SQL on SQL adapters); amounts are exact.
 * Titles and labels come from `options.messages` (English unless told).
 *
 * @example
 * ```ts
 * const report = await buildPipelineReport(scope, { tenantId: 'acme' });
 * writeReport(processIo(), report, 'json');
 * ```
 */
export async function buildPipelineReport(
  scope: ModuleScope,
  options: { readonly tenantId: string; readonly messages?: Messages },
): Promise<Report> {
  const messages = options.messages ?? en;
  const text = messages.pipelineReport;
  const table = tablesFor(messages);
  const pipeline = scope.service<PipelineService>('pipeline');
  const [pipelines, winRates, won] = await Promise.all([
    pipeline.pipelines.list(),
    pipeline.reports.winRates('owner'),
    pipeline.reports.wonRevenue(),
  ]);
  // Every pipeline with deals (a tenant may have several: the default and imported ones).
  const stageRows: TableRow[] = [];
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
  const territories = new Map<string, RevenueGroup>();
  for (const group of territoryGroups) {
    const id = group.territoryId === null ? null : String(group.territoryId);
    const key = keyText(id === null ? null : (territoryName.get(id) ?? id));
    addToGroup(territories, key, group.deals, group.revenue);
  }
  const territoryRows = revenueRows('territory', 'deals', [...territories]);

  const products = await wonByProduct(scope);
  const productName = await productNames(scope, [...products.keys()]);
  const productRows = revenueRows(
    'product',
    'lines',
    [...products].map(([id, group]) => [productName.get(id) ?? id, group] as const),
  );

  const monthGroups = await wonBy(scope, { field: 'closeDate', bucket: 'month', as: 'month' });
  const monthRows = monthGroups
    .map((group) => ({
      month: keyText(group.month),
      deals: Number(group.deals),
      revenue: group.revenue as Money | null,
    }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .flatMap(({ revenue, ...base }) => currencyRows(base, revenue ? [revenue] : [], 'revenue'));

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

  // The won-revenue tables share a shape: what they group by, a count, revenue, currency.
  const revenueTable = (
    id: string,
    title: string,
    by: readonly [string, string],
    rows: readonly TableRow[],
  ) => table(id, title, [...by, 'revenue', 'currency'], rows);
  const sections = [
    table(
      'stages',
      text.sections.stages,
      [
        'pipeline',
        'stage',
        'deals',
        'amount',
        'weighted',
        'currency',
        'probability',
        'kind',
        'withoutAmount',
      ],
      stageRows,
    ),
    revenueTable(
      'wonByTerritory',
      text.sections.wonByTerritory,
      ['territory', 'deals'],
      territoryRows,
    ),
    revenueTable('wonByProduct', text.sections.wonByProduct, ['product', 'lines'], productRows),
    revenueTable('wonByMonth', text.sections.wonByMonth, ['month', 'deals'], monthRows),
    table(
      'winRateByOwner',
      text.sections.winRateByOwner,
      ['owner', 'won', 'lost', 'winRate'],
      ownerRows.map(({ closed: _closed, ...row }) => row),
    ),
  ];
  const weightedPipeline = moneyText(byCurrency(weightedTotal));
  const wonRevenue = moneyText(won.revenue);
  return {
    id: 'pipeline',
    title: text.title,
    facts: {
      tenant: options.tenantId,
      'weighted pipeline': weightedPipeline,
      'won deals': won.deals,
      'won revenue': wonRevenue,
    },
    factLines: [
      { label: text.facts.tenant, value: options.tenantId },
      { label: text.facts.weightedPipeline, value: weightedPipeline, kind: 'amounts' },
      { label: text.facts.wonDeals, value: won.deals, kind: 'integer' },
      { label: text.facts.wonRevenue, value: wonRevenue, kind: 'amounts' },
    ],
    sections,
  };
}

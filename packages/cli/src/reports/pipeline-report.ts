import type { ModuleScope, Money } from '@sellkit/core';
import { pipelineHandle } from '@sellkit/pipeline';
import { codeName, pipelineName, stageName } from '../messages/catalogue.js';
import { en } from '../messages/en.js';
import type { Messages } from '../messages/messages.js';
import type { Report } from '../output/report.js';
import { defineTables, type TableRow } from '../output/table.js';
import { addMoney, byCurrency, moneyText } from './money-rows.js';
import { keyText, ownerNames, territoryNames } from './names.js';

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

/**
 * The report's groups by the name they are shown under (`(none)` for none): groups shown under
 * the same name (two territories called alike) are one row, as they read.
 */
function byShownName(
  rows: readonly {
    readonly name: string;
    readonly count: number;
    readonly revenue: readonly Money[];
  }[],
): Map<string, RevenueGroup> {
  const groups = new Map<string, RevenueGroup>();
  for (const row of rows) {
    const group = groups.get(row.name) ?? { count: 0, revenue: new Map<string, Money>() };
    group.count += row.count;
    for (const money of row.revenue) addMoney(group.revenue, money);
    groups.set(row.name, group);
  }
  return groups;
}

/** One row per currency of a group's totals (a group without amounts still gets one row). */
function currencyRows(base: TableRow, totals: readonly Money[], field = 'amount'): TableRow[] {
  if (totals.length === 0) return [{ ...base, [field]: null, currency: null }];
  return totals.map((money) => ({ ...base, [field]: money.toString(), currency: money.currency }));
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
  const pipeline = scope.use(pipelineHandle);
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

  const [territoryGroups, products, months] = await Promise.all([
    pipeline.reports.wonByTerritory(),
    pipeline.reports.wonByProduct(),
    pipeline.reports.wonByPeriodAndCurrency('month'),
  ]);
  const territoryName = await territoryNames(
    scope,
    territoryGroups.map((group) => group.territoryId ?? ''),
  );
  const territoryRows = revenueRows('territory', 'deals', [
    ...byShownName(
      territoryGroups.map((group) => ({
        name: keyText(
          group.territoryId === null
            ? null
            : (territoryName.get(group.territoryId) ?? group.territoryId),
        ),
        count: group.deals,
        revenue: group.revenue,
      })),
    ),
  ]);
  const productRows = revenueRows('product', 'lines', [
    ...byShownName(
      products.map((group) => ({
        name: keyText(group.name ?? group.productId),
        count: group.lines,
        revenue: group.revenue,
      })),
    ),
  ]);
  const monthRows = months.flatMap(({ period, deals, revenue }) =>
    currencyRows({ month: keyText(period), deals }, revenue ? [revenue] : [], 'revenue'),
  );

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

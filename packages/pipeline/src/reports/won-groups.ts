import { catalogHandle } from '@sellkit/catalog';
import type { CalendarUnit, Money } from '@sellkit/core';
import { type PipelineContext, pipelineModels } from '../shared/context.js';
import { addTo, sortedTotals } from './money-math.js';
import { keyOf, moneyOf, type ReportFilter, reportWhere } from './report-where.js';

/** Won deals of one territory: how many, and their revenue. */
export interface WonTerritoryRow {
  /** The territory id (null: won deals without a territory). */
  readonly territoryId: string | null;
  readonly deals: number;
  /** Revenue, one Money per currency, sorted by currency. */
  readonly revenue: readonly Money[];
}

/** Won revenue of one product, from the lines of won deals. */
export interface WonProductRow {
  readonly productId: string;
  /** The product's name in the catalog (null when the catalog no longer has it). */
  readonly name: string | null;
  /** Lines of won deals for the product. */
  readonly lines: number;
  /** Revenue, one Money per currency, sorted by currency. */
  readonly revenue: readonly Money[];
}

/** Won deals of one period and currency. */
export interface WonPeriodCurrencyRow {
  /** The period key (`2026-03`...), null for won deals without a close date. */
  readonly period: string | null;
  /** The currency, null for won deals without an amount. */
  readonly currency: string | null;
  /** Won deals of the period in this currency. */
  readonly deals: number;
  /** Their revenue (null for deals without an amount). */
  readonly revenue: Money | null;
}

// Won deals are read a page of ids at a time to sum their lines; lines are looked up, and
// product names fetched, in chunks that keep `in (...)` lists short.
const PAGE = 5_000;
const CHUNK = 500;

interface Group {
  count: number;
  readonly totals: Map<string, Money>;
}

function addGroup<K>(groups: Map<K, Group>, key: K, count: unknown, revenue: unknown): void {
  const group = groups.get(key) ?? { count: 0, totals: new Map<string, Money>() };
  group.count += Number(count);
  addTo(group.totals, moneyOf(revenue));
  groups.set(key, group);
}

/**
 * Largest revenue first: groups compare by their first currency's revenue; groups whose first
 * currency differs keep currency order, groups without revenue go last (the sort is stable).
 */
function byRevenue<T extends { readonly revenue: readonly Money[] }>(rows: T[]): T[] {
  return rows.sort((a, b) => {
    const x = a.revenue[0];
    const y = b.revenue[0];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.currency === y.currency ? y.compare(x) : x.currency < y.currency ? -1 : 1;
  });
}

/** Won deals and revenue per territory, largest revenue first. */
export async function wonByTerritory(
  ctx: PipelineContext,
  filter: ReportFilter,
): Promise<WonTerritoryRow[]> {
  const { opportunity } = pipelineModels(ctx.scope);
  const groups = await ctx.scope.records(opportunity).aggregate({
    where: await reportWhere(ctx, filter, ['won']),
    groupBy: ['territoryId', 'amount.currency'],
    measures: { deals: { fn: 'count' }, revenue: { fn: 'sum', field: 'amount' } },
  });
  const territories = new Map<string | null, Group>();
  for (const group of groups)
    addGroup(territories, keyOf(group.territoryId), group.deals, group.revenue);
  return byRevenue(
    [...territories].map(([territoryId, group]) => ({
      territoryId,
      deals: group.count,
      revenue: sortedTotals(group.totals),
    })),
  );
}

/** Product names by id, through the catalog's typed handle. */
async function productNames(ctx: PipelineContext, ids: readonly string[]) {
  const catalog = ctx.scope.use(catalogHandle);
  const names = new Map<string, string>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    for (const product of await catalog.products.getMany(ids.slice(start, start + CHUNK)))
      names.set(product.id, product.name);
  }
  return names;
}

/**
 * Won revenue per product from the lines of won deals (a deal with several products counts
 * each line for its product), largest revenue first. Line amounts are summed by the storage
 * engine, a page of won deals at a time, and the pages are added up exactly.
 */
export async function wonByProduct(
  ctx: PipelineContext,
  filter: ReportFilter,
): Promise<WonProductRow[]> {
  const { opportunity, opportunityLine } = pipelineModels(ctx.scope);
  const deals = ctx.scope.records(opportunity);
  const lines = ctx.scope.records(opportunityLine);
  const where = await reportWhere(ctx, filter, ['won']);
  const products = new Map<string, Group>();
  let after: string | undefined;
  do {
    const page = await deals.find({
      where,
      select: ['id'],
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    after = page.nextCursor ?? undefined;
    if (page.rows.length === 0) break;
    const groups = await lines.aggregate({
      where: { opportunityId: { in: page.rows.map((row) => row.id) } },
      groupBy: ['productId', 'amount.currency'],
      measures: { lines: { fn: 'count' }, revenue: { fn: 'sum', field: 'amount' } },
    });
    for (const group of groups)
      addGroup(products, String(group.productId), group.lines, group.revenue);
  } while (after !== undefined);
  const names = await productNames(ctx, [...products.keys()]);
  return byRevenue(
    [...products].map(([productId, group]) => ({
      productId,
      name: names.get(productId) ?? null,
      lines: group.count,
      revenue: sortedTotals(group.totals),
    })),
  );
}

/** Orders null first, then text. */
function nullFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Won deals and revenue per period of the tenant's calendar and currency, oldest first. Sums
 * run in storage per close date and currency, and are folded into periods exactly.
 */
export async function wonByPeriodAndCurrency(
  ctx: PipelineContext,
  unit: CalendarUnit,
  filter: ReportFilter,
): Promise<WonPeriodCurrencyRow[]> {
  const { opportunity } = pipelineModels(ctx.scope);
  const calendar = await ctx.scope.calendar();
  const groups = await ctx.scope.records(opportunity).aggregate({
    where: await reportWhere(ctx, filter, ['won']),
    groupBy: ['closeDate', 'amount.currency'],
    measures: { deals: { fn: 'count' }, revenue: { fn: 'sum', field: 'amount' } },
  });
  const rows = new Map<string, WonPeriodCurrencyRow>();
  for (const group of groups) {
    const day = keyOf(group.closeDate);
    const period = day === null ? null : calendar.periodKey(unit, day);
    const revenue = moneyOf(group.revenue);
    const currency = revenue?.currency ?? null;
    const key = `${period ?? ''}\u0000${currency ?? ''}`;
    const known = rows.get(key);
    rows.set(key, {
      period,
      currency,
      deals: (known?.deals ?? 0) + Number(group.deals),
      revenue: known?.revenue && revenue ? known.revenue.add(revenue) : (known?.revenue ?? revenue),
    });
  }
  return [...rows.values()].sort(
    (a, b) => nullFirst(a.period, b.period) || nullFirst(a.currency, b.currency),
  );
}

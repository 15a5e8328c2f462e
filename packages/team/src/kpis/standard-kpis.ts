import type { KpiDefinition, KpiMeasure } from './kpi-definition.js';
import { DEFAULT_BANDS } from './kpi-definition.js';

const won = (fn: 'count' | 'sum', field?: string): KpiMeasure => ({
  model: 'opportunity',
  fn,
  ...(field ? { field } : {}),
  where: { status: 'won' },
  dateField: 'closeDate',
  repField: 'ownerId',
});

/**
 * The KPIs every tenant has, on the pipeline's opportunities (by close date and owner) and the
 * customers module's interactions (by occurrence and owner): `won-revenue`, `won-deals`,
 * `win-rate` (won / won + lost, percent), `average-deal-size`, `cycle-length` (days from
 * engagement to close of won deals; lower is better), `activities` (interactions logged) and
 * `new-customers` (companies that first became customers, by `customerSince` and owner).
 * Money KPIs count `currency` (the configured one) when given.
 *
 * @example
 * ```ts
 * const kpis = standardKpis('EUR');
 * kpis.map((kpi) => kpi.key); // ['won-revenue', 'won-deals', 'win-rate', ...]
 * ```
 */
export function standardKpis(currency: string | null): KpiDefinition[] {
  const money = currency ? { currency } : {};
  return [
    {
      key: 'won-revenue',
      name: 'Won revenue',
      measure: won('sum', 'amount'),
      ...money,
      target: { quota: 'won-revenue' },
      bands: DEFAULT_BANDS,
    },
    {
      key: 'won-deals',
      name: 'Won deals',
      measure: won('count'),
      target: { quota: 'won-deals' },
      bands: DEFAULT_BANDS,
    },
    {
      key: 'win-rate',
      name: 'Win rate (%)',
      percent: true,
      measure: won('count'),
      per: { ...won('count'), where: { status: { in: ['won', 'lost'] } } },
      bands: DEFAULT_BANDS,
    },
    {
      key: 'average-deal-size',
      name: 'Average deal size',
      measure: won('sum', 'amount'),
      per: won('count'),
      ...money,
      bands: DEFAULT_BANDS,
    },
    {
      key: 'cycle-length',
      name: 'Cycle length (days)',
      measure: {
        ...won('sum', 'cycleDays'),
        where: { status: 'won', cycleDays: { isNull: false } },
      },
      per: { ...won('count'), where: { status: 'won', cycleDays: { isNull: false } } },
      better: 'lower',
      bands: DEFAULT_BANDS,
    },
    {
      key: 'activities',
      name: 'Activities',
      measure: {
        model: 'interaction',
        fn: 'count',
        dateField: 'occurredAt',
        repField: 'ownerId',
      },
      target: { quota: 'interactions' },
      bands: DEFAULT_BANDS,
    },
    {
      key: 'new-customers',
      name: 'New customers',
      measure: {
        model: 'company',
        fn: 'count',
        dateField: 'customerSince',
        repField: 'ownerId',
      },
      target: { quota: 'new-customers' },
      bands: DEFAULT_BANDS,
    },
  ];
}

import type { AggregateRow, ModuleScope } from '@sellkit/core';

const PAGE = 5000;

/**
 * Interactions since `since`, counted per month of the tenant's calendar and type: rows
 * `{ month: '2026-03', type, interactions }`. Storage buckets instants by UTC month, which is
 * the tenant's month only in UTC; other zones are bucketed here, one page of instants at a time.
 *
 * @example
 * ```ts
 * const since = new Date('2026-01-01T00:00:00Z');
 * const rows = await interactionsByMonth(scope, since); // [{ month: '2026-03', type: 'call', interactions: 4 }]
 * ```
 */
export async function interactionsByMonth(
  scope: ModuleScope,
  since: Date,
): Promise<readonly AggregateRow[]> {
  const calendar = await scope.calendar();
  const interaction = scope.records(scope.model('interaction'));
  if (calendar.timeZone === 'UTC') {
    return interaction.aggregate({
      where: { occurredAt: { gte: since } },
      groupBy: [{ field: 'occurredAt', bucket: 'month', as: 'month' }, 'type'],
      measures: { interactions: { fn: 'count' } },
      orderBy: [{ key: 'month', direction: 'asc' }],
    });
  }
  const counts = new Map<string, { month: string; type: string; interactions: number }>();
  let after: string | undefined;
  do {
    const page = await interaction.find({
      where: { occurredAt: { gte: since } },
      select: ['occurredAt', 'type'],
      limit: PAGE,
      ...(after === undefined ? {} : { after }),
    });
    for (const row of page.rows) {
      const month = calendar.periodKey('month', row.occurredAt as Date);
      const type = String(row.type);
      const key = `${month}\u0000${type}`;
      const entry = counts.get(key) ?? { month, type, interactions: 0 };
      entry.interactions += 1;
      counts.set(key, entry);
    }
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return [...counts.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

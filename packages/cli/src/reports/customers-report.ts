import type { ModuleScope } from '@sellkit/core';
import type { Report } from '../output/report.js';
import { defineTables } from '../output/table.js';
import { keyText, ownerNames, territoryNames } from './names.js';

const INTERACTION_TYPES = ['call', 'email', 'meeting', 'visit', 'note'] as const;

function monthLabel(date: Date): string {
  return date.toISOString().slice(0, 7);
}

// How the report's columns look, declared once for all its tables.
const table = defineTables({
  companies: 'integer',
  employees: 'integer',
  sizeClass: { label: 'size class' },
  ...Object.fromEntries(
    INTERACTION_TYPES.map((type) => [type, { kind: 'integer' as const, label: `${type}s` }]),
  ),
  total: 'integer',
});

/**
 * The customers report, every figure an aggregate computed by the storage engine: companies
 * by lifecycle stage, industry, size class, territory and owner, and interactions per month
 * and type over the last twelve months.
 *
 * @example
 * ```ts
 * const report = await buildCustomersReport(scope, { now: new Date(), tenantId: 'acme' });
 * report.sections.map((section) => section.title);
 * ```
 */
export async function buildCustomersReport(
  scope: ModuleScope,
  options: { readonly now: Date; readonly tenantId: string },
): Promise<Report> {
  const company = scope.records(scope.model('company'));
  const contact = scope.records(scope.model('contact'));
  const interaction = scope.records(scope.model('interaction'));
  // Companies counted by one field, largest group first: a two-column table. Ids (territories,
  // reps) are shown by name when `names` is given.
  const companiesBy = async (
    id: string,
    title: string,
    [key, field]: readonly [string, string],
    names?: typeof ownerNames,
  ) => {
    const groups = await company.aggregate({
      groupBy: [field],
      measures: { companies: { fn: 'count' } },
      orderBy: [
        { key: 'companies', direction: 'desc' },
        { key: field, direction: 'asc' },
      ],
    });
    const name = names
      ? await names(
          scope,
          groups.map((row) => String(row[field] ?? '')),
        )
      : new Map<string, string>();
    return table(
      id,
      title,
      [key, 'companies'],
      groups.map((row) => {
        const value = row[field];
        return {
          [key]: keyText(value === null ? null : (name.get(String(value)) ?? value)),
          companies: Number(row.companies),
        };
      }),
    );
  };
  const [companies, contacts, interactions] = await Promise.all([
    company.count(),
    contact.count(),
    interaction.count(),
  ]);
  const lifecycle = await companiesBy('lifecycle', 'Companies by lifecycle stage', [
    'stage',
    'lifecycleStage',
  ]);
  const byIndustry = await company.aggregate({
    groupBy: ['industry'],
    measures: { companies: { fn: 'count' }, employees: { fn: 'sum', field: 'employees' } },
    orderBy: [
      { key: 'companies', direction: 'desc' },
      { key: 'industry', direction: 'asc' },
    ],
  });
  const sizes = await companiesBy('sizes', 'Companies by size class', ['sizeClass', 'sizeClass']);
  const territories = await companiesBy(
    'territories',
    'Companies by territory',
    ['territory', 'territoryId'],
    territoryNames,
  );
  const owners = await companiesBy(
    'owners',
    'Companies by owner',
    ['owner', 'ownerId'],
    ownerNames,
  );
  const since = new Date(
    Date.UTC(options.now.getUTCFullYear() - 1, options.now.getUTCMonth() + 1, 1),
  );
  const monthly = await interaction.aggregate({
    where: { occurredAt: { gte: since } },
    groupBy: [{ field: 'occurredAt', bucket: 'month', as: 'month' }, 'type'],
    measures: { interactions: { fn: 'count' } },
    orderBy: [{ key: 'month', direction: 'asc' }],
  });
  const months = new Map<string, Record<string, string | number>>();
  for (let offset = 0; offset < 12; offset++) {
    const month = monthLabel(
      new Date(Date.UTC(since.getUTCFullYear(), since.getUTCMonth() + offset, 1)),
    );
    months.set(month, {
      month,
      total: 0,
      ...Object.fromEntries(INTERACTION_TYPES.map((type) => [type, 0])),
    });
  }
  for (const row of monthly) {
    const entry = months.get(String(row.month));
    if (!entry) continue;
    const count = Number(row.interactions);
    entry[String(row.type)] = count;
    entry.total = Number(entry.total) + count;
  }

  const sections = [
    lifecycle,
    table(
      'industries',
      'Companies by industry',
      ['industry', 'companies', 'employees'],
      byIndustry.map((row) => ({
        industry: keyText(row.industry),
        companies: Number(row.companies),
        employees:
          typeof row.employees === 'number' || row.employees === null
            ? (row.employees as number | null)
            : String(row.employees),
      })),
    ),
    sizes,
    territories,
    owners,
    table(
      'interactionsByMonth',
      'Interactions per month (last 12 months)',
      ['month', ...INTERACTION_TYPES, 'total'],
      [...months.values()],
    ),
  ];
  return {
    id: 'customers',
    title: 'Customers report',
    facts: { tenant: options.tenantId, companies, contacts, interactions },
    sections,
  };
}
